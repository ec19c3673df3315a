// Property reads and writes (`o.k`, `o[k]`, `o.k = v`, method lookups) in
// the cases the staged fast paths of Duktape's duk_hobject_getprop and
// duk_hobject_putprop must leave to Duktape's own path or answer the same
// way (engine/CMakeLists.txt): own and inherited data properties,
// accessors on the object or up the chain, read-only and frozen ones, a
// Proxy, `length` of arrays, typed arrays and String objects (virtual
// properties), index-like keys, symbols, `caller`, misses. The values are
// ECMAScript's: the file runs unchanged under node.
'use strict';

var check = require('./lib/check.js');

// Own, inherited, shadowed; a miss is undefined.
var base = { shared: 'base', over: 'base' };
var mid = Object.create(base);
mid.over = 'mid';
var top = Object.create(mid);
top.own = 'top';
check.equal(top.own, 'top', 'own data property');
check.equal(top.shared, 'base', 'two levels up');
check.equal(top.over, 'mid', 'the nearest one shadows');
check.equal(top.missing, undefined, 'a miss is undefined');
check.equal(Object.create(null).missing, undefined, 'a miss without a prototype');
check.equal(top.toString, Object.prototype.toString, 'from Object.prototype');

// Accessors: called with the original object as `this`, wherever they are.
var reads = 0;
var withGetter = Object.create({
    get viaProto() { reads++; return this.tag + '!'; }
});
withGetter.tag = 'g';
check.equal(withGetter.viaProto, 'g!', 'a getter on the prototype, this = the object');
Object.defineProperty(withGetter, 'own', { get: function () { return 'own getter'; } });
check.equal(withGetter.own, 'own getter', 'an own getter');
var setterOnly = Object.create(Object.defineProperty({}, 'x', { set: function () {} }));
check.equal(setterOnly.x, undefined, 'an accessor without a getter reads undefined');
var shadowGetter = Object.create(withGetter);
Object.defineProperty(shadowGetter, 'viaProto', { value: 'data wins', writable: true });
check.equal(shadowGetter.viaProto, 'data wins', 'an own data property hides a getter above');
check.equal(reads, 1, 'the getter ran once');

// A Proxy: its get trap answers every read of the Proxy itself, what its
// target inherits included. (A Proxy as another object's prototype is not
// consulted by Duktape 2.7: its traps run only for reads of the Proxy.)
var trapped = [];
var target = Object.create({ inherited: 'from the target\'s prototype' });
target.real = 'target';
var proxy = new Proxy(target, {
    get: function (t, key, receiver) {
        trapped.push(String(key));
        return key in t ? t[key] : 'trap:' + String(key);
    }
});
check.equal(proxy.real, 'target', 'through the trap to the target');
check.equal(proxy.inherited, 'from the target\'s prototype', 'what the target inherits');
check.equal(proxy.other, 'trap:other', 'the trap answers a miss');
check.deepEqual(trapped, ['real', 'inherited', 'other'], 'the trap saw each read');

// `length`: virtual on arrays, typed arrays and String objects, plain
// elsewhere; inherited from an array prototype it is that array's.
var arr = [1, 2, 3];
check.equal(arr.length, 3, 'array length');
arr.length = 1;
check.equal(arr.length, 1, 'array length after truncation');
check.equal(new Uint8Array(7).length, 7, 'typed array length');
check.equal(new Uint32Array(new ArrayBuffer(16), 4).length, 3, 'a view\'s length');
check.equal(new String('four').length, 4, 'String object length');
check.equal('five!'.length, 5, 'string length');
check.equal({ length: 'plain' }.length, 'plain', 'plain object length');
check.equal(Object.create([9, 8]).length, 2, 'length inherited from an array');
function threeArgs(a, b, c) { return arguments.length; }
check.equal(threeArgs.length, 3, 'function length');
check.equal(threeArgs(1, 2), 2, 'arguments length');
check.equal(Math.max.length, 2, 'built-in function length');
check.equal(threeArgs.name, 'threeArgs', 'function name');

// Index-like keys go to the array part or the virtual elements.
var dense = [10, 20];
check.equal(dense['1'], 20, 'an index given as a string');
check.equal(new Uint8Array([5, 6])['0'], 5, 'a typed array element by string');
check.equal('abc'['2'], 'c', 'a string character by string');
var objIdx = { 0: 'zero' };
check.equal(objIdx['0'], 'zero', 'an index-like key of a plain object');
check.equal(Object.create(dense)[0], 10, 'an element inherited from an array');

// Symbols and methods.
var sym = Symbol('s');
var withSym = {};
withSym[sym] = 'symbol value';
check.equal(Object.create(withSym)[sym], 'symbol value', 'an inherited symbol key');
check.equal(typeof [].push, 'function', 'a method of Array.prototype');
check.equal(typeof new Uint8Array(1).subarray, 'function', 'a method of a typed array');

// `caller` of a strict function throws (an accessor); of an object it is plain.
check.equal({ caller: 'plain' }.caller, 'plain', 'caller of a plain object');
var callerError = null;
try {
    callerError = threeArgs.caller;
} catch (e) {
    callerError = e;
}
check.ok(callerError instanceof TypeError, 'caller of a strict function throws a TypeError');

// A property added, changed and deleted is read as it is now.
var changing = Object.create(base);
check.equal(changing.shared, 'base', 'before');
changing.shared = 'own now';
check.equal(changing.shared, 'own now', 'after an own one is added');
delete changing.shared;
check.equal(changing.shared, 'base', 'after it is deleted');
base.shared = 'changed';
check.equal(changing.shared, 'changed', 'after the prototype changed');

// -- writes --------------------------------------------------------------

function throwsTypeError(fn) {
    try {
        fn();
    } catch (e) {
        return e instanceof TypeError;
    }
    return false;
}

var plain = { a: 1 };
plain.a = 2;
check.equal(plain.a, 2, 'an own writable property is written');
plain.b = 3;
check.equal(plain.b, 3, 'a new property is added');
var child = Object.create(plain);
child.a = 'own';
check.equal(child.a, 'own', 'a write to an inherited name makes an own property');
check.equal(plain.a, 2, 'and leaves the prototype\'s alone');

var readOnly = Object.defineProperty({}, 'fixed', { value: 'kept', writable: false });
check.ok(throwsTypeError(function () { readOnly.fixed = 'changed'; }),
    'an own read-only property: TypeError in strict code');
check.equal(readOnly.fixed, 'kept', 'and unchanged');
var belowReadOnly = Object.create(readOnly);
check.ok(throwsTypeError(function () { belowReadOnly.fixed = 'changed'; }),
    'an inherited read-only property: TypeError');
check.equal(Object.prototype.hasOwnProperty.call(belowReadOnly, 'fixed'), false,
    'and no own property made');

var setCalls = [];
var withSetter = {
    get value() { return 'got'; },
    set value(v) { setCalls.push(v); }
};
withSetter.value = 'x';
var belowSetter = Object.create(withSetter);
belowSetter.value = 'y';
check.deepEqual(setCalls, ['x', 'y'], 'setters run, own and inherited');
check.equal(Object.prototype.hasOwnProperty.call(belowSetter, 'value'), false,
    'an inherited setter makes no own property');
var getterOnly = Object.defineProperty({}, 'g', { get: function () { return 1; } });
check.ok(throwsTypeError(function () { getterOnly.g = 2; }), 'a getter without a setter: TypeError');

var frozen = Object.freeze({ f: 'frozen' });
check.ok(throwsTypeError(function () { frozen.f = 'thawed'; }), 'a frozen object: TypeError');
check.equal(frozen.f, 'frozen', 'and unchanged');
var sealed = Object.seal({ s: 1 });
sealed.s = 2;
check.equal(sealed.s, 2, 'a sealed object\'s property stays writable');
check.ok(throwsTypeError(function () { sealed.t = 1; }), 'but takes no new one');

var list = [1, 2, 3, 4];
list.length = 2;
check.deepEqual(list, [1, 2], 'writing an array\'s length truncates it');
list.note = 'named';
check.equal(list.note, 'named', 'a named property of an array');
var str = new String('abc');
check.ok(throwsTypeError(function () { str.length = 1; }), 'a String object\'s length is read-only');

var setTrapped = [];
var setProxy = new Proxy({}, {
    set: function (t, key, value) { setTrapped.push(String(key) + '=' + value); t[key] = value; return true; }
});
setProxy.k = 'v';
setProxy.k = 'w';
check.deepEqual(setTrapped, ['k=v', 'k=w'], 'a Proxy\'s set trap sees every write');

var symKey = Symbol('w');
var symObj = {};
symObj[symKey] = 1;
symObj[symKey] = 2;
check.equal(symObj[symKey], 2, 'a symbol-keyed property is written');
var indexed = { 5: 'five' };
indexed['5'] = 'FIVE';
check.equal(indexed[5], 'FIVE', 'an index-like key of a plain object');
