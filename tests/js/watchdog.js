// Run with --watchdog: an endless loop in a callback is cut with an error
// that reaches 'uncaughtException'; the program goes on.
'use strict';

var check = require('./lib/check.js');

var errors = [];
process.on('uncaughtException', function (error) { errors.push(error); });
setTimeout(function () {
    for (;;) {}
}, 1);
setTimeout(check.expectCall('timer after the runaway one', function () {
    check.equal(errors.length, 1, 'one error');
    check.ok(errors[0] instanceof RangeError, 'a RangeError: ' + errors[0]);
}), 20);

// callWithBudget takes its arguments as an array or any array-like object:
// the driver manager passes a wrapper's own `arguments` without copying.
var engine = require('native:engine');
function add(a, b, c) { return this.base + a + b + (c === void 0 ? 0 : c); }
check.equal(engine.callWithBudget(add, { base: 100 }, [1, 2]), 103, 'an array of arguments');
check.equal(engine.callWithBudget(add, { base: 100 }, { length: 3, 0: 1, 1: 2, 2: 3 }), 106,
    'an array-like object of arguments');
(function () {
    check.equal(engine.callWithBudget(add, { base: 0 }, arguments), 9, 'a function\'s arguments');
})(2, 3, 4);
check.ok(isNaN(engine.callWithBudget(add, { base: 1 })), 'no arguments list: none passed');
