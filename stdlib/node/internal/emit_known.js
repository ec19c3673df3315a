// emitter.emit(name[, a[, b]]) for unode's own modules (streams, http),
// which know how many arguments they pass: `count` is 0, 1 or 2. The
// listeners are called as emit calls them (events.js, callListeners), but
// nothing reads `arguments`: in Duktape that builds an object at every
// call, about 5,300 guest instructions, and a keep-alive http request
// emits six events ('data', 'readable', 'request', 'finish', 'close' twice).
//
// 'error', and an emitter whose emit was replaced (by a subclass or on the
// object), go through emitter.emit itself, as Node's internals would.
// events.js registers its emit and callListeners here when it loads.
'use strict';

var protoEmit = null;
var callListeners = null;

exports.register = function (emit, call) {
    protoEmit = emit;
    callListeners = call;
};

exports.emitKnown = function (emitter, count, name, a, b) {
    if (emitter.emit !== protoEmit || name === 'error') {
        if (count === 0)
            return emitter.emit(name);
        return count === 1 ? emitter.emit(name, a) : emitter.emit(name, a, b);
    }
    var events = emitter._events;
    var handler = events === void 0 ? void 0 : events[name];
    if (handler === void 0)
        return false;
    callListeners(emitter, handler, count + 1, a, b, void 0, null);
    return true;
};
