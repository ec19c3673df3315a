// Nested objects and arrays, line breaking, depth, holes, circular refs.
console.log({});
console.log([]);
console.log({ a: 1, b: 'two', c: [3, 4], d: { e: null, f: undefined, g: true } });
console.log({ a: { b: { c: { d: { e: 1 } } } } });
console.log([[1, [2, [3, [4, [5]]]]]]);
console.log([1, , 3, , , 6]);
console.log(new Array(4));
var list = [];
for (var i = 0; i < 120; i++) list.push(i * 3);
console.log(list);
var words = [];
for (var j = 0; j < 40; j++) words.push('word' + j);
console.log(words);
console.log({
    firstProperty: 'the first value of several',
    secondProperty: [1, 2, 3],
    third: { nested: 'object', withArray: ['x', 'y', 'z'] }
});
var rows = [];
for (var k = 0; k < 8; k++) rows.push({ id: k, name: 'row' + k });
console.log(rows);
var circular = { name: 'root', children: [] };
circular.children.push({ parent: circular });
circular.self = circular;
console.log(circular);
function Point(x, y) { this.x = x; this.y = y; }
console.log(new Point(1, 2), [new Point(3, 4)]);
console.log(Object.create(null));
console.log({ 'needs-quotes': 1, valid_id: 2, '3d': 3, $dollar: 4 });
console.log(function named() {}, [function named2() {}], { f: function named3() {} });
console.log(new Date(1e12), /re+gex/gi, [true, false, null, undefined]);
console.log({ s: new String('boxed'), n: new Number(-0), b: new Boolean(true) });
