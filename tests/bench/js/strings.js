'use strict';
// String building, splitting, joining and searching.
var report = typeof console !== 'undefined' ? console.log : print;
var start = Date.now();
var parts = [];
for (var i = 0; i < 50000; i++)
    parts.push('item' + i);
var joined = parts.join(',');
var count = 0;
for (var round = 0; round < 5; round++) {
    var back = joined.split(',');
    for (var j = 0; j < back.length; j += 7)
        count += back[j].indexOf('9') >= 0 ? 1 : 0;
}
report('strings ' + (Date.now() - start) + ' ms check=' + count);
