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
