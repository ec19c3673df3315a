// util.format and util.inspect: the outputs below are Node 20's.
'use strict';

var check = require('./lib/check.js');
var util = require('util');

function inspects(value, expected, options) {
    check.equal(util.inspect(value, options), expected, 'inspect ' + expected);
}

inspects(-0, '-0');
inspects(NaN, 'NaN');
inspects(-Infinity, '-Infinity');
inspects(1e21, '1e+21');
inspects(5e-324, '5e-324');
inspects("it's", '"it\'s"');
inspects('a\n\x01', "'a\\n\\x01'");
inspects([1, , 3], '[ 1, <1 empty item>, 3 ]');
inspects(new Array(3), '[ <3 empty items> ]');
inspects({ a: 1, 'b-c': 2 }, "{ a: 1, 'b-c': 2 }");
inspects({ a: { b: { c: { d: 1 } } } }, '{ a: { b: { c: [Object] } } }');
inspects([[[[1]]]], '[ [ [ [Array] ] ] ]');
inspects(function foo() {}, '[Function: foo]');
inspects(function () {}, '[Function (anonymous)]');
inspects(new Date(0), '1970-01-01T00:00:00.000Z');
inspects(/a+/g, '/a+/g');
inspects(Object.create(null), '[Object: null prototype] {}');
inspects(new (function Foo() { this.x = 1; })(), 'Foo { x: 1 }');
inspects({ a: { b: 1 } }, '{ a: [Object] }', { depth: 0 });

var circular = { name: 'c' };
circular.self = circular;
inspects(circular, "<ref *1> { name: 'c', self: [Circular *1] }");

var long = [];
for (var i = 0; i < 101; i++)
    long.push(1);
check.ok(/\.\.\. 1 more item\n\]$/.test(util.inspect(long)), '... 1 more item');

inspects({ key1: 'a fairly long value one', key2: 'a fairly long value two', key3: 3 },
    "{\n  key1: 'a fairly long value one',\n  key2: 'a fairly long value two',\n  key3: 3\n}");
inspects([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
    25, 26, 27],
'[\n   1,  2,  3,  4,  5,  6,  7,  8,\n   9, 10, 11, 12, 13, 14, 15, 16,\n' +
'  17, 18, 19, 20, 21, 22, 23, 24,\n  25, 26, 27\n]');

check.equal(util.format('%s=%d', 'x', 42), 'x=42', '%s %d');
check.equal(util.format('%i', 42.9), '42', '%i');
check.equal(util.format('%f', '1.5'), '1.5', '%f');
check.equal(util.format('%j', { a: [1] }), '{"a":[1]}', '%j');
check.equal(util.format('%o', [1]), '[ 1, [length]: 1 ]', '%o');
check.equal(util.format('%O', { a: 1 }), '{ a: 1 }', '%O');
check.equal(util.format('%c%s', 'color: red', 'x'), 'x', '%c');
check.equal(util.format('100%% %s', 'sure'), '100% sure', '%%');
check.equal(util.format('%s'), '%s', 'missing argument');
check.equal(util.format('a', 1, { b: 2 }), 'a 1 { b: 2 }', 'extra arguments');
check.equal(util.format('%d', -0), '-0', '%d of -0');
check.equal(util.format('%s', -0), '-0', '%s of -0');
check.equal(util.format(1, '2'), '1 2', 'non-string first');

function Base() {}
function Derived() { Base.call(this); }
util.inherits(Derived, Base);
check.ok(new Derived() instanceof Base, 'inherits');
check.equal(Derived.super_, Base, 'super_');
check.ok(util.isArray([]), 'isArray');
