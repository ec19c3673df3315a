'use strict';
// Array sorting with a comparator, and numeric loops.
var report = typeof console !== 'undefined' ? console.log : print;
var start = Date.now();
var seed = 42;
function random() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; }
var values = [];
for (var i = 0; i < 60000; i++)
    values.push(random());
values.sort(function (a, b) { return a - b; });
var ordered = true;
for (var k = 1; k < values.length; k++)
    if (values[k - 1] > values[k]) ordered = false;
report('sort ' + (Date.now() - start) + ' ms check=' + ordered);
