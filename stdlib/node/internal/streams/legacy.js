// Stream: the base of all streams (an EventEmitter), with the old-style
// pipe() that predates Readable (kept because libraries subclass Stream).
'use strict';

var EventEmitter = require('../../events.js');

function Stream(options) {
    // A Duplex runs both the Readable and the Writable constructors: the
    // listeners the first one saw must survive the second.
    if (!this._events || this._events === Object.getPrototypeOf(this)._events)
        EventEmitter.call(this, options);
}
Stream.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Stream, writable: true, configurable: true }
});
Object.setPrototypeOf(Stream, EventEmitter);

Stream.prototype.pipe = function (dest, options) {
    var source = this;
    function ondata(chunk) {
        if (dest.writable && dest.write(chunk) === false && source.pause)
            source.pause();
    }
    function ondrain() {
        if (source.readable && source.resume)
            source.resume();
    }
    source.on('data', ondata);
    dest.on('drain', ondrain);
    var ended = false;
    function onend() {
        if (ended)
            return;
        ended = true;
        dest.end();
    }
    function onclose() {
        if (ended)
            return;
        ended = true;
        if (typeof dest.destroy === 'function')
            dest.destroy();
    }
    if (!dest._isStdio && (!options || options.end !== false)) {
        source.on('end', onend);
        source.on('close', onclose);
    }
    function onerror(error) {
        cleanup();
        if (EventEmitter.prototype.listenerCount.call(this, 'error') === 0)
            this.emit('error', error);
    }
    source.prependListener('error', onerror);
    dest.prependListener('error', onerror);
    function cleanup() {
        source.removeListener('data', ondata);
        dest.removeListener('drain', ondrain);
        source.removeListener('end', onend);
        source.removeListener('close', onclose);
        source.removeListener('error', onerror);
        dest.removeListener('error', onerror);
        source.removeListener('end', cleanup);
        source.removeListener('close', cleanup);
        dest.removeListener('close', cleanup);
    }
    source.on('end', cleanup);
    source.on('close', cleanup);
    dest.on('close', cleanup);
    dest.emit('pipe', source);
    return dest;
};

module.exports = Stream;
