// AHCI scenarios qemu.ahci_controllers_q35/_pc: every disk, in name order,
// with its controller and port, the tag of its stamped image, and a
// one-sector write read back.
'use strict';

var drivers = require('drivers');
var util = require('./ahci_util.js');

drivers.get('blockdev').forEach(function (d) {
    var ss = d.sectorSize, first = new Uint8Array(16 * ss);
    d.readSync(0, 16, first);
    var tag = new DataView(first.buffer).getUint32(4, true);
    var sector = new Uint8Array(first.subarray(5 * ss, 6 * ss));   // a copy
    for (var i = 8; i < ss; i++)
        sector[i] = (sector[i] + i) & 0xff;
    d.writeSync(5, 1, sector);
    var back = new Uint8Array(ss);
    d.readSync(5, 1, back);
    var same = true;
    for (var j = 0; j < ss; j++)
        if (back[j] !== sector[j]) same = false;
    console.log(d.name + ' ' + d.controller + ' port ' + d.port + ' ' + d.sectorCount + ' tag ' +
        tag.toString(16) + ' stamps ' + (util.badStamps(first, 0, 16, tag, ss) || 'ok') +
        ' written ' + (same ? 'ok' : 'WRONG'));
});

// Reload the driver with a read under way: stop() finishes it, the new
// version resets the HBA, and the blockdev proxies held here keep working.
var disks = drivers.get('blockdev');
var first = disks[0], pending = new Uint8Array(8 * first.sectorSize);
var done = util.keepAlive(20000, 'the read queued before the reload');
first.read(0, 8, pending, function (err) {
    console.log('read queued before the reload: ' + (err ? err.message : 'ok') + ', stamps ' +
        (util.badStamps(pending, 0, 8, new DataView(pending.buffer).getUint32(4, true),
            first.sectorSize) || 'ok'));
    done();
});
var r = drivers.reload('ahci');
console.log('reload: ' + r.ok + (r.error ? ' ' + r.error : ''));
disks.forEach(function (d) {
    var again = new Uint8Array(4 * d.sectorSize);
    d.readSync(0, 4, again);
    var tag = new DataView(again.buffer).getUint32(4, true);
    console.log('after the reload ' + d.name + ' tag ' + tag.toString(16) + ' stamps ' +
        (util.badStamps(again, 0, 4, tag, d.sectorSize) || 'ok'));
});
