// FAT scenarios (tests/qemu/scenarios/fat.py): the AHCI disks' FAT volumes
// mounted at boot by js-drivers/fs/automount.js (automount.mounted()), then the steps of fat_workout.js on each:
//   fat_disk.js list | workout | fill | fsync
'use strict';

var drivers = require('drivers');
var automount = require('/js-drivers/fs/automount.js');
var workout = require('./fat_workout.js');

var mode = process.argv[2] || 'list';
function print(line) { console.log(line); }

// The volumes the system mounted at boot (js-drivers/core/init.js starts
// the automount with the drivers, before the program runs).
void drivers;
var table = automount.mounted();

// fsync: one file written and fsync'd, a second written but never synced,
// then the program ends at once: no unmount, no sync (nothing else writes
// the cache back), as if the machine had been switched off.
if (mode === 'fsync') {
    var fs = table[0].fs;
    workout.writeFile(fs, 'dir/synced file.bin', workout.pattern(100000, 6), 8192);
    print('fsync: ' + fs.fsync(fs.lookup(fs.lookup(fs.root, 'dir'), 'synced file.bin')));
    workout.writeFile(fs, 'never synced.bin', workout.pattern(50000, 7), 8192);
    print('exit without sync: ' + fs.cache.stats().dirty + ' dirty blocks dropped');
    // Power off: exit_group would write the VFS's mounts back first.
    require('native:kernel').exit(0);
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
    print(name + ': unmount ' + require('/js-drivers/fs/vfs.js').unmount(m.path));
});
print('done: ' + table.length + ' volumes');
