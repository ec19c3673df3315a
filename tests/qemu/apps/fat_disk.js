// FAT scenarios (tests/qemu/scenarios/fat.py): the AHCI disks' FAT volumes
// found by js-drivers/fs/automount.js (mounted into a stand-in for the VFS
// that only records them), then the steps of fat_workout.js on each:
//   fat_disk.js list | workout | fill
'use strict';

var drivers = require('drivers');
var automount = require('/js-drivers/fs/automount.js');
var workout = require('./fat_workout.js');

var mode = process.argv[2] || 'list';
function print(line) { console.log(line); }

var table = [];
var vfs = {mount: function (path, fs) { table.push({path: path, fs: fs}); return 0; }};
automount.start({drivers: drivers, vfs: vfs, log: print});

table.forEach(function (m) {
    var fs = m.fs, name = m.path.slice('/mnt/'.length);
    var started = Date.now();
    if (mode === 'list' || mode === 'workout')
        workout.list(fs).forEach(function (l) { print(name + ' ' + l); });
    if (mode === 'workout') {
        workout.modify(fs, print);
        workout.list(fs).forEach(function (l) { print(name + ' after ' + l); });
    }
    if (mode === 'fill')
        workout.fill(fs, print);
    var s = fs.cache.stats();
    print(name + ': ' + mode + ' in ' + (Date.now() - started) + ' ms; cache ' + s.hits +
        ' hits, ' + s.misses + ' misses, ' + s.reads + ' reads, ' + s.writes + ' writes');
    print(name + ': unmount ' + fs.unmount());
});
print('done: ' + table.length + ' volumes');
