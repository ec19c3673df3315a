// assert: what passes, what fails, and the AssertionError's properties
// (message texts are compared with node in tests/differential/assert_messages.js).
'use strict';

var check = require('./lib/check.js');
var assert = require('assert');

function failure(fn) {
    try {
        fn();
    } catch (e) {
        return e;
    }
    check.fail('expected an AssertionError from ' + fn);
    return {};
}

// passing checks do not throw
assert(true);
assert.ok(1);
assert.equal(1, '1');
assert.equal(NaN, NaN);
assert.notEqual(1, 2);
assert.strictEqual('a', 'a');
assert.notStrictEqual(1, '1');
assert.notStrictEqual(0, -0);
assert.deepEqual({ a: [1, 2] }, { a: ['1', 2] });
assert.deepStrictEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] });
assert.notDeepStrictEqual({ a: 1 }, { a: '1' });
assert.notDeepEqual({ a: 1 }, { a: 2 });
assert.throws(function () { throw new TypeError('x'); }, TypeError);
assert.throws(function () { throw new Error('xyz'); }, /y/);
assert.throws(function () { throw new Error('m'); }, { message: 'm' });
assert.throws(function () { throw new Error('m'); }, function (e) { return e.message === 'm'; });
assert.doesNotThrow(function () {});
assert.match('abc', /b/);
assert.doesNotMatch('abc', /d/);
assert.ifError(null);
assert.ifError(undefined);
check.ok(true, 'passing assertions');

// AssertionError shape
var e = failure(function () { assert.strictEqual(1, 2); });
check.ok(e instanceof assert.AssertionError && e instanceof Error);
check.equal(e.name, 'AssertionError');
check.equal(e.code, 'ERR_ASSERTION');
check.equal(e.actual, 1);
check.equal(e.expected, 2);
check.equal(e.operator, 'strictEqual');
check.equal(e.generatedMessage, true);
check.equal(e.message, 'Expected values to be strictly equal:\n\n1 !== 2\n');
check.ok(/^AssertionError \[ERR_ASSERTION\]: Expected values/.test(e.stack), 'stack head');
check.equal(String(e), 'AssertionError [ERR_ASSERTION]: Expected values to be strictly ' +
    'equal:\n\n1 !== 2\n');

e = failure(function () { assert.equal(1, 2, 'custom'); });
check.equal(e.message, 'custom');
check.equal(e.generatedMessage, false);
check.equal(e.operator, '==');

var own = new RangeError('own');
check.equal(failure(function () { assert.ok(false, own); }), own, 'an Error message is thrown');
check.equal(failure(function () { assert.strictEqual(1, 2, own); }), own);

e = failure(function () { assert.ok(0 === 1); });
check.equal(e.message, 'The expression evaluated to a falsy value:\n\n  assert.ok(0 === 1)\n',
    'the source of the failing call');
e = failure(function () { assert.ok(); });
check.equal(e.message, 'No value argument passed to `assert.ok()`');

e = failure(function () { assert.deepStrictEqual([1, 2, 3], [1, 2, 4]); });
check.equal(e.message, 'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
    '  [\n    1,\n    2,\n+   3\n-   4\n  ]');
e = failure(function () { assert.notStrictEqual(1, 1); });
check.equal(e.message, 'Expected "actual" to be strictly unequal to: 1');
e = failure(function () { assert.throws(function () {}); });
check.equal(e.message, 'Missing expected exception.');
e = failure(function () { assert.throws(function () { throw new Error('a'); }, RangeError); });
check.equal(e.message, 'The error is expected to be an instance of "RangeError". Received ' +
    '"Error"\n\nError message:\n\na');
var thrown = new TypeError('pass through');
check.equal(failure(function () {
    assert.doesNotThrow(function () { throw thrown; }, RangeError);
}), thrown, 'doesNotThrow rethrows errors of another class');
e = failure(function () { assert.fail(); });
check.equal(e.message, 'Failed');
e = failure(function () { assert.ifError(new Error('bad')); });
check.equal(e.message, 'ifError got unwanted exception: bad');
check.throws(function () { assert.strictEqual(1); },
    /The "actual" and "expected" arguments must be specified/);
check.throws(function () { assert.match('a', 'a'); }, /"regexp" argument must be/);

// strict
var strict = require('assert/strict');
check.equal(strict, assert.strict);
check.equal(require('node:assert'), assert);
check.equal(strict.equal, assert.strictEqual);
check.equal(strict.deepEqual, assert.deepStrictEqual);
check.equal(failure(function () { strict.equal(1, '1'); }).operator, 'strictEqual');
check.equal(failure(function () { strict(false); }).operator, '==');

// new AssertionError
var made = new assert.AssertionError({ actual: 'a', expected: 'b', operator: 'strictEqual',
    message: 'made' });
check.equal(made.message, "made\n\n'a' !== 'b'\n");
check.deepEqual(Object.keys(made), ['generatedMessage', 'code', 'actual', 'expected', 'operator']);
check.throws(function () { return new assert.AssertionError(); }, /"options" argument/);
check.throws(function () { assert.CallTracker(); }, /not supported in unode/);

// rejects / doesNotReject
assert.rejects(function () { return Promise.reject(new TypeError('r')); }, TypeError)
    .then(check.expectCall('rejects passes'));
assert.rejects(Promise.resolve(1)).catch(check.expectCall('rejects fails', function (err) {
    check.equal(err.message, 'Missing expected rejection.');
    check.equal(err.operator, 'rejects');
}));
assert.doesNotReject(Promise.resolve(1)).then(check.expectCall('doesNotReject passes'));
assert.doesNotReject(Promise.reject(new Error('no'))).catch(
    check.expectCall('doesNotReject fails', function (err) {
        check.equal(err.message, 'Got unwanted rejection.\nActual message: "no"');
    }));
assert.rejects(5).catch(check.expectCall('rejects bad argument', function (err) {
    check.equal(err.code, 'ERR_INVALID_ARG_TYPE');
}));
