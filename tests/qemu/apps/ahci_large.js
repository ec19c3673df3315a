// AHCI scenario qemu.ahci_large: transfers bigger than one command. sda is
// a stamped random image of 48 MiB (tag 0x22).
//  - 40 MiB into a DmaBuffer (zero copy): 81920 sectors, more than the
//    65536 one READ DMA EXT can move: 2 commands;
//  - 40 MiB into a Uint8Array (through the 8 MiB bounce buffer): 5 commands;
//  - the DmaBuffer written back at sector 8192 with every tag changed to
//    0x57: 2 commands; the host checks the image.
'use strict';

var hal = require('hal');
var util = require('./ahci_util.js');
var disk = util.disk('sda');
var TAG = 0x22, NEW_TAG = 0x57, COUNT = 81920, AT = 8192;
var ss = disk.sectorSize;

function commands() { return disk.stats().commands; }

var dma = hal.dma.alloc(COUNT * ss);
var dmaBytes = new Uint8Array(dma.buffer);
var c0 = commands(), t0 = hal.clock.now();
disk.readSync(0, COUNT, dma);
console.log('readSync 40 MiB into a DmaBuffer: ' + (commands() - c0) + ' commands, stamps ' +
    (util.badStamps(dmaBytes, 0, COUNT, TAG, ss) || 'ok') + ' (' +
    (hal.clock.now() - t0).toFixed(0) + ' ms)');

var plain = new Uint8Array(COUNT * ss);
var done = util.keepAlive(40000, 'the async read');
c0 = commands();
disk.read(1000, COUNT, plain, function (err) {
    if (err) throw err;
    console.log('read 40 MiB into a Uint8Array: ' + (commands() - c0) + ' commands, stamps ' +
        (util.badStamps(plain, 1000, COUNT, TAG, ss) || 'ok') + ', head ' +
        util.fnv(plain, 0, 65536));
    var dv = new DataView(dma.buffer);
    for (var i = 0; i < COUNT; i++)
        dv.setUint32(i * ss + 4, NEW_TAG, true);
    c0 = commands();
    disk.write(AT, COUNT, dma, function (err2) {
        if (err2) throw err2;
        console.log('write 40 MiB from a DmaBuffer at ' + AT + ': ' + (commands() - c0) + ' commands');
        disk.flushSync();
        done();
    });
});
