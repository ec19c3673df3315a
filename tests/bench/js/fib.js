'use strict';
// Function calls and integer arithmetic.
var report = typeof console !== 'undefined' ? console.log : print;
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
var start = Date.now();
var result = fib(27);
report('fib ' + (Date.now() - start) + ' ms check=' + result);
