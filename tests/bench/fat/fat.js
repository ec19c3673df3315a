// `jsk bench fat` (tools/jsklib/bench_fat.py): a file written and read
// through the FAT file-system object (js-drivers/fs/fat.js) on the AHCI
// disk, next to the raw synchronous blockdev rate over the same bytes.
//   fat.js RUNS FILE_MIB REQUEST_KIB
// Prints 'pass MODE BYTES MS' lines; the volume is mounted afresh before
// each read pass so the reads come from the disk, not the block cache.
'use strict';

var drivers = require('drivers');
var fat = require('/js-drivers/fs/fat.js');
var clock = require('hal').clock;

var runs = +process.argv[2] || 3, size = (+process.argv[3] || 16) << 20;
var request = (+process.argv[4] || 64) << 10;
var disk = drivers.get('blockdev')[0];
// The system mounted the volume at boot (js-drivers/fs/automount.js): one
// FAT object at a time over a disk, so that one goes first.
require('/js-drivers/fs/vfs.js').unmount('/mnt/sda');
var data = new Uint8Array(request);
for (var i = 0; i < data.length; i++)
    data[i] = (i * 131 + 7) & 0xff;

function timed(mode, bytes, fn) {
    var t0 = clock.now();
    fn();
    console.log('pass ' + mode + ' ' + bytes + ' ' + (clock.now() - t0).toFixed(1));
}

for (var r = 0; r < runs; r++) {
    var fs = fat.mount(disk, {});
    fs.unlink(fs.root, 'bench.bin');
    var node = fs.create(fs.root, 'bench.bin', 0x1A4);
    timed('write', size, function () {
        for (var at = 0; at < size; at += request)
            if (fs.write(node, at, data, 0, request) !== request)
                throw new Error('write at ' + at + ' failed');
        fs.sync();
    });
    fs.unmount();
    fs = fat.mount(disk, {});
    node = fs.lookup(fs.root, 'bench.bin');
    var into = new Uint8Array(request);
    timed('read', size, function () {
        for (var at = 0; at < size; at += request)
            if (fs.read(node, at, into, 0, request) !== request)
                throw new Error('read at ' + at + ' failed');
    });
    var first = fs.table.chain(node.cluster)[0];
    var lba = (fs.g.firstDataSector + (first - 2) * fs.g.sectorsPerCluster) *
        fs.g.bytesPerSector / disk.sectorSize;
    var raw = new Uint8Array(request);
    timed('raw', size, function () {
        for (var at = 0; at < size; at += request)
            disk.readSync(lba + at / disk.sectorSize, request / disk.sectorSize, raw);
    });
    // The same bytes written again over the file's sectors (it is contiguous
    // on a fresh volume: checked), so the volume stays as fat.js left it.
    if (fs.table.chain(first).length !== size / fs.g.clusterSize ||
        fs.table.chain(first)[size / fs.g.clusterSize - 1] !== first + size / fs.g.clusterSize - 1)
        throw new Error('bench.bin is not contiguous');
    timed('rawWrite', size, function () {
        for (var at = 0; at < size; at += request)
            disk.writeSync(lba + at / disk.sectorSize, request / disk.sectorSize, data);
        disk.flushSync();
    });
    fs.unmount();
}
var s = disk.stats();
console.log('disk: ' + s.reads + ' reads, ' + s.writes + ' writes, ' + s.errors + ' errors');
