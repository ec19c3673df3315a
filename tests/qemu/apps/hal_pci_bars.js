// PciDevice.mapBar(i) and claimIrq(handler) through hal.pci and an owner's
// pci (scenario qemu.hal_pci_bars; needs the native module hal_pci).
var hal = require('hal');
// The e1000 driver (js-drivers/dev/e1000.js) holds the NIC from boot: it
// is stopped (its resources released) so that this app can claim the device.
require('drivers').stop('e1000');
if (!hal.pci) {
    console.log('no hal.pci');
    process.exit(0);
}
function attempt(what, fn) {
    try {
        fn();
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message);
    }
}
var nic = hal.pci.find({vendor: 0x8086, device: 0x100e})[0];
console.log('e1000 at ' + nic.address + ' fields copied ' + (JSON.parse(JSON.stringify(nic)).vendor === 0x8086) +
    ' config ' + nic.configRead16(0).toString(16));
var bar0 = nic.bars.filter(function (b) { return b.index === 0; })[0];
var regs = nic.mapBar(0);
console.log('mapBar(0) MmioRegion ' + (regs.phys === bar0.base && regs.length === bar0.size) +
    ' STATUS link up ' + ((regs.read32(8) & 2) === 2));
var io = nic.mapBar(1);
console.log('mapBar(1) PortRange ' + (typeof io.in32 === 'function') + ' count ' + io.count);
var line = nic.claimIrq(function () {});
console.log('claimIrq line ' + (line.line === nic.irqLine));
attempt('mapBar(0) again', function () { nic.mapBar(0); });
attempt('mapBar(3)', function () { nic.mapBar(3); });
regs.close();
io.close();
line.close();
var drv = hal.owner('e1000');
var dev = drv.pci.find({vendor: 0x8086, device: 0x100e})[0];
var r = dev.mapBar(0);
dev.mapBar(1);
dev.claimIrq(function () {});
attempt('app maps the BAR the driver holds', function () { nic.mapBar(0); });
hal.trace(drv, true);
r.read32(0);
hal.trace(drv, false);
dev.enable({memory: true, io: true, busMaster: true});
console.log('bus master on ' + ((nic.configRead16(4) & 4) === 4));
drv.close();
console.log('owner close released the BARs ' + (nic.mapBar(0).length === bar0.size && nic.mapBar(1).count > 0));
console.log('owner close stopped bus mastering ' + ((nic.configRead16(4) & 4) === 0) +
    ', memory decoding kept ' + ((nic.configRead16(4) & 2) === 2));
console.log('done');
