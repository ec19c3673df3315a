// Garbage collection without reference counts (engine/duk_config.h): only
// mark-and-sweep finds garbage, and Duktape starts it after a number of
// allocations, not bytes. The engine's allocator adds a collection after
// every 64 MiB asked for (engine/engine.cpp), so a loop that drops large
// buffers does not pile them up. Run by build/unode and on bare metal
// (512 MiB of RAM: there, 640 MiB of buffers cannot all be kept).
'use strict';

var check = require('./lib/check');

var MiB = 1024 * 1024;

// process.memoryUsage().rss: the peak resident size on Linux, the RAM in
// use on bare metal. Either way it must not grow by the garbage's size.
var before = process.memoryUsage().rss, peak = before;
var sum = 0;
for (var i = 0; i < 640; i++) {
    var garbage = new Uint8Array(MiB);  // dropped at the next iteration
    garbage[i] = 1;
    sum += garbage[i];
    if (i % 16 === 15)
        peak = Math.max(peak, process.memoryUsage().rss);
}
var grown = (peak - before) / MiB;
check.equal(sum, 640, 'every buffer was made');
check.ok(grown < 256, '640 MiB of dropped buffers grew the memory in use by up to ' +
    grown.toFixed(0) + ' MiB, not less than 256');

// Cycles and small objects: garbage all the same.
var kept = null;
for (var k = 0; k < 20000; k++) {
    var a = {next: null, index: k}, b = {next: a};
    a.next = b;
    if (k === 19999)
        kept = a;
}
check.equal(kept.next.next, kept, 'the last cycle is intact');
check.equal(kept.index, 19999, 'the last cycle is the last one made');

// A buffer that stays reachable is never collected.
var live = [];
for (var j = 0; j < 100; j++) {
    var buf = new Uint8Array(MiB);
    buf[0] = j;
    if (j % 10 === 0)
        live.push(buf);
}
check.deepEqual(live.map(function (b) { return b[0]; }), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
    'kept buffers keep their bytes');
