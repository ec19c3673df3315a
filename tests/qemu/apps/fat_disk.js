// FAT scenarios (tests/qemu/scenarios/fat.py): the AHCI disks' FAT volumes
// found by js-drivers/fs/automount.js (mounted into a stand-in for the VFS
// that only records them), then the steps of fat_workout.js on each:
//   fat_disk.js list | workout | fill | fsync
'use strict';

var drivers = require('drivers');
var automount = require('/js-drivers/fs/automount.js');
var workout = require('./fat_workout.js');

var mode = process.argv[2] || 'list';
function print(line) { console.log(line); }

var table = [];
var vfs = {mount: function (path, fs) { table.push({path: path, fs: fs}); return 0; }};
automount.start({drivers: drivers, vfs: vfs, log: print});

// fsync: one file written and fsync'd, a second written but never synced,
// then the program ends at once: no unmount, no sync (nothing else writes
// the cache back), as if the machine had been switched off.
if (mode === 'fsync') {
    var fs = table[0].fs;
    workout.writeFile(fs, 'dir/synced file.bin', workout.pattern(100000, 6), 8192);
    print('fsync: ' + fs.fsync(fs.lookup(fs.lookup(fs.root, 'dir'), 'synced file.bin')));
    workout.writeFile(fs, 'never synced.bin', workout.pattern(50000, 7), 8192);
    print('exit without sync: ' + fs.cache.stats().dirty + ' dirty blocks dropped');
    process.exit(0);
}

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
