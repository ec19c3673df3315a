// What single JavaScript operations cost in Duktape: each is run N times in
// a loop and the empty loop's time is subtracted. Under QEMU with
// `-icount shift=0` a guest nanosecond is one instruction, so on bare metal
//
//   tools/jsk run --qemu=-icount --qemu=shift=0 tests/bench/engine/op_costs.js
//
// prints guest instructions per operation, the same in every run however
// busy the host is. Under build/unode or node the figures are host ns.
// docs/architecture.md has a table of them and what they mean for code on
// a hot path.
'use strict';

var N = 5000;

function nowNs() {
    var t = process.hrtime();
    return t[0] * 1e9 + t[1];
}

// fn(n) runs the operation n times; the result is per operation, with the
// loop's own cost (fn(0) and the 'empty loop' line) taken out.
var loopCost = 0;
function measure(name, fn) {
    fn(10);  // compiled and warm
    var t0 = nowNs();
    fn(0);
    var setup = nowNs() - t0;
    t0 = nowNs();
    fn(N);
    var each = (nowNs() - t0 - setup) / N;
    if (name === 'empty loop')
        loopCost = each;
    console.log(pad(name, 50) + pad(Math.round(each - loopCost).toString(), 8, true));
}

function pad(text, width, right) {
    while (text.length < width)
        text = right ? ' ' + text : text + ' ';
    return text;
}

var sink;
var moduleVar = 1;
function moduleFunction() { return 1; }
var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var known = { 'Content-Type': true };
var HEAD = 'HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n' +
    'Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n\r\n';

function Base() {}
Base.prototype.method = function () { return 1; };
function Middle() {}
Middle.prototype = Object.create(Base.prototype);
function Derived() {
    this.a = 1; this.b = 2; this.c = 3; this.d = 4; this.e = 5;
    this.f = 6; this.g = 7; this.h = 8; this.i = 9; this.j = 10;
}
Derived.prototype = Object.create(Middle.prototype);
var instance = new Derived();

console.log(pad('operation', 50) + pad('cost', 8, true));
measure('empty loop', function (n) { for (var i = 0; i < n; i++) { } });
measure('a local variable', function (n) {
    var local = 1;
    for (var i = 0; i < n; i++) sink = local;
});
measure('a module-level variable', function (n) {
    for (var i = 0; i < n; i++) sink = moduleVar;
});
measure('x === undefined (a global name)', function (n) {
    var x = 1;
    for (var i = 0; i < n; i++) sink = x === undefined;
});
measure('x === void 0', function (n) {
    var x = 1;
    for (var i = 0; i < n; i++) sink = x === void 0;
});
measure('an own property', function (n) {
    var o = instance;
    for (var i = 0; i < n; i++) sink = o.e;
});
measure('a method 3 prototypes up, called', function (n) {
    var o = instance;
    for (var i = 0; i < n; i++) sink = o.method();
});
measure('a module-level function, called', function (n) {
    for (var i = 0; i < n; i++) sink = moduleFunction();
});
measure('Math.min(a, b)', function (n) {
    for (var i = 0; i < n; i++) sink = Math.min(i, 5);
});
measure('a < b ? a : b', function (n) {
    for (var i = 0; i < n; i++) sink = i < 5 ? i : 5;
});
measure('f.apply(null, arguments)', function (n) {
    function forward() { return moduleFunction.apply(null, arguments); }
    for (var i = 0; i < n; i++) sink = forward(1, 2);
});
measure('a closure made', function (n) {
    for (var i = 0; i < n; i++) sink = function () { return i; };
});
measure('new object, 10 properties set in the constructor', function (n) {
    for (var i = 0; i < n; i++) sink = new Derived();
});
measure('object literal, 10 properties', function (n) {
    for (var i = 0; i < n; i++)
        sink = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9, j: 10 };
});
measure('new Uint8Array(100)', function (n) {
    for (var i = 0; i < n; i++) sink = new Uint8Array(100);
});
measure('string + number + string', function (n) {
    for (var i = 0; i < n; i++) sink = 'ab' + i + 'cd';
});
measure('RegExp test, a 12-character header name', function (n) {
    for (var i = 0; i < n; i++) sink = TOKEN.test('Content-Type');
});
measure('the same name looked up in an object', function (n) {
    for (var i = 0; i < n; i++) sink = known['Content-Type'] === true;
});
measure('TextEncoder.encode, a 120-byte head', function (n) {
    var encoder = new TextEncoder();
    for (var i = 0; i < n; i++) sink = encoder.encode(HEAD);
});
measure('charCodeAt loop over the same head', function (n) {
    var out = new Uint8Array(HEAD.length);
    for (var i = 0; i < n; i++) {
        for (var k = 0; k < HEAD.length; k++)
            out[k] = HEAD.charCodeAt(k);
    }
});
var sys = require('sys');  // unode's system calls (node's 'sys' is util)
if (typeof sys.getpid === 'function') {
    measure('getpid() (a system call)', function (n) {
        for (var i = 0; i < n; i++) sink = sys.getpid();
    });
}
measure('process.hrtime()', function (n) {
    for (var i = 0; i < n; i++) sink = process.hrtime();
});
