// `jsk bench disk` (tools/jsklib/bench_disk.py) runs this in the kernel
// with one disk: sequential passes over the whole disk with large
// requests, timed in the guest with hal.clock.now() (boot and the host
// are left out). Prints one line per pass:
//   pass MODE REQUEST_BYTES BYTES MS
// Modes: read / write (blockdev read/write with a callback, through the
// driver's bounce buffer into a Uint8Array), readSync / writeSync (the
// polled path), readDma / writeDma (a DmaBuffer: no copy).
// Arguments: passes (default 3), request size in MiB (default 8).
'use strict';

var hal = require('hal');
var disk = require('drivers').get('blockdev')[0];
var passes = +(process.argv[2] || 3), request = (+(process.argv[3] || 8)) << 20;
var ss = disk.sectorSize, per = request / ss, total = disk.sectorCount;
var plain = new Uint8Array(request);
var dma = hal.dma.alloc(request);

function report(mode, t0) {
    console.log('pass ' + mode + ' ' + request + ' ' + total * ss + ' ' + (hal.clock.now() - t0).toFixed(3));
}

function syncPass(mode, op, buffer) {
    var t0 = hal.clock.now();
    for (var lba = 0; lba < total; lba += per)
        disk[op](lba, Math.min(per, total - lba), buffer);
    report(mode, t0);
}

// One request at a time, the next issued from the callback of the last.
function asyncPass(mode, op, buffer, done) {
    var lba = 0, t0 = hal.clock.now();
    (function next(err) {
        if (err)
            throw err;
        if (lba >= total) {
            report(mode, t0);
            return done();
        }
        var at = lba, n = Math.min(per, total - lba);
        lba += n;
        disk[op](at, n, n === per ? buffer : buffer.subarray ? buffer.subarray(0, n * ss) : buffer, next);
    })(null);
}

// Interrupt-driven callbacks: a short interval keeps unode's loop awake
// (it does not know about them).
var keep = setInterval(function () {}, 10);
var plan = [];
for (var i = 0; i < passes; i++)
    plan.push(['read', 'read', plain], ['write', 'write', plain], ['readDma', 'read', dma],
        ['writeDma', 'write', dma], ['readSync', 'readSync', plain], ['writeSync', 'writeSync', plain]);
(function step() {
    if (!plan.length) {
        disk.flushSync();
        clearInterval(keep);
        return;
    }
    var p = plan.shift();
    if (p[1].indexOf('Sync') > 0) {
        syncPass(p[0], p[1], p[2]);
        step();
    } else {
        asyncPass(p[0], p[1], p[2], step);
    }
})();
