// lspci: one line per PCI function, like Linux's `lspci -nn`:
//
//   00:02.0 Ethernet controller [0200]: Intel Corporation 82540EM Gigabit Ethernet Controller [8086:100e] (rev 03)
//
// lspci({json: true}) gives the device objects (hal.pci.devices()) as JSON
// text instead. Either way the result is an array of lines; run as a
// program (tools/jsk run js-drivers/tools/lspci.js [--json]) it prints them.
// From an app or the REPL: require('/js-drivers/tools/lspci.js').lspci().
//
// options.pci replaces the native module (tests pass a fake one with
// devices() and className()).
'use strict';

var VENDORS = {
    0x8086: 'Intel Corporation',
    0x1b36: 'Red Hat, Inc.',
    0x1af4: 'Red Hat, Inc.'
    // 0x1234 (QEMU's std VGA) has no name in pci.ids: "Device [1234:1111]"
};

// Device names from pci.ids, for what QEMU's q35 and pc machines create.
var DEVICES = {
    '8086:100e': '82540EM Gigabit Ethernet Controller',
    '8086:100f': '82545EM Gigabit Ethernet Controller (Copper)',
    '8086:10d3': '82574L Gigabit Network Connection',
    '8086:1237': '440FX - 82441FX PMC [Natoma]',
    '8086:7000': '82371SB PIIX3 ISA [Natoma/Triton II]',
    '8086:7010': '82371SB PIIX3 IDE [Natoma/Triton II]',
    '8086:7020': '82371SB PIIX3 USB [Natoma/Triton II]',
    '8086:7113': '82371AB/EB/MB PIIX4 ACPI',
    '8086:29c0': '82G33/G31/P35/P31 Express DRAM Controller',
    '8086:2918': '82801IB (ICH9) LPC Interface Controller',
    '8086:2922': '82801IR/IO/IH (ICH9R/DO/DH) 6 port SATA Controller [AHCI mode]',
    '8086:2930': '82801I (ICH9 Family) SMBus Controller',
    '1b36:0001': 'QEMU PCI-PCI bridge',
    '1b36:000d': 'QEMU XHCI Host Controller',
    '1af4:1000': 'Virtio network device',
    '1af4:1001': 'Virtio block device',
    '1af4:1005': 'Virtio RNG'
};

function hex(n, width) {
    var s = n.toString(16);
    while (s.length < width)
        s = '0' + s;
    return s;
}

function line(pci, d) {
    var ids = hex(d.vendor, 4) + ':' + hex(d.device, 4);
    var vendor = VENDORS[d.vendor];
    var name = DEVICES[ids] || 'Device';
    return d.address + ' ' + pci.className(d.classCode, d.subclass, d.progIf) +
        ' [' + hex(d.classCode, 2) + hex(d.subclass, 2) + ']: ' +
        (vendor ? vendor + ' ' : '') + name + ' [' + ids + ']' +
        (d.revision ? ' (rev ' + hex(d.revision, 2) + ')' : '');
}

function lspci(options) {
    options = options || {};
    var pci = options.pci || require('native:hal_pci');
    var devices = pci.devices();
    if (options.json)
        return JSON.stringify(devices, null, 2).split('\n');
    return devices.map(function (d) { return line(pci, d); });
}

module.exports = { lspci: lspci, line: line };

if (require.main === module) {
    var json = process.argv.slice(2).indexOf('--json') >= 0;
    console.log(lspci({ json: json }).join('\n'));
}
