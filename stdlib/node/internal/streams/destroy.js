// destroy() of every stream, and the rule for errors: a stream with
// autoDestroy (the default) is destroyed by its error; 'error' and then
// 'close' are emitted on the next tick, each at most once.
'use strict';

function recordError(error, w, r) {
    if (!error)
        return;
    if (w && !w.errored)
        w.errored = error;
    if (r && !r.errored)
        r.errored = error;
}

function emitErrorNT(stream, error) {
    var r = stream._readableState;
    var w = stream._writableState;
    if ((w && w.errorEmitted) || (r && r.errorEmitted))
        return;
    if (w)
        w.errorEmitted = true;
    if (r)
        r.errorEmitted = true;
    stream.emit('error', error);
}

function emitCloseNT(stream) {
    var r = stream._readableState;
    var w = stream._writableState;
    if (w)
        w.closeEmitted = true;
    if (r)
        r.closeEmitted = true;
    if ((w && w.emitClose) || (r && r.emitClose))
        stream.emit('close');
}

function emitErrorCloseNT(stream, error) {
    emitErrorNT(stream, error);
    emitCloseNT(stream);
}

function runDestroy(stream, error, callback) {
    var called = false;
    function onDestroy(failure) {
        if (called)
            return;
        called = true;
        var r = stream._readableState;
        var w = stream._writableState;
        recordError(failure, w, r);
        if (w)
            w.closed = true;
        if (r)
            r.closed = true;
        if (typeof callback === 'function')
            callback(failure);
        if (failure)
            process.nextTick(emitErrorCloseNT, stream, failure);
        else
            process.nextTick(emitCloseNT, stream);
    }
    try {
        stream._destroy(error || null, onDestroy);
    } catch (thrown) {
        onDestroy(thrown);
    }
}

function destroy(error, callback) {
    var r = this._readableState;
    var w = this._writableState;
    var s = w || r;
    if ((w && w.destroyed) || (r && r.destroyed)) {
        if (typeof callback === 'function')
            callback();
        return this;
    }
    recordError(error, w, r);
    if (w)
        w.destroyed = true;
    if (r)
        r.destroyed = true;
    if (s && !s.constructed) {
        // _construct has not called back yet: destroy when it has.
        var self = this;
        s.afterConstruct.push(function (failure) {
            runDestroy(self, failure || error, callback);
        });
    } else {
        runDestroy(this, error, callback);
    }
    return this;
}

function errorOrDestroy(stream, error, sync) {
    var r = stream._readableState;
    var w = stream._writableState;
    if ((w && w.destroyed) || (r && r.destroyed))
        return;
    if ((r && r.autoDestroy) || (w && w.autoDestroy)) {
        stream.destroy(error);
    } else if (error) {
        recordError(error, w, r);
        if (sync)
            process.nextTick(emitErrorNT, stream, error);
        else
            emitErrorNT(stream, error);
    }
}

// Runs stream._construct(callback) on the next tick; reads and writes
// wait until it has called back. `then(stream)` runs (a tick later) when it
// succeeded; a destroy() that came meanwhile runs instead. Most streams
// have no _construct: for them this is one test, with no closure made
// (a function that declares inner functions makes them, and a scope for
// them, at every call in Duktape, even when it returns at once).
function construct(stream, then) {
    if (typeof stream._construct === 'function')
        startConstruct(stream, then);
}

function startConstruct(stream, then) {
    var r = stream._readableState;
    var w = stream._writableState;
    var s = w || r;
    if (r)
        r.constructed = false;
    if (w)
        w.constructed = false;
    s.afterConstruct = [];
    var called = false;
    function onConstruct(error) {
        if (called) {
            errorOrDestroy(stream, error || require('./errors.js').multipleCallback());
            return;
        }
        called = true;
        if (r)
            r.constructed = true;
        if (w)
            w.constructed = true;
        if (s.destroyed) {
            var pending = s.afterConstruct.splice(0);
            for (var i = 0; i < pending.length; i++)
                pending[i](error);
        } else if (error) {
            errorOrDestroy(stream, error, true);
        } else {
            process.nextTick(then, stream);
        }
    }
    process.nextTick(function () {
        try {
            stream._construct(function (error) { process.nextTick(onConstruct, error); });
        } catch (thrown) {
            process.nextTick(onConstruct, thrown);
        }
    });
}

exports.destroy = destroy;
exports.errorOrDestroy = errorOrDestroy;
exports.construct = construct;
exports.emitErrorNT = emitErrorNT;
