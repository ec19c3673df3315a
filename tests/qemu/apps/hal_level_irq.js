// A level-triggered PCI interrupt (the e1000's INTx) reaches a JS handler,
// the line stays masked while the handler runs, and it is unmasked once the
// handler has acknowledged the device and returned (scenario
// qemu.hal_level_irq). The e1000 raises its interrupt on demand: a cause bit
// written to ICS, enabled in IMS, asserts INTx until ICR is read.
'use strict';
var hal = require('hal');
// The e1000 driver (js-drivers/dev/e1000.js) holds the NIC from boot: it
// is stopped (its resources released) so that this app can claim the device.
require('drivers').stop('e1000');
var ICR = 0xc0, ICS = 0xc8, IMS = 0xd0, IMC = 0xd8, TXDW = 1;

var drv = hal.owner('e1000-test');
var nic = drv.pci.find({vendor: 0x8086, device: 0x100e})[0];
var regs = nic.mapBar(0);
regs.write32(IMC, 0xffffffff);  // quiet first
regs.read32(ICR);
var maskedInHandler = [];
var causes = [];
var irq = nic.claimIrq(function () {
    maskedInHandler.push(hal.irq.stats().masked[nic.irqLine]);
    causes.push(regs.read32(ICR));  // reading ICR deasserts INTx
});
console.log('line ' + nic.irqLine + ' level-triggered ' + hal.irq.stats().levelTriggered[nic.irqLine]);
regs.write32(IMS, TXDW);

var raised = 0;
function raise() {
    raised++;
    regs.write32(ICS, TXDW);
    if (raised < 4)
        setTimeout(raise, 20);
    else
        setTimeout(report, 50);
}
function report() {
    console.log('interrupts ' + irq.count + ' of ' + raised);
    console.log('masked while the handler ran ' + maskedInHandler.every(Boolean));
    console.log('causes had TXDW ' + causes.every(function (c) { return (c & TXDW) !== 0; }));
    console.log('unmasked after ' + !hal.irq.stats().masked[nic.irqLine]);
    regs.write32(IMC, 0xffffffff);
    drv.close();
    console.log('done');
}
setTimeout(raise, 10);
