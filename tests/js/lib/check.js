// A tiny assertion helper for the JS tests (no dependency on the stdlib's
// own assert module, which is what some tests check). Failures are printed
// and counted; the process exits with status 1 if any check failed, or if
// a callback announced with expectCall() never ran.
'use strict';

var util = require('util');

var failures = 0;
var passes = 0;
var pending = [];

function fail(message) {
    failures++;
    process.stderr.write('FAIL: ' + message + '\n');
}

function equal(actual, expected, message) {
    var same = actual === expected || (actual !== actual && expected !== expected);
    if (same && actual === 0 && 1 / actual !== 1 / expected)
        same = false;  // 0 and -0 differ here
    if (same)
        passes++;
    else
        fail((message || 'equal') + ': got ' + util.inspect(actual) + ', expected ' +
            util.inspect(expected));
}

// Structural equality through inspect(): enough for plain data.
function deepEqual(actual, expected, message) {
    equal(util.inspect(actual, { depth: null }), util.inspect(expected, { depth: null }),
        message);
}

function ok(value, message) {
    if (value)
        passes++;
    else
        fail(message || 'expected a truthy value');
}

function throws(fn, pattern, message) {
    try {
        fn();
    } catch (error) {
        if (pattern && !pattern.test(String(error && error.message)))
            fail((message || 'throws') + ': wrong error ' + error);
        else
            passes++;
        return;
    }
    fail((message || 'throws') + ': nothing thrown');
}

// Returns a wrapper of fn that must be called before the process exits.
function expectCall(name, fn) {
    var record = { name: name, called: false };
    pending.push(record);
    return function () {
        record.called = true;
        return fn ? fn.apply(this, arguments) : undefined;
    };
}

// Registered after the test's own code ran, so the test's 'exit' listeners
// run before the final verdict.
process.nextTick(function () { process.on('exit', verdict); });

function verdict() {
    for (var i = 0; i < pending.length; i++) {
        if (!pending[i].called)
            fail('callback never called: ' + pending[i].name);
    }
    if (failures > 0) {
        process.stderr.write(failures + ' failed, ' + passes + ' passed\n');
        process.exitCode = 1;
    } else if (process.exitCode === undefined || process.exitCode === 0) {
        process.stdout.write(passes + ' checks passed\n');
    }
}

exports.equal = equal;
exports.deepEqual = deepEqual;
exports.ok = ok;
exports.throws = throws;
exports.expectCall = expectCall;
exports.fail = fail;
