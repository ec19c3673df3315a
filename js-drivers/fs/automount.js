// Mounts the FAT volumes of every disk as it appears: each blockdev
// (docs/ahci.md) → its partitions (mbr.js) → a FAT file system (fat.js)
// mounted at /mnt/<disk><n> (/mnt/sda1, /mnt/sda5 for the first logical
// partition), or /mnt/<disk> for a disk that is one FAT volume without a
// partition table (a "superfloppy"). One line is logged per volume, mounted
// or not (docs/fs-fat.md).
//
//   require('/js-drivers/fs/automount.js').start({drivers: require('drivers'),
//       vfs: require('/js-drivers/fs/vfs.js'), log: function (line) { ... }});
//
// `vfs` needs mount(path, fs) and, to make the mount point, mkdir(path, mode)
// (an existing directory is fine).
'use strict';

var mbr = require('./mbr.js');
var fat = require('./fat.js');

// The volumes of one disk: [{name, path, lba, sectors, typeName}] and the
// lines to log about what is left out.
function volumesOf(disk) {
    var sector = new Uint8Array(disk.sectorSize);
    var table = mbr.parse(function (lba) {
        disk.readSync(lba, 1, sector);
        return sector;
    }, disk.sectorCount);
    var notes = table.warnings.map(function (w) { return disk.name + ': ' + w; });
    if (table.scheme === 'superfloppy')
        return {volumes: [{name: disk.name, lba: 0, sectors: disk.sectorCount}], notes: notes};
    // A disk with neither (blank, or another system's) is passed over
    // without a word: it is not ours to comment on.
    var volumes = [];
    table.partitions.forEach(function (p) {
        var name = disk.name + p.number;
        if (p.fat)
            volumes.push({name: name, lba: p.lba, sectors: p.count});
        else
            notes.push(name + ': ' + p.typeName + ', not FAT: not mounted');
    });
    return {volumes: volumes, notes: notes};
}

// Mounts every FAT volume of `disk`; returns [{path, fs}] of those mounted.
function mountDisk(disk, vfs, log) {
    var found;
    try {
        found = volumesOf(disk);
    } catch (e) {
        log('automount: ' + disk.name + ': cannot read the partition table: ' + e.message);
        return [];
    }
    found.notes.forEach(function (n) { log('automount: ' + n); });
    var mounted = [];
    found.volumes.forEach(function (v) {
        var path = '/mnt/' + v.name, fs;
        try {
            fs = fat.mount(disk, {lba: v.lba, sectors: v.sectors, name: v.name});
        } catch (e) {
            log('automount: ' + v.name + ': not mounted: ' + e.message);
            return;
        }
        if (vfs.mkdir) {
            var made = vfs.mkdir(path, 0x1ED);
            if (made < 0 && made !== -17) {
                log('automount: ' + v.name + ': cannot make ' + path + ': error ' + made);
                return;
            }
        }
        var r = vfs.mount(path, fs);
        if (r < 0) {
            log('automount: ' + v.name + ': mount at ' + path + ' failed: error ' + r);
            return;
        }
        log('automount: ' + fs.describe() + ' at ' + path);
        mounted.push({path: path, fs: fs});
    });
    return mounted;
}

// options: {drivers, vfs, log(line)}; every disk there now and to come.
function start(options) {
    var log = options.log || function () {};
    var all = [];
    options.drivers.whenProvided('blockdev', function (disk) {
        all.push.apply(all, mountDisk(disk, options.vfs, log));
    });
    return all;
}

module.exports = {start: start, mountDisk: mountDisk, volumesOf: volumesOf};
