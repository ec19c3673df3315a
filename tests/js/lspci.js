// js-drivers/tools/lspci.js formatting, with a fake hal_pci (the real one
// is checked on bare metal by qemu.pci_q35 and qemu.pci_pc).
'use strict';

var check = require('./lib/check.js');
var lspci = require('../../js-drivers/tools/lspci.js').lspci;

function dev(address, vendor, device, classCode, subclass, revision) {
    return { address: address, vendor: vendor, device: device, classCode: classCode,
             subclass: subclass, progIf: 0, revision: revision, bars: [] };
}

var names = { '2,0': 'Ethernet controller', '1,6': 'SATA controller', '3,0': 'VGA compatible controller' };
var fake = {
    devices: function () {
        return [dev('00:02.0', 0x8086, 0x100e, 2, 0, 3), dev('00:1f.2', 0x8086, 0x2922, 1, 6, 2),
                dev('00:01.0', 0x1234, 0x1111, 3, 0, 2), dev('01:00.0', 0x8086, 0xabcd, 2, 0, 0)];
    },
    className: function (c, s) { return names[c + ',' + s]; }
};

var lines = lspci({ pci: fake });
check.equal(lines.length, 4, 'one line per function');
check.equal(lines[0], '00:02.0 Ethernet controller [0200]: Intel Corporation 82540EM Gigabit ' +
    'Ethernet Controller [8086:100e] (rev 03)', 'known vendor and device');
check.equal(lines[1], '00:1f.2 SATA controller [0106]: Intel Corporation 82801IR/IO/IH ' +
    '(ICH9R/DO/DH) 6 port SATA Controller [AHCI mode] [8086:2922] (rev 02)', 'ICH9 AHCI');
check.equal(lines[2], '00:01.0 VGA compatible controller [0300]: Device [1234:1111] (rev 02)',
    'vendor without a name');
check.equal(lines[3], '01:00.0 Ethernet controller [0200]: Intel Corporation Device [8086:abcd]',
    'unknown device of a known vendor, no revision');

var json = JSON.parse(lspci({ pci: fake, json: true }).join('\n'));
check.equal(json.length, 4, 'json: every device');
check.equal(json[3].address, '01:00.0', 'json: the device objects');
