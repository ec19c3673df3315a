// The file systems every boot starts with: the boot archive at /
// (read-only), ramfs at /tmp and /mnt (where automount adds /mnt/sda1...),
// devfs at /dev. Block devices join /dev as the disks appear.
'use strict';

var vfs = require('./vfs');

function setup(kernel) {
    function now() { return kernel.realtimeNs() / 1e6; }
    var devfs = require('./devfs').create(kernel);
    var steps = [
        ['/', require('./archivefs').create(kernel)],
        ['/tmp', require('./ramfs').create({ now: now })],
        ['/dev', devfs],
        ['/mnt', require('./ramfs').create({ now: now })]
    ];
    steps.forEach(function (s) {
        var r = vfs.mount(s[0], s[1]);
        if (r < 0)
            kernel.consoleWrite('vfs: mounting ' + s[0] + ' failed: ' + r + '\n');
    });
    steps[3][1].root.mode = 0x1ed;  // /mnt is 0755 (ramfs roots start as 1777 like /tmp)
    return { devfs: devfs };
}

// Watches the driver manager for disks: each `blockdev` gets /dev/<name>.
function watchDisks(drivers, devfs) {
    drivers.whenProvided('blockdev', function (disk) { devfs.addBlockDevice(disk); });
}

module.exports = { setup: setup, watchDisks: watchDisks };
