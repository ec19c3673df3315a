'use strict';
// Promise reactions through the microtask queue: a chain of then() calls,
// Promise.all over resolved values, and adoption of a resolved promise.
var start = Date.now();
var total = 0;
var chain = Promise.resolve(0);
for (var i = 0; i < 20000; i++)
    chain = chain.then(function (v) { return v + 1; });
chain.then(function (v) {
    total += v;
    var items = [];
    for (var j = 0; j < 20000; j++)
        items.push(j % 2 ? j : Promise.resolve(j));
    return Promise.all(items);
}).then(function (values) {
    total += values.length;
    var adopted = [];
    for (var k = 0; k < 10000; k++)
        adopted.push(new Promise(function (resolve) { resolve(Promise.resolve(k)); }));
    return Promise.all(adopted);
}).then(function (values) {
    total += values[values.length - 1];
    console.log('promise_then ' + (Date.now() - start) + ' ms check=' + total);
});
