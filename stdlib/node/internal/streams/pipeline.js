// stream.pipeline(source, ...transforms, destination, callback): pipes
// each stream into the next, destroys them all when one fails, and calls
// back once, after the last one finished (or with the first error). Node
// streams only: generators and async iterables need features Duktape
// lacks.
'use strict';

var finished = require('./end_of_stream.js');
var streamErrors = require('./errors.js');
var codedErrors = require('../coded_errors.js');

function isStream(value) {
    return !!(value && typeof value.on === 'function' &&
        (typeof value.pipe === 'function' || typeof value.write === 'function'));
}

function pipeline() {
    var streams = Array.prototype.slice.call(arguments);
    var callback = streams.pop();
    if (typeof callback !== 'function')
        throw codedErrors.invalidArgType('streams[stream.length - 1]', 'function', callback);
    if (streams.length === 1 && Array.isArray(streams[0]))
        streams = streams[0];
    if (streams.length < 2)
        throw streamErrors.missingArgs('streams');
    for (var k = 0; k < streams.length; k++) {
        if (!isStream(streams[k])) {
            throw codedErrors.invalidArgType('streams[' + k + ']', ['Stream'], streams[k]);
        }
    }

    var error;  // undefined when all went well, as Node passes it
    var pending = 0;
    var destroys = [];

    function finish(failure) { finishWith(failure, --pending === 0); }
    function finishWith(failure, final) {
        if (failure && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE'))
            error = failure;
        if (!error && !final)
            return;
        while (destroys.length)
            destroys.shift()(error);
        if (final)
            process.nextTick(callback, error);
    }

    for (var i = 0; i < streams.length; i++)
        addStream(streams[i], i);

    function addStream(stream, i) {
        var reading = i < streams.length - 1;
        var writing = i > 0;
        // Errors after the pipe is done still count.
        stream.on('error', function (failure) {
            if (failure && failure.name !== 'AbortError' &&
                failure.code !== 'ERR_STREAM_PREMATURE_CLOSE')
                finish(failure);
        });
        if (i > 0) {
            pending += 2;
            connect(streams[i - 1], stream, finish);
        }
        destroys.push(destroyer(stream, reading, writing));
    }

    return streams[streams.length - 1];
}

// Destroys `stream` with the pipeline's error unless it already finished.
function destroyer(stream, reading, writing) {
    var done = false;
    stream.on('close', function () { done = true; });
    finished(stream, { readable: reading, writable: writing }, function (failure) {
        done = !failure;
    });
    return function (failure) {
        if (done)
            return;
        done = true;
        if (typeof stream.destroy === 'function')
            stream.destroy(failure || streamErrors.destroyed('pipe'));
    };
}

function connect(src, dst, finish) {
    var ended = false;
    dst.on('close', function () {
        if (!ended)
            finish(streamErrors.prematureClose());
    });
    src.pipe(dst, { end: false });
    function endDestination() {
        ended = true;
        dst.end();
    }
    if (finished.isReadableFinished(src))
        process.nextTick(endDestination);
    else
        src.once('end', endDestination);
    finished(src, { readable: true, writable: false }, function (failure) {
        var r = src._readableState;
        if (failure && failure.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
            r && r.ended && !r.errored && !r.errorEmitted)
            src.once('end', endDestination).once('error', endDestination);
        else
            finish(failure);
    });
    finished(dst, { readable: false, writable: true }, finish);
}

module.exports = pipeline;
