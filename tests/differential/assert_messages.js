// assert: the AssertionError properties and Node 20's message text.
var assert = require('assert');
function attempt(name, fn) {
    try {
        fn();
        console.log(name, 'did not throw');
    } catch (e) {
        console.log(name, JSON.stringify(e.message));
        console.log('  ', e.name, e.code, e.operator, e.generatedMessage, e instanceof Error,
            e instanceof assert.AssertionError);
    }
}
attempt('ok', function () { assert.ok(false); });
attempt('assert', function () { assert(0 > 1); });
attempt('ok no args', function () { assert.ok(); });
attempt('ok message', function () { assert.ok(null, 'custom message'); });
attempt('equal', function () { assert.equal(1, 2); });
attempt('equal NaN', function () { assert.equal(NaN, NaN); });
attempt('notEqual', function () { assert.notEqual(1, '1'); });
attempt('strictEqual', function () { assert.strictEqual(1, 2); });
attempt('strictEqual strings', function () { assert.strictEqual('hello world', 'hello there'); });
attempt('strictEqual types', function () { assert.strictEqual(1, '1'); });
attempt('strictEqual objects', function () { assert.strictEqual({ a: 1 }, { a: 1 }); });
attempt('strictEqual message', function () { assert.strictEqual(1, 2, 'mine'); });
attempt('notStrictEqual', function () { assert.notStrictEqual(5, 5); });
attempt('notStrictEqual long', function () { assert.notStrictEqual('abcdefgh', 'abcdefgh'); });
attempt('deepEqual', function () { assert.deepEqual({ a: 1 }, { a: 2 }); });
attempt('deepEqual loose ok', function () { assert.deepEqual({ a: 1, b: [1] }, { a: '1', b: ['1'] }); });
attempt('deepStrictEqual', function () {
    assert.deepStrictEqual({ a: 1, b: { c: [1, 2, 3] } }, { a: 1, b: { c: [1, 2, 4] } });
});
attempt('deepStrictEqual long', function () {
    var x = {};
    var y = {};
    for (var i = 0; i < 20; i++) {
        x['key' + i] = i;
        y['key' + i] = i === 10 ? 'ten' : i;
    }
    assert.deepStrictEqual(x, y);
});
attempt('deepStrictEqual proto', function () { assert.deepStrictEqual(Object.create(null), {}); });
attempt('deepStrictEqual same', function () {
    assert.deepStrictEqual([1, { a: [2] }], [1, { a: [2] }]);
});
attempt('deepStrictEqual dates', function () { assert.deepStrictEqual(new Date(0), new Date(1)); });
attempt('deepStrictEqual errors', function () {
    assert.deepStrictEqual(new Error('a'), new Error('b'));
});
attempt('deepStrictEqual arrays', function () { assert.deepStrictEqual([1, 2], [1, 2, 3]); });
attempt('notDeepStrictEqual', function () { assert.notDeepStrictEqual({ a: [1] }, { a: [1] }); });
attempt('notDeepEqual', function () { assert.notDeepEqual([1], ['1']); });
attempt('throws missing', function () { assert.throws(function () {}); });
attempt('throws class', function () { assert.throws(function () {}, TypeError); });
attempt('throws message', function () { assert.throws(function () {}, 'expected it'); });
attempt('throws regexp', function () {
    assert.throws(function () { throw new Error('actual'); }, /wanted/);
});
attempt('throws wrong class', function () {
    assert.throws(function () { throw new TypeError('t'); }, RangeError);
});
attempt('throws object', function () {
    assert.throws(function () { throw new Error('m'); }, { message: 'n', name: 'Error' });
});
attempt('throws validator', function () {
    assert.throws(function () { throw new Error('v'); }, function () { return false; });
});
attempt('throws ok', function () {
    assert.throws(function () { throw new TypeError('ok'); }, TypeError);
    assert.throws(function () { throw new Error('abc'); }, /b/);
    assert.throws(function () { throw new Error('abc'); }, { message: /^a/ });
});
attempt('doesNotThrow', function () { assert.doesNotThrow(function () { throw new Error('e'); }); });
attempt('doesNotThrow message', function () {
    assert.doesNotThrow(function () { throw new Error('e'); }, 'why');
});
attempt('match', function () { assert.match('abc', /^b/); });
attempt('match type', function () { assert.match(5, /5/); });
attempt('doesNotMatch', function () { assert.doesNotMatch('abc', /c$/); });
attempt('fail', function () { assert.fail(); });
attempt('fail message', function () { assert.fail('boom'); });
attempt('fail error', function () { assert.fail(new TypeError('own error')); });
attempt('ifError', function () { assert.ifError(new Error('was set')); });
attempt('ifError value', function () { assert.ifError('text'); });
attempt('ifError null', function () { assert.ifError(null); });
attempt('strict.equal', function () { assert.strict.equal(1, '1'); });
attempt('strict.deepEqual', function () { require('assert/strict').deepEqual([1], ['1']); });
var error = new assert.AssertionError({ actual: 1, expected: 2, operator: 'strictEqual' });
console.log(String(error), Object.keys(error));
assert.rejects(Promise.reject(new Error('r')), /r/).then(function () { console.log('rejects ok'); });
assert.rejects(Promise.resolve()).catch(function (e) { console.log('rejects', e.message); });
assert.doesNotReject(Promise.reject(new Error('q'))).catch(function (e) {
    console.log('doesNotReject', JSON.stringify(e.message));
});
