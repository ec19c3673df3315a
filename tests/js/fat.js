// js-drivers/fs/fat.js on volumes made by the host's mkfs.fat and mtools,
// hosted: the image file is loaded into a disk in memory (lib/memdisk.js),
// the steps of tests/qemu/apps/fat_workout.js run on it and the image is
// written back for tests/js/fat_host.py to check with fsck.fat and mtools.
//
//   unode fat.js IMAGE MODE [LBA SECTORS]
//   MODE: workout (list, modify, list), fill (until ENOSPC), list, corrupt
'use strict';

var memdisk = require('./lib/memdisk.js');
var fat = require('../../js-drivers/fs/fat.js');
var automount = require('../../js-drivers/fs/automount.js');
var workout = require('../qemu/apps/fat_workout.js');

var image = process.argv[2], mode = process.argv[3];
var disk = memdisk.load(image, 'sda');
function print(line) { console.log(line); }

function mounted() {
    var found = automount.volumesOf(disk);
    found.notes.forEach(print);
    return found.volumes.map(function (v) {
        var fs = fat.mount(disk, {lba: v.lba, sectors: v.sectors, name: v.name});
        print('mounted ' + fs.describe());
        return fs;
    });
}

if (mode === 'corrupt') {
    // Every failure must be an error message or an errno, never a hang.
    var fs;
    try {
        fs = fat.mount(disk, {});
    } catch (e) {
        print('mount: ' + e.message);
    }
    if (fs) {
        var big = fs.lookup(fs.root, 'big.bin');
        var u8 = new Uint8Array(big.size);
        print('read big.bin: ' + workout.code(fs.read(big, 0, u8, 0, big.size)));
        print('write big.bin: ' + workout.code(fs.write(big, big.size, u8, 0, 10)));
        print('truncate big.bin: ' + workout.code(fs.truncate(big, 0)));
        print('unlink big.bin: ' + workout.code(fs.unlink(fs.root, 'big.bin')));
    }
} else {
    mounted().forEach(function (fs) {
        if (mode === 'list' || mode === 'workout')
            workout.list(fs).forEach(function (l) { print(fs.name + ' ' + l); });
        if (mode === 'workout') {
            workout.modify(fs, print);
            workout.list(fs).forEach(function (l) { print(fs.name + ' after ' + l); });
        }
        if (mode === 'fill')
            workout.fill(fs, print);
        var s = fs.cache.stats();
        print('cache: ' + s.hits + ' hits, ' + s.misses + ' misses, ' + s.writes + ' writes, ' +
            s.dirty + ' dirty');
        fs.unmount();
    });
    memdisk.save(disk, image);
}
