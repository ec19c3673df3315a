// PCI scenario (tests/qemu/scenario.py qemu.pci_*): prints the device list
// as one JSON line, then the lspci lines, then stays up so the test can ask
// QEMU's own view (QMP query-pci) of the running machine.
var pci = require('native:hal_pci');
var lspci = require('/js-drivers/tools/lspci.js').lspci;
console.log('PCI ' + JSON.stringify(pci.devices()));
lspci().forEach(function (line) { console.log('LSPCI ' + line); });
var e1000 = pci.find({vendor: 0x8086, device: 0x100e})[0];
var errors = [];
[function () { e1000.configRead8(4096); },
 function () { e1000.configRead16(3); },
 function () { e1000.configWrite8(0x3c, 256); },
 function () { e1000.configRead32(-4); }].forEach(function (f) {
    try { f(); errors.push('no error'); } catch (err) { errors.push(String(err)); }
});
console.log('ERRORS ' + JSON.stringify(errors));
console.log('CAPS ' + JSON.stringify(pci.find({classCode: 1, subclass: 6}).map(
    function (d) { return d.capabilities(); })));
console.log('END');
setInterval(function () {}, 1000);
