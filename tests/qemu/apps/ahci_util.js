// Helpers of the AHCI test apps (tests/qemu/scenarios/ahci.py packs this
// file beside them with --with).
//
// The scenarios' images are random bytes whose sectors each begin with a
// stamp: bytes 0-3 the sector's LBA, bytes 4-7 a tag naming the image
// (little-endian), so a sector read into the wrong place, or not read at
// all, shows without hashing every byte in the guest (JavaScript loops
// over megabytes are slow under TCG; whole images are compared on the
// host instead).
'use strict';

var drivers = require('drivers');

exports.disk = function (name) {
    var found = drivers.get('blockdev').filter(function (d) { return d.name === name; })[0];
    if (!found)
        throw new Error('no disk ' + name + ' (have: ' +
            drivers.get('blockdev').map(function (d) { return d.name; }).join(' ') + ')');
    return found;
};

// The sectors of `bytes` (a Uint8Array of `count` sectors that should hold
// firstLba..) whose stamp is wrong: '' when all are right, else the first
// few as 'lba:gotLba/gotTag'.
exports.badStamps = function (bytes, firstLba, count, tag, sectorSize) {
    var dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var bad = [], nbad = 0;
    for (var i = 0; i < count; i++) {
        var lba = dv.getUint32(i * sectorSize, true), t = dv.getUint32(i * sectorSize + 4, true);
        if (lba !== firstLba + i || t !== tag) {
            if (bad.length < 4)
                bad.push((firstLba + i) + ':' + lba + '/' + t.toString(16));
            nbad++;
        }
    }
    return nbad ? nbad + ' bad, ' + bad.join(' ') : '';
};

// FNV-1a over the 32-bit little-endian words of bytes[start, start + length)
// (the scenario computes the same on the host), as 8 hex digits.
exports.fnv = function (bytes, start, length) {
    var words = new Uint32Array(bytes.buffer, bytes.byteOffset + start, length / 4);
    var h = 0x811c9dc5;
    for (var i = 0; i < words.length; i++)
        h = Math.imul(h ^ words[i], 0x01000193);
    var s = (h >>> 0).toString(16);
    return '00000000'.slice(s.length) + s;
};

// Disk callbacks come from interrupts, which unode's event loop does not
// know about: it sleeps until its next timer, and an interrupt handled
// during that sleep does not end it. A 10 ms interval keeps the program
// alive (and awake) until done() is called; bounded: fails after `ms`.
exports.keepAlive = function (ms, what) {
    var finished = false, end = Date.now() + ms;
    var timer = setInterval(function () {
        if (finished) {
            clearInterval(timer);
        } else if (Date.now() > end) {
            console.log('TIMEOUT waiting for ' + what);
            process.exit(3);
        }
    }, 10);
    return function done() { finished = true; };
};

// Calls fn(next) for each item of list in turn, then end().
exports.series = function (list, fn, end) {
    var i = 0;
    (function step() {
        if (i >= list.length)
            return end();
        fn(list[i++], step);
    })();
};
