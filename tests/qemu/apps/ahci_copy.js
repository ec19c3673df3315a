// AHCI scenario qemu.ahci_copy: sda holds a stamped random image (tag
// 0x11), sdb is blank. The app reads all of sda with requests of many sizes
// queued at once, checks every sector's stamp and prints hashes of the
// first and last 64 KiB (the host compares them with its own), then copies
// sda to sdb while reading sda again (both disks busy at once), half with
// queued writes and half with writeSync, flushes, and reads sdb back. The
// host then compares the two images byte for byte.
'use strict';

var util = require('./ahci_util.js');
var src = util.disk('sda'), dst = util.disk('sdb');
var TAG = 0x11, KIB64 = 65536;
var ss = src.sectorSize, n = src.sectorCount, bytes = n * ss;

console.log(src.describe());
[src, dst].forEach(function (d) {
    console.log('disk ' + d.name + ' "' + d.model + '" ' + d.sectorCount + ' x ' + d.sectorSize +
        ' at ' + d.controller + ' port ' + d.port);
});

// [lba, count] pieces of 0..n, sizes cycling through `sizes`.
function pieces(sizes) {
    var out = [], lba = 0, i = 0;
    while (lba < n) {
        var c = Math.min(sizes[i++ % sizes.length], n - lba);
        out.push([lba, c]);
        lba += c;
    }
    return out;
}

// Queues every piece at once; done(err) when all completed.
function queueAll(disk, op, list, buffer, done) {
    var left = list.length, failed = null;
    list.forEach(function (p) {
        disk[op](p[0], p[1], buffer.subarray(p[0] * ss, (p[0] + p[1]) * ss), function (err) {
            failed = failed || err;
            if (--left === 0)
                done(failed);
        });
    });
}

var image = new Uint8Array(bytes);
var again = new Uint8Array(bytes);
var finish = util.keepAlive(40000, 'the copy');
var readPieces = pieces([1, 3, 8, 127, 128, 255, 4096, 16384, 20000]);
queueAll(src, 'read', readPieces, image, function (err) {
    if (err) throw err;
    console.log('read sda in ' + readPieces.length + ' requests: stamps ' +
        (util.badStamps(image, 0, n, TAG, ss) || 'ok'));
    console.log('sda head ' + util.fnv(image, 0, KIB64) + ' tail ' + util.fnv(image, bytes - KIB64, KIB64));

    // sdb: the first half written with queued writes (cycling sizes), while
    // sda is read again in 1 MiB pieces: both ports run commands at once.
    var half = Math.floor(n / 2);
    var writes = pieces([2048, 5, 16384, 33, 7000]).filter(function (p) { return p[0] + p[1] <= half; });
    var writtenTo = writes.length ? writes[writes.length - 1][0] + writes[writes.length - 1][1] : 0;
    var pending = 2;
    function both(err) {
        if (err) throw err;
        if (--pending === 0)
            secondHalf(writtenTo);
    }
    queueAll(dst, 'write', writes, image, both);
    queueAll(src, 'read', pieces([2048]), again, both);
    console.log('both disks busy at once: ' + (src.stats().queued > 0 && dst.stats().queued > 0));
});

function secondHalf(from) {
    console.log('sda read again: stamps ' + (util.badStamps(again, 0, n, TAG, ss) || 'ok') +
        ', head ' + util.fnv(again, 0, KIB64));
    // A queued write then writeSync: the synchronous call waits for the
    // queue first (FIFO), and the queued write's callback runs after it.
    var order = [];
    var mid = from + Math.floor((n - from) / 2);
    dst.write(from, mid - from, image.subarray(from * ss, mid * ss), function (err) {
        if (err) throw err;
        order.push('queued write callback');
    });
    dst.writeSync(mid, n - mid, image.subarray(mid * ss));
    order.push('writeSync returned');
    dst.flush(function (err) {
        if (err) throw err;
        order.push('flush callback');
        dst.flushSync();
        console.log('order: ' + order.join(', '));
        var back = new Uint8Array(bytes);
        dst.readSync(0, n, back);
        console.log('sdb read back: stamps ' + (util.badStamps(back, 0, n, TAG, ss) || 'ok') +
            ', head ' + util.fnv(back, 0, KIB64) + ' tail ' + util.fnv(back, bytes - KIB64, KIB64));
        var s = dst.stats();
        console.log('sdb stats: errors ' + s.errors + ', flushes ' + s.flushes + ', sectors written ' +
            s.sectorsWritten);
        finish();
    });
}
