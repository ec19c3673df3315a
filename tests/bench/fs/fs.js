// `jsk bench fs` (tools/jsklib/bench_fs.py): a file written and read
// through unode's `fs` (system calls -> the VFS -> js-drivers/fs/fat.js ->
// the AHCI driver) on the FAT32 volume mounted at /mnt/sda, next to the raw
// synchronous blockdev rate over as many bytes.
//   fs.js RUNS FILE_MIB REQUEST_KIB
// Prints 'pass MODE BYTES MS' lines. Before each read pass the volume is
// unmounted and mounted again (js-drivers/fs/automount.js), so the reads
// come from the disk, not the block cache. The first and last blocks read
// back are checked after the timing (a byte loop in JS would dominate it).
'use strict';

var fs = require('fs');
var drivers = require('drivers');
var vfs = require('/js-drivers/fs/vfs.js');
var automount = require('/js-drivers/fs/automount.js');
var clock = require('hal').clock;

var runs = +process.argv[2] || 3, size = (+process.argv[3] || 16) << 20;
var request = (+process.argv[4] || 64) << 10;
var disk = drivers.get('blockdev')[0];
var FILE = '/mnt/sda/bench.bin';
var data = Buffer.alloc(request);
for (var i = 0; i < data.length; i++)
    data[i] = (i * 131 + 7) & 0xff;

function timed(mode, bytes, fn) {
    var t0 = clock.now();
    fn();
    console.log('pass ' + mode + ' ' + bytes + ' ' + (clock.now() - t0).toFixed(1));
}

if (!fs.existsSync('/mnt/sda'))
    throw new Error('no FAT volume at /mnt/sda (mounted: ' + JSON.stringify(vfs.mounts()) + ')');
for (var r = 0; r < runs; r++) {
    timed('write', size, function () {
        var fd = fs.openSync(FILE, 'w');
        for (var at = 0; at < size; at += request)
            if (fs.writeSync(fd, data, 0, request) !== request)
                throw new Error('short write at ' + at);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
    });
    if (vfs.unmount('/mnt/sda') !== 0)
        throw new Error('unmount /mnt/sda failed');
    automount.mountDisk(disk, vfs, function () {});
    var into = Buffer.alloc(request);
    timed('read', size, function () {
        var fd = fs.openSync(FILE, 'r');
        for (var at = 0; at < size; at += request) {
            if (fs.readSync(fd, into, 0, request, null) !== request)
                throw new Error('short read at ' + at);
        }
        fs.closeSync(fd);
    });
    [0, size - request].forEach(function (at) {
        var fd = fs.openSync(FILE, 'r');
        fs.readSync(fd, into, 0, request, at);
        fs.closeSync(fd);
        if (!into.equals(data))
            throw new Error('bytes differ in the block at ' + at);
    });
    var raw = new Uint8Array(request), sectors = request / disk.sectorSize;
    var lba = disk.sectorCount - size / disk.sectorSize;  // past the volume's data in use
    timed('raw', size, function () {
        for (var at = 0; at < size; at += request)
            disk.readSync(lba + at / disk.sectorSize, sectors, raw);
    });
}
console.log('fs: ' + fs.statSync(FILE).size + ' bytes in ' + FILE + ', ' +
    fs.readdirSync('/mnt/sda').length + ' entries in /mnt/sda');
