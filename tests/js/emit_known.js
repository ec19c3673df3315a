// stdlib/node/internal/emit_known.js: unode's own emit for callers that
// know their arguments. Listeners get exactly the arguments given (their
// arguments.length too), once-listeners go, the result says whether there
// was a listener; 'error' and a replaced emit go through emitter.emit, so
// a program that wraps emit (on the object or in a subclass) still sees
// every event unode's modules emit, as in Node.
'use strict';

var check = require('./lib/check.js');
var EventEmitter = require('events');
var emitKnown = require('../../stdlib/node/internal/emit_known.js').emitKnown;

(function listeners() {
    var e = new EventEmitter();
    var calls = [];
    e.on('x', function () { calls.push(['on', this === e, Array.prototype.slice.call(arguments)]); });
    e.once('x', function () { calls.push(['once', arguments.length]); });
    check.equal(emitKnown(e, 0, 'x'), true, 'a listener: true');
    check.equal(emitKnown(e, 1, 'x', undefined), true, 'again');
    check.equal(emitKnown(e, 2, 'x', 1, 'two'), true, 'and again');
    check.deepEqual(calls, [['on', true, []], ['once', 0], ['on', true, [undefined]],
        ['on', true, [1, 'two']]], 'exact arguments, `this`, the once-listener once');
    check.equal(emitKnown(e, 0, 'none'), false, 'no listener: false');
})();

(function replacedEmit() {
    var seen = [];
    var e = new EventEmitter();
    e.emit = function (name) {
        seen.push([name, arguments.length]);
        return EventEmitter.prototype.emit.apply(this, arguments);
    };
    var got = null;
    e.on('data', function (chunk) { got = chunk; });
    emitKnown(e, 1, 'data', 'abc');
    check.deepEqual(seen, [['data', 2]], 'an emit replaced on the object is called');
    check.equal(got, 'abc', 'and reaches the listener');
    function Sub() { EventEmitter.call(this); }
    Sub.prototype = Object.create(EventEmitter.prototype);
    Sub.prototype.emit = function (name, a, b) {
        seen.push(['sub', name, a, b]);
        return true;
    };
    emitKnown(new Sub(), 2, 'request', 1, 2);
    check.deepEqual(seen[1], ['sub', 'request', 1, 2], 'a subclass\'s emit is called');
})();

(function errors() {
    var e = new EventEmitter();
    check.throws(function () { emitKnown(e, 1, 'error', new Error('boom')); }, /boom/,
        '\'error\' without a listener throws, as emit does');
    var monitored = null;
    e.on(EventEmitter.errorMonitor, function (err) { monitored = err; });
    e.on('error', function () {});
    var err = new Error('seen');
    emitKnown(e, 1, 'error', err);
    check.equal(monitored, err, 'errorMonitor listeners see it first');
})();
