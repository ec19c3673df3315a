// AHCI scenario qemu.ahci_errors (expected output ahci_errors.out): sdb
// sits on QEMU's blkdebug driver, which fails every read of sector 1000
// with EIO (the device answers with a task-file error).
//  - bad requests throw RangeError/TypeError naming the disk, and issue no
//    command (the stats do not move);
//  - the injected error reaches the callback and readSync, the port is
//    recovered, and requests queued behind the failing one still complete;
//  - a READ DMA EXT past the end of the disk, sent on purpose below the
//    checks, is refused by the device (ABRT);
//  - a COMRESET by hand, and the disk goes on working.
'use strict';

var util = require('./ahci_util.js');
var disk = util.disk('sdb');
var n = disk.sectorCount, ss = disk.sectorSize;
var buf = new Uint8Array(8 * ss);
function nop() {}

function attempt(what, fn) {
    try {
        fn();
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message);
    }
}

var before = JSON.stringify(disk.stats());
attempt('lba -1', function () { disk.read(-1, 1, buf.subarray(0, ss), nop); });
attempt('lba 1.5', function () { disk.read(1.5, 1, buf.subarray(0, ss), nop); });
attempt("lba '0'", function () { disk.read('0', 1, buf.subarray(0, ss), nop); });
attempt('lba NaN', function () { disk.readSync(NaN, 1, buf.subarray(0, ss)); });
attempt('count 0', function () { disk.read(0, 0, buf.subarray(0, 0), nop); });
attempt('count 2.5', function () { disk.writeSync(0, 2.5, buf); });
attempt('past the end', function () { disk.read(n - 1, 2, buf.subarray(0, 2 * ss), nop); });
attempt('write past the end', function () { disk.writeSync(n, 1, buf.subarray(0, ss)); });
attempt('buffer too small', function () { disk.read(0, 2, buf.subarray(0, ss), nop); });
attempt('buffer too large', function () { disk.writeSync(0, 1, buf); });
attempt('buffer a string', function () { disk.read(0, 1, 'x', nop); });
attempt('no callback', function () { disk.read(0, 1, buf.subarray(0, ss)); });
attempt('flush without callback', function () { disk.flush(); });
console.log('nothing issued: ' + (JSON.stringify(disk.stats()) === before));

attempt('readSync of sector 1000', function () { disk.readSync(1000, 1, buf.subarray(0, ss)); });
var s = disk.stats();
console.log('errors ' + s.errors + ' resets ' + s.resets);
attempt('readSync after the error', function () { disk.readSync(0, 8, buf); });

var done = util.keepAlive(20000, 'the queued reads');
var results = [];
var other = new Uint8Array(8 * ss);
disk.read(996, 8, buf, function (err) { results.push('996..1003: ' + (err ? err.message : 'ok')); });
disk.read(0, 8, other, function (err) {
    results.push('0..7: ' + (err ? err.message : 'ok'));
    results.forEach(function (r) { console.log(r); });
    attempt('READ DMA EXT past the end, below the checks', function () {
        disk.rawReadSync(n - 2, 4);
    });
    attempt('resetSync', function () { disk.resetSync(); });
    attempt('readSync after the reset', function () { disk.readSync(8, 8, buf); });
    var st = disk.stats();
    console.log('errors ' + st.errors + ' resets ' + st.resets + ' queued ' + st.queued);
    done();
});
