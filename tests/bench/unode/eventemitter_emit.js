'use strict';
// EventEmitter.emit with one and with three listeners, 0-3 arguments:
// the dispatch cost every stream and server event pays.
var EventEmitter = require('events');
var e = new EventEmitter();
var total = 0;
e.on('one', function (a) { total += a; });
e.on('three', function (a, b) { total += a + b; });
e.on('three', function (a, b) { total -= b; });
e.on('three', function () { total += 1; });
var start = Date.now();
for (var i = 0; i < 200000; i++) {
    e.emit('one', 1);
    e.emit('three', 2, 3);
    e.emit('none');
}
console.log('eventemitter_emit ' + (Date.now() - start) + ' ms check=' + total);
