// Transform: a Duplex whose output is computed from its input by
// _transform(chunk, encoding, callback(error, output)); _flush(callback)
// adds the last output when the input ends. The writable side waits while
// the readable side is full (back-pressure through both sides).
'use strict';

var Duplex = require('./duplex.js');
var state = require('./state.js');

function Transform(options) {
    if (!(this instanceof Transform))
        return new Transform(options);
    var readableMark = options ?
        state.highWaterMark(options, !!(options.objectMode || options.readableObjectMode),
            'readableHighWaterMark', true) : null;
    if (readableMark === 0) {
        // A readable side that holds nothing would stall the writable one.
        var copy = {};
        for (var key in options)
            copy[key] = options[key];
        copy.highWaterMark = null;
        copy.readableHighWaterMark = readableMark;
        copy.writableHighWaterMark = options.writableHighWaterMark || 0;
        options = copy;
    }
    Duplex.call(this, options);
    this._readableState.sync = false;
    // The _write callback held back while the readable side is full.
    Object.defineProperty(this, '_pendingCallback', { value: null, writable: true });
    if (options) {
        if (typeof options.transform === 'function')
            this._transform = options.transform;
        if (typeof options.flush === 'function')
            this._flush = options.flush;
    }
    this.on('prefinish', prefinish);
}
Transform.prototype = Object.create(Duplex.prototype, {
    constructor: { value: Transform, writable: true, configurable: true }
});
Object.setPrototypeOf(Transform, Duplex);

function final(callback) {
    var self = this;
    if (typeof this._flush === 'function' && !this.destroyed) {
        this._flush(function (error, data) {
            if (error) {
                if (callback)
                    callback(error);
                else
                    self.destroy(error);
                return;
            }
            if (data !== null && data !== undefined)
                self.push(data);
            self.push(null);
            if (callback)
                callback();
        });
    } else {
        this.push(null);
        if (callback)
            callback();
    }
}

// A subclass that replaced _final still gets its _flush run.
function prefinish() {
    if (this._final !== final)
        final.call(this);
}

Transform.prototype._final = final;

Transform.prototype._transform = function () {
    throw require('./errors.js').notImplemented('_transform()');
};

Transform.prototype._write = function (chunk, encoding, callback) {
    var self = this;
    var r = this._readableState;
    var w = this._writableState;
    var length = r.length;
    this._transform(chunk, encoding, function (error, value) {
        if (error) {
            callback(error);
            return;
        }
        if (value !== null && value !== undefined)
            self.push(value);
        if (w.ended || length === r.length || r.length < r.highWaterMark)
            callback();
        else
            self._pendingCallback = callback;  // until the reader makes room
    });
};

Transform.prototype._read = function () {
    if (this._pendingCallback) {
        var callback = this._pendingCallback;
        // The _write callback held back while the readable side is full.
    Object.defineProperty(this, '_pendingCallback', { value: null, writable: true });
        callback();
    }
};

module.exports = Transform;
