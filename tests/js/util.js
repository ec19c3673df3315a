// util: inspect options, types, isDeepStrictEqual, promisify/callbackify,
// deprecate, inherits (format's cases are in format.js; the layout of
// inspect against node is tests/differential/inspect.js).
'use strict';

var check = require('./lib/check.js');
var util = require('util');

// inspect
check.equal(util.inspect({ a: { b: { c: { d: 1 } } } }), '{ a: { b: { c: [Object] } } }');
check.equal(util.inspect({ a: { b: { c: { d: 1 } } } }, { depth: 0 }), '{ a: [Object] }');
check.equal(util.inspect({ a: { b: { c: { d: 1 } } } }, false, null),
    '{\n  a: { b: { c: { d: 1 } } }\n}', 'legacy (value, showHidden, depth)');
var circular = { name: 'c' };
circular.self = circular;
check.equal(util.inspect(circular), "<ref *1> { name: 'c', self: [Circular *1] }");
var big = [];
for (var i = 0; i < 101; i++)
    big.push(0);
check.ok(/\.\.\. 1 more item\n\]$/.test(util.inspect(big)), 'more than 100 items');
check.equal(util.inspect(Object.create(null)), '[Object: null prototype] {}');
function Klass() { this.v = 1; }
check.equal(util.inspect(new Klass()), 'Klass { v: 1 }');
check.equal(util.inspect(new Date(0)), '1970-01-01T00:00:00.000Z');
check.equal(util.inspect(/x/g), '/x/g');
check.equal(util.inspect(new Number(-0)), '[Number: -0]');
check.equal(util.inspect(new String('s')), "[String: 's']");
check.equal(util.inspect(new Uint8Array([1, 2])), 'Uint8Array(2) [ 1, 2 ]');
check.equal(util.inspect('a'.repeat ? 'aaaa' : 'aaaa', { maxStringLength: 2 }),
    "'aa'... 2 more characters");
check.equal(util.inspect({ b: 1, a: 2 }, { sorted: true }), '{ a: 2, b: 1 }');
var getter = {};
Object.defineProperty(getter, 'g', { get: function () { return 5; }, enumerable: true });
check.equal(util.inspect(getter), '{ g: [Getter] }');
check.equal(util.inspect(getter, { getters: true }), '{ g: [Getter: 5] }');
var custom = {};
custom[util.inspect.custom] = function (depth, options, inspect) {
    check.equal(inspect, util.inspect, 'custom inspect gets inspect');
    return 'CUSTOM ' + depth;
};
check.equal(util.inspect({ x: custom }), '{ x: CUSTOM 1 }');
check.equal(util.inspect(custom, { customInspect: false }),
    '{ [Symbol(nodejs.util.inspect.custom)]: [Function (anonymous)] }');
check.equal(util.inspect.custom, Symbol['for']('nodejs.util.inspect.custom'));
check.equal(util.inspect.defaultOptions.depth, 2);
util.inspect.defaultOptions.breakLength = 10;
check.equal(util.inspect({ aaaa: 1, bbbb: 2 }), '{\n  aaaa: 1,\n  bbbb: 2\n}',
    'defaultOptions apply');
util.inspect.defaultOptions.breakLength = 80;

// types
var types = util.types;
check.ok(types.isDate(new Date()) && !types.isDate({}));
check.ok(types.isRegExp(/x/) && !types.isRegExp('x'));
check.ok(types.isTypedArray(new Int8Array(1)) && !types.isTypedArray([]));
check.ok(types.isUint8Array(new Uint8Array(1)) && !types.isUint8Array(new Int8Array(1)));
check.ok(types.isFloat64Array(new Float64Array(1)));
check.ok(types.isArrayBuffer(new ArrayBuffer(1)) && !types.isArrayBuffer(new Uint8Array(1)));
check.ok(types.isDataView(new DataView(new ArrayBuffer(1))));
check.ok(types.isArrayBufferView(new DataView(new ArrayBuffer(1))));
check.ok(types.isNativeError(new TypeError()) && !types.isNativeError({ message: 'x' }));
check.ok(types.isBoxedPrimitive(new String('')) && !types.isBoxedPrimitive(''));
check.ok(types.isNumberObject(new Number(1)) && !types.isNumberObject(1));
check.ok(types.isStringObject(new String('')) && types.isBooleanObject(new Boolean(true)));
check.ok(types.isArgumentsObject((function () { return arguments; })()));
check.ok(types.isPromise(Promise.resolve()) && !types.isPromise({ then: function () {} }));
check.ok(!types.isMap({}) && !types.isSet({}) && !types.isProxy({}));

// isDeepStrictEqual
var same = util.isDeepStrictEqual;
check.ok(same({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }));
check.ok(!same({ a: 1 }, { a: '1' }));
check.ok(!same([1, 2], [1, 2, 3]));
check.ok(same(NaN, NaN) && !same(0, -0));
check.ok(!same(Object.create(null), {}), 'prototypes must match');
check.ok(same(new Date(5), new Date(5)) && !same(new Date(5), new Date(6)));
check.ok(same(/a/g, /a/g) && !same(/a/g, /a/i));
check.ok(same(new Uint8Array([1, 2]), new Uint8Array([1, 2])));
check.ok(!same(new Uint8Array([1, 2]), new Uint8Array([1, 3])));
check.ok(!same(new Error('a'), new Error('b')));
check.ok(same(new String('x'), new String('x')) && !same(new String('x'), new String('y')));
var c1 = { v: 1 };
c1.self = c1;
var c2 = { v: 1 };
c2.self = c2;
check.ok(same(c1, c2), 'cycles');
check.ok(!same([1, , 3], [1, undefined, 3]), 'holes differ from undefined');

// inherits
function Base() {}
Base.prototype.hello = function () { return 'hi'; };
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
check.equal(new Derived().hello(), 'hi');
check.equal(Derived.super_, Base);
check.throws(function () { util.inherits(Derived, null); }, /must be functions|must be of type/);

// promisify and callbackify
function legacy(a, b, callback) { setTimeout(function () { callback(null, a + b); }, 1); }
util.promisify(legacy)(2, 3).then(check.expectCall('promisify', function (v) {
    check.equal(v, 5);
}));
function legacyError(callback) { callback(new Error('failed')); }
util.promisify(legacyError)().catch(check.expectCall('promisify error', function (e) {
    check.equal(e.message, 'failed');
}));
function withCustom() {}
withCustom[util.promisify.custom] = function () { return Promise.resolve('custom'); };
check.equal(util.promisify(withCustom), withCustom[util.promisify.custom]);
check.equal(util.promisify.custom, Symbol['for']('nodejs.util.promisify.custom'));
check.throws(function () { util.promisify(5); }, /"original" argument must be of type function/);
var promisified = util.promisify(legacy);
check.equal(util.promisify(promisified), promisified, 'promisify is idempotent');
util.callbackify(function (x) { return Promise.resolve(x * 2); })(21,
    check.expectCall('callbackify', function (err, v) {
        check.equal(err, null);
        check.equal(v, 42);
    }));
util.callbackify(function () { return Promise.reject(undefined); })(
    check.expectCall('callbackify falsy', function (err) {
        check.equal(err.code, 'ERR_FALSY_VALUE_REJECTION');
        check.equal(err.reason, undefined);
    }));

// deprecate: one warning per code
var warnings = [];
process.on('warning', function (w) { warnings.push(w.name + ' ' + w.code + ' ' + w.message); });
var old = util.deprecate(function (x) { return x + 1; }, 'old() is deprecated', 'DEP_TEST');
var old2 = util.deprecate(function () {}, 'same code', 'DEP_TEST');
check.equal(old(1), 2);
old(2);
old2();
setTimeout(check.expectCall('deprecate', function () {
    check.deepEqual(warnings, ['DeprecationWarning DEP_TEST old() is deprecated']);
}), 5);

// the rest
check.equal(util.TextEncoder, TextEncoder);
check.equal(util.TextDecoder, TextDecoder);
function hiddenKeys(a, b) {}  // strict: no own arguments/caller in V8
check.equal(util.inspect(hiddenKeys, { showHidden: true }), '<ref *1> [Function: hiddenKeys] {\n' +
    '  [length]: 2,\n  [name]: \'hiddenKeys\',\n' +
    '  [prototype]: { [constructor]: [Circular *1] }\n}');
check.ok(util.isArray([]) && !util.isArray({}));
check.equal(typeof util.debuglog('unode_test'), 'function');
check.equal(util.debuglog('unode_test').enabled, false);
check.equal(util.toUSVString('a\ud800b'), 'a\ufffdb');
check.equal(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'), 'red');
