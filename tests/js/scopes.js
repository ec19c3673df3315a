// Reading names from enclosing scopes (Duktape's GETVAR and CSVAR
// instructions) in the cases the staged fast path (engine/CMakeLists.txt,
// jsk__getvar_fast) must answer as Duktape's own path does: a function's
// own variables, an enclosing function's while it runs and after it
// returned, shadowing, names that direct eval adds, the global object's
// properties and accessors, `with` blocks (in sloppy code made by
// Function) and their `this` for calls, and names bound nowhere. The
// values are ECMAScript's: the file runs unchanged under node.
'use strict';

var check = require('./lib/check.js');

// An enclosing function's variable, after it returned (a closed scope)
// and while it runs (its registers), written and read again.
function counter() {
    var count = 0;
    return function () { return ++count; };
}
var next = counter();
next();
check.equal(next(), 2, 'a closed scope\'s variable, written and read');
function running() {
    var state = 'before';
    function look() { return state; }
    var first = look();
    state = 'after';
    return first + ' ' + look();
}
check.equal(running(), 'before after', 'a running function\'s variable, as it changes');

// Shadowing: the nearest binding wins, however deep.
var level = 'module';
function outer() {
    var level = 'outer';
    return function middle() {
        return function inner() { return level; };
    };
}
check.equal(outer()()(), 'outer', 'the nearest enclosing binding');
check.equal((function () { return level; })(), 'module', 'the module\'s');

// A module-level function called through its name: `this` is undefined.
function whoIsThis() { return this; }
check.equal(whoIsThis(), undefined, 'a call through a name: this is undefined');

// The global object: a property, an accessor, a missing name.
var global = Function('return this')();
global.jskScopeValue = 'global value';
check.equal((function () { return jskScopeValue; })(), 'global value', 'a global property');
global.jskScopeValue = 'changed';
check.equal((function () { return jskScopeValue; })(), 'changed', 'read again after a change');
var getterCalls = 0;
Object.defineProperty(global, 'jskScopeAccessor', {
    get: function () { getterCalls++; return 'from a getter'; }, configurable: true
});
check.equal((function () { return jskScopeAccessor; })(), 'from a getter', 'a global accessor');
check.equal(getterCalls, 1, 'its getter ran once');
delete global.jskScopeAccessor;
delete global.jskScopeValue;
var missing = null;
try {
    missing = (function () { return jskScopeNowhere; })();
} catch (e) {
    missing = e;
}
check.ok(missing instanceof ReferenceError, 'a name bound nowhere: ReferenceError');
check.equal(typeof jskScopeNowhere, 'undefined', 'typeof of it');
check.equal((function () { return Math.max(1, 2); })(), 2, 'a built-in through the global object');

// Sloppy code (made by Function): names direct eval adds, and `with`.
var evalVar = Function('eval("var added = 7"); return (function () { return added; })();');
check.equal(evalVar(), 7, 'a variable direct eval added, from an inner function');
var withRead = Function('scope', 'with (scope) { return (function () { return x; })(); }');
check.equal(withRead({ x: 'from with' }), 'from with', 'a name from a with block\'s object');
var withInherited = Function('scope', 'with (scope) { return y; }');
check.equal(withInherited(Object.create({ y: 'inherited' })), 'inherited',
    'a with block\'s object: inherited names too');
var withCall = Function('scope', 'with (scope) { return method(); }');
var target = { method: function () { return this; } };
check.equal(withCall(target), target, 'a call through a with block: this is its object');
var shadowedByWith = Function('scope', 'var z = "local"; with (scope) { return z; }');
check.equal(shadowedByWith({ z: 'with wins' }), 'with wins', 'a with block before a local');
check.equal(shadowedByWith({}), 'local', 'a local when the object lacks the name');
