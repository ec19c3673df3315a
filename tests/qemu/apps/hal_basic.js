// The HAL's port ranges, MMIO regions, DMA buffers, owners and trace
// (scenario qemu.hal_basic checks these lines).
var hal = require('hal');
// Line 11 below is the e1000's PCI line on q35, which the e1000 driver
// (js-drivers/dev/e1000.js) claims at boot: stopped, it releases it.
require('drivers').stop('e1000');
function attempt(what, fn) {
    try {
        fn();
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message);
    }
}

// Port I/O: the CMOS RTC.
var rtc = hal.io.claim(0x70, 2);
console.log('rtc base ' + rtc.base + ' count ' + rtc.count);
function cmos(reg) { rtc.out8(0, reg); return rtc.in8(1); }
var bcd = (cmos(0x0B) & 4) === 0;
var sec = cmos(0x00);
if (bcd) sec = (sec >> 4) * 10 + (sec & 15);
console.log('seconds in range ' + (sec >= 0 && sec < 60));
var a = cmos(0x0A);
console.log('register A update-in-progress cleared and divider 010 ' + (((a >> 4) & 7) === 2));

// Bounds, widths, values, double claims.
attempt('in8(2)', function () { rtc.in8(2); });
attempt('in16(1)', function () { rtc.in16(1); });
attempt('in8(-1)', function () { rtc.in8(-1); });
attempt('in8(0.5)', function () { rtc.in8(0.5); });
attempt('out8(0, 256)', function () { rtc.out8(0, 256); });
attempt('out8(0, -1)', function () { rtc.out8(0, -1); });
attempt('out16(0, 0x10000)', function () { rtc.out16(0, 0x10000); });
attempt("in8('0')", function () { rtc.in8('0'); });
attempt("out8(0, '1')", function () { rtc.out8(0, '1'); });
attempt('claim 0x71', function () { hal.io.claim(0x71, 1); });
attempt('claim COM1', function () { hal.io.claim(0x3f8, 1); });
attempt('claim 0xffff+2', function () { hal.io.claim(0xffff, 2); });
attempt('claim count 0', function () { hal.io.claim(0x80, 0); });
attempt('irq 4', function () { hal.irq.claim(4, function () {}); });
attempt('irq 16', function () { hal.irq.claim(16, function () {}); });

// in8While: a UART's receive FIFO emptied in one call. The scenario gives
// the machine a third UART (0x3E8, QEMU -serial null); in loopback mode it
// receives what it sends.
var uart = hal.io.claim(0x3e8, 8);
uart.out8(2, 0x07);                    // FIFOs on and cleared
uart.out8(4, 0x10);                    // loopback (no OUT2: no interrupt)
[0x50, 0x55, 0x53, 0x48, 0x0a].forEach(function (b) { uart.out8(0, b); });
var three = new Uint8Array(3), rest = new ArrayBuffer(16);
console.log('in8While into 3 bytes: ' + uart.in8While(0, 5, 0x01, three) + ' ' +
    Array.prototype.join.call(three, ','));
var n = uart.in8While(0, 5, 0x01, rest);
console.log('in8While the rest: ' + n + ' ' +
    Array.prototype.join.call(new Uint8Array(rest, 0, n), ','));
console.log('in8While when empty: ' + uart.in8While(0, 5, 0x01, rest));
attempt('in8While(8, 5, 1, b)', function () { uart.in8While(8, 5, 1, three); });
attempt('in8While(0, 8, 1, b)', function () { uart.in8While(0, 8, 1, three); });
attempt('in8While mask 0', function () { uart.in8While(0, 5, 0, three); });
attempt('in8While mask 256', function () { uart.in8While(0, 5, 256, three); });
attempt("in8While mask '1'", function () { uart.in8While(0, 5, '1', three); });
attempt('in8While into an array', function () { uart.in8While(0, 5, 1, [0]); });
uart.close();
attempt('in8While after close', function () { uart.in8While(0, 5, 1, three); });

// Close semantics.
rtc.close();
attempt('in8 after close', function () { rtc.in8(0); });
attempt('out8 after close', function () { rtc.out8(0, 0); });
attempt('close twice', function () { rtc.close(); });
var again = hal.io.claim(0x70, 2);
console.log('reclaimed after close ' + (again.in8 !== undefined));
again.close();

// Shared IRQ lines: both claims must ask for sharing.
var i1 = hal.irq.claim(11, function () {}, {shared: true});
attempt('irq 11 unshared', function () { hal.irq.claim(11, function () {}); });
var i2 = hal.irq.claim(11, function () {}, {shared: true});
console.log('irq 11 shared twice ' + (i2.line === 11));
i1.close();
i2.close();

// DMA buffers.
var bufs = [];
var aligns = [4096, 4096, 65536, 1 << 20];
for (var i = 0; i < aligns.length; i++) bufs.push(hal.dma.alloc(3000 + i, {align: aligns[i]}));
bufs.push(hal.dma.alloc(10000));
var distinct = true, aligned = true, below = true, zeroed = true;
for (i = 0; i < bufs.length; i++) {
    var b = bufs[i];
    if (b.phys % (aligns[i] || 4096) !== 0) aligned = false;
    if (b.phys + b.length > 0x100000000) below = false;
    for (var j = 0; j < i; j++) {
        var o = bufs[j];
        if (b.phys < o.phys + o.length && o.phys < b.phys + b.length) distinct = false;
    }
    var bytes = new Uint8Array(b.buffer);
    for (j = 0; j < bytes.length; j++) if (bytes[j] !== 0) zeroed = false;
}
console.log('dma distinct ' + distinct + ' aligned ' + aligned + ' below4g ' + below + ' zeroed ' + zeroed);
console.log('dma buffer ' + (bufs[0].buffer instanceof ArrayBuffer) + ' ' + bufs[0].buffer.byteLength);
var u8 = new Uint8Array(bufs[4].buffer);
for (i = 0; i < u8.length; i++) u8[i] = (i * 7) & 255;
var dv = new DataView(bufs[4].buffer);
dv.setUint32(16, 0xdeadbeef, true);
var ok = dv.getUint8(5) === 35 && u8[16] === 0xef && u8[19] === 0xde &&
    new Uint32Array(bufs[4].buffer)[4] === 0xdeadbeef && dv.getUint16(9999 - 1, true) === ((((9999 * 7) & 255) << 8) | ((9998 * 7) & 255));
console.log('dma reads back ' + ok);
// copyOut: a fresh Uint8Array with a copy, which later writes do not reach.
var copy = bufs[4].copyOut(9990, 10);
var copied = copy instanceof Uint8Array && copy.length === 10 && copy[0] === ((9990 * 7) & 255) &&
    copy[9] === ((9999 * 7) & 255);
u8[9990] ^= 0xff;
console.log('dma copyOut ' + copied + ' a copy ' + (copy[0] === ((9990 * 7) & 255)) +
    ' empty ' + bufs[4].copyOut(10000, 0).length);
function attemptCopy(what, offset, length) {  // the buffer's address varies: not printed
    try {
        bufs[4].copyOut(offset, length);
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message.replace(/^DmaBuffer 0x[0-9a-f]+/,
            'DmaBuffer <phys>'));
    }
}
attemptCopy('copyOut past the end', 9995, 6);
attemptCopy('copyOut length -1', 0, -1);
attemptCopy('copyOut offset 1.5', 1.5, 1);
attemptCopy('copyOut length missing', 0);
// gather: ranges back to back in one fresh Uint8Array (a walk's frames).
var gathered = bufs[4].gather(new Uint32Array([9990, 3, 0]), new Uint32Array([10, 2, 0]), 3);
var expectGathered = [];
[9990, 9991, 9992, 9993, 9994, 9995, 9996, 9997, 9998, 9999, 3, 4].forEach(function (at) {
    expectGathered.push(u8[at]);
});
console.log('dma gather ' + (gathered instanceof Uint8Array) + ' ' +
    (Array.prototype.slice.call(gathered).join() === expectGathered.join()) + ' length ' +
    gathered.length + ' none ' + bufs[4].gather(new Uint32Array(0), new Uint32Array(0), 0).length);
function attemptGather(what, starts, lengths, count) {
    try {
        bufs[4].gather(starts, lengths, count);
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message.replace(/^DmaBuffer 0x[0-9a-f]+/,
            'DmaBuffer <phys>'));
    }
}
attemptGather('gather past the end', new Uint32Array([0, 9999]), new Uint32Array([1, 2]), 2);
attemptGather('gather count past the arrays', new Uint32Array([0]), new Uint32Array([1]), 2);
attemptGather('gather starts not an array', [0], new Uint32Array([1]), 1);
attemptGather('gather count 1.5', new Uint32Array([0]), new Uint32Array([1]), 1.5);
// walkDone: a receive walk over a ring of 4 descriptors of 16 bytes, laid
// out as the e1000's (length in word 2, status in word 3): it starts at 2,
// wraps, keeps what passes the check and stops at the first not done.
var ring = hal.dma.alloc(64);
var desc = new Uint32Array(ring.buffer);
var LAYOUT = {entries: 4, size: 16, status: 12, done: 1, check: 0xFF02, want: 2,
    length: 8, lengthMask: 0xFFFF, minLength: 14, buffer: 2048};
function setDesc(i, length, status) { desc[4 * i + 2] = length | 0xABCD0000; desc[4 * i + 3] = status; }
setDesc(2, 60, 3);            // done, whole: kept
setDesc(3, 100, 3 | 0x100);   // done, an error bit: taken, not kept
setDesc(0, 10, 3);            // done, shorter than a header: not kept
setDesc(1, 1514, 1);          // done, without EOP: not kept
var starts = new Uint32Array(4), lengths = new Uint32Array(4), counts = new Uint32Array(2);
ring.walkDone(2, 4, LAYOUT, starts, lengths, counts);
console.log('dma walkDone taken ' + counts[0] + ' kept ' + counts[1] + ' at ' + starts[0] +
    ' length ' + lengths[0]);
setDesc(0, 2000, 3);
setDesc(1, 0, 0);             // not done yet: the walk stops here
ring.walkDone(2, 4, LAYOUT, starts, lengths, counts);
console.log('dma walkDone stops taken ' + counts[0] + ' kept ' + counts[1] + ' second at ' +
    starts[1] + ' length ' + lengths[1]);
ring.walkDone(3, 1, LAYOUT, starts, lengths, counts);
console.log('dma walkDone limit taken ' + counts[0] + ' kept ' + counts[1]);
function attemptWalk(what, fn) {
    try {
        fn();
        console.log(what + ': no error');
    } catch (e) {
        console.log(what + ': ' + e.name + ': ' + e.message.replace(/^DmaBuffer 0x[0-9a-f]+/,
            'DmaBuffer <phys>'));
    }
}
attemptWalk('walkDone ring past the end', function () {
    ring.walkDone(0, 1, {entries: 5, size: 16, status: 12, done: 1, check: 0, want: 0,
        length: 8, lengthMask: 0xFFFF, minLength: 0, buffer: 2048}, starts, lengths, counts);
});
attemptWalk('walkDone layout without size', function () {
    ring.walkDone(0, 1, {entries: 4}, starts, lengths, counts);
});
attemptWalk('walkDone first past the ring', function () {
    ring.walkDone(4, 1, LAYOUT, starts, lengths, counts);
});
attemptWalk('walkDone lengths too short', function () {
    ring.walkDone(0, 4, LAYOUT, starts, new Uint32Array(3), counts);
});
ring.close();
var written = bufs[4];
written.close();
written.close();
console.log('dma after close: byte ' + u8[5] + ' phys kept ' + (written.phys > 0));
var reused = hal.dma.alloc(10000);
console.log('dma zeroed again ' + (new Uint8Array(reused.buffer)[5] === 0));
attempt('copyOut after close', function () { written.copyOut(0, 1); });
attempt('dma align 3000', function () { hal.dma.alloc(10, {align: 3000}); });
attempt('dma length 0', function () { hal.dma.alloc(0); });

// MMIO: the HPET's capabilities and the local APIC's version register.
var hpet = hal.mmio.map(0xfed00000, 0x400);
var cap = hpet.read32(0);
console.log('hpet vendor 0x' + (cap >>> 16).toString(16) + ' period ' + hpet.read32(4));
var apic = hal.mmio.map(0xfee00000, 0x1000);
console.log('apic version 0x' + (apic.read32(0x30) & 0xff).toString(16));
attempt('read32(2)', function () { hpet.read32(2); });
attempt('read32(0x3fe)', function () { hpet.read32(0x3fe); });
attempt('read8(0x400)', function () { hpet.read8(0x400); });
attempt('map overlap', function () { hal.mmio.map(0xfed00100, 16); });
attempt('map RAM', function () { hal.mmio.map(0x200000, 4096); });
// Unmapped RAM is still RAM: page 0 (the null guard) and the stack guard page.
attempt('map page 0', function () { hal.mmio.map(0, 4096); });
attempt('map RAM above 1 MiB', function () { hal.mmio.map(0x1000000, 4096); });
hpet.close();
attempt('read32 after close', function () { hpet.read32(0); });

// Owners: closing one closes what it owns.
var drv = hal.owner('drv');
console.log('owner ' + drv.name);
var p = drv.io.claim(0x70, 2);
var m = drv.mmio.map(0xfed00000, 0x400);
var d = drv.dma.alloc(4096);
var q = drv.irq.claim(8, function () {});
attempt('app claims drv port', function () { hal.io.claim(0x70, 1); });
drv.close();
drv.close();
attempt('port of closed owner', function () { p.in8(1); });
attempt('mmio of closed owner', function () { m.read32(0); });
console.log('irq of closed owner: count ' + q.count);
attempt('claim through closed owner', function () { drv.io.claim(0x80, 1); });
var p2 = hal.io.claim(0x70, 2);
var m2 = hal.mmio.map(0xfed00000, 0x400);
var q2 = hal.irq.claim(8, function () {});
console.log('released by owner close ' + (p2.count === 2 && m2.length === 0x400 && q2.line === 8));
p2.close(); m2.close(); q2.close();

// Trace.
var t = hal.owner('rtc');
var tp = t.io.claim(0x70, 2);
var tm = t.mmio.map(0xfed00000, 0x400);
tp.out8(0, 0x0b);  // not traced
hal.trace(t, true);
tp.out8(0, 0x0a);
tp.in8(1);
tm.read32(0);
tm.write32(0x10, 0);
hal.trace('rtc', false);
tp.out8(0, 0x0a);
console.log('trace done');
t.close();

// Clock.
var t0 = hal.clock.now();
hal.clock.delayMicros(20000);
var dt = hal.clock.now() - t0;
console.log('delayMicros(20000) took >= 20 ms ' + (dt >= 20) + ' float ' + (typeof t0 === 'number'));
attempt('delayMicros(-1)', function () { hal.clock.delayMicros(-1); });
console.log('done');
