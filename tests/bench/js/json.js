'use strict';
// JSON.stringify and JSON.parse of a tree of objects.
var report = typeof console !== 'undefined' ? console.log : print;
var start = Date.now();
function tree(depth) {
    if (depth === 0) return { leaf: true, value: 3.25, name: 'leaf' };
    return { depth: depth, children: [tree(depth - 1), tree(depth - 1), tree(depth - 1)] };
}
var data = tree(7);
var total = 0;
for (var i = 0; i < 10; i++)
    total += JSON.parse(JSON.stringify(data)).children.length;
report('json ' + (Date.now() - start) + ' ms check=' + total);
