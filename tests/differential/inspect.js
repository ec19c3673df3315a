// util.inspect and util.format: Node 20's layout for the values Duktape
// has (no Map/Set/class syntax; errors only without stack frames).
var util = require('util');

function show(value, options) { console.log(util.inspect(value, options)); }

// primitives and strings
show('it\'s "quoted"');
show('both \' and " and `');
show('line\nbreak\ttab\u0001\u007f');
show(-0);
show([undefined, null, NaN, Infinity, -Infinity, true]);
show(Symbol('s'));

// nesting, depth, circular references
var nested = { a: { b: { c: { d: { e: 1 } } } } };
show(nested);
show(nested, { depth: 0 });
show(nested, { depth: null });
show(nested, { depth: Infinity, compact: false });
var circular = { name: 'root', list: [] };
circular.self = circular;
circular.list.push(circular, { parent: circular });
show(circular);
var a = { x: 1 };
var b = { a: a };
a.b = b;
show([a, b]);

// arrays: grouping into columns, more than 100 items, holes, extra keys
var numbers = [];
for (var i = 0; i < 130; i++)
    numbers.push(i * 7);
show(numbers);
show(numbers, { maxArrayLength: 5 });
var words = [];
for (var j = 0; j < 30; j++)
    words.push('word' + j);
show(words);
var holes = [1, , 3, , , 6];
holes.extra = 'x';
show(holes);
show(new Array(5));
show([[1, [2, [3, [4, [5]]]]]]);

// long lines break at 80 columns (breakLength) and compact=3
show({ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'cccccccccccccccc' });
show({ alpha: 'aaaaaaaaaaaaaaaaaaaa', beta: 'bbbbbbbbbbbbbbbbbbbb', gamma: 'ccccccccccccccccc' });
show({ a: 1, b: 2 }, { breakLength: 3 });
show({ text: 'first line\nsecond line\nthird line that is long enough to be split up' });
show({ a: { b: { c: {} } } }, { compact: 1 });
show({ a: [1, 2], b: 'x' }, { compact: true });
show({ a: [1, 2], b: 'x' }, { compact: false });
show({ z: 1, a: 2, m: 3 }, { sorted: true });
show('x'.repeat ? 'abcdefghij' : '', { maxStringLength: 4 });

// keys that need quotes, symbols, non-enumerable with showHidden
var keys = { 'needs-quote': 1, valid_id: 2, '3d': 3, 42: 4, '': 5 };
keys[Symbol('sym')] = 6;
show(keys);
var hidden = {};
Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
show(hidden);
show(hidden, { showHidden: true });

// getters and setters
var accessors = {};
Object.defineProperty(accessors, 'get', { get: function () { return 1; }, enumerable: true });
Object.defineProperty(accessors, 'set', { set: function () {}, enumerable: true });
Object.defineProperty(accessors, 'both', { get: function () { return { deep: true }; },
    set: function () {}, enumerable: true });
show(accessors);
show(accessors, { getters: true });

// constructors, null prototype, toStringTag
function Point(x, y) { this.x = x; this.y = y; }
show(new Point(1, 2));
function Empty() {}
show(new Empty());
var bare = Object.create(null);
show(bare);
bare.key = 'value';
show(bare);
var tagged = {};
tagged[Symbol.toStringTag] = 'Tagged';
show(tagged);
function Sub() {}
Sub.prototype = Object.create(Point.prototype);
Sub.prototype.constructor = Sub;
show(new Sub());
show(Object.create(new Point(0, 0)));

// functions
function named() {}
show(named);
show(function () {});
named.prop = 1;
show(named);
show([named, Math.max]);

// built-in objects
show(new Date(0));
show(new Date(NaN));
show(/re/gi);
var re = /x/;
re.extra = true;
show(re);
show(new Number(3));
show(new String('boxed'));
show(new Boolean(false));
show(Object(Symbol('boxed')));
show(new Uint8Array([1, 2, 3]));
show(new Float64Array(2));
show(new Int16Array(0));
show([new Uint32Array(120)]);
show(new ArrayBuffer(3));
show((function () { return arguments; })(1, 'two'));
show(Math);
show(JSON);

// errors without stack frames are bracketed
var noStack = new Error('no stack');
noStack.stack = 'Error: no stack';
show(noStack);
var withProps = new TypeError('typed');
withProps.stack = 'TypeError: typed';
withProps.code = 'E_CODE';
show(withProps);
show({ err: noStack });

// custom inspect
var custom = {};
custom[util.inspect.custom] = function (depth, options) {
    return 'custom depth=' + depth + ' ' + typeof options.stylize;
};
show(custom);
show({ nested: custom });
var returnsObject = {};
returnsObject[util.inspect.custom] = function () { return { replaced: [1, 2] }; };
show(returnsObject);
show(custom, { customInspect: false });
console.log(util.inspect.custom === Symbol.for('nodejs.util.inspect.custom'));

// legacy arguments and defaultOptions
show({ a: { b: { c: { d: 1 } } } }, false, 0);
var saved = util.inspect.defaultOptions.depth;
util.inspect.defaultOptions.depth = 0;
show(nested);
util.inspect.defaultOptions.depth = saved;
console.log(Object.keys(util.inspect.defaultOptions).join(','));

// promises
show(Promise.resolve({ value: [1, 2] }));
show(new Promise(function () {}));
var rejected = Promise.reject(new String('no'));
rejected.catch(function () {});
show(rejected);

// format
console.log(util.format('%s %d %i %f %j %o %O %%', 'str', 42.5, 42.5, '1.5', { j: 1 }, [1],
    { O: { deep: { deeper: { deepest: 1 } } } }));
console.log(util.format('%s', { a: { b: { c: 1 } } }, 'extra', 5));
console.log(util.format('%s %s', null, undefined, Symbol('x')));
console.log(util.format('no args %s'));
console.log(util.format(1, 2, '3'));
console.log(util.format('%d', '0x10'), util.format('%i', 'abc'), util.format('%c', 'css'));
console.log(util.format('%s', -0), util.format('%d', -0), util.format('%s', [1, [2, [3]]]));
var circularJson = {};
circularJson.self = circularJson;
console.log(util.format('%j', circularJson));
console.log(util.formatWithOptions({ compact: false }, '%O', { a: 1 }));

// numericSeparator
[1234567, -1234567, 1234.5678, -0.5, 0.123456789, 1e21, NaN, 1000, 1.5e-7].forEach(function (n) {
    show(n, { numericSeparator: true });
});
show(new Uint32Array([1000000, 12]), { numericSeparator: true });
