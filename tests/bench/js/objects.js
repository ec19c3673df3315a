'use strict';
// Object creation and property access.
var report = typeof console !== 'undefined' ? console.log : print;
var start = Date.now();
var sum = 0;
for (var i = 0; i < 500000; i++) {
    var point = { x: i, y: i * 2, z: i % 7 };
    sum += point.x + point.y - point.z;
}
report('objects ' + (Date.now() - start) + ' ms check=' + sum);
