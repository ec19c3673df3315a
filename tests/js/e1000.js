// js-drivers/dev/e1000.js against a fake 8254x (the real one, QEMU's, is
// driven by the qemu.e1000_* scenarios): the ring bookkeeping, back-pressure
// when the transmit ring is full and the 'drain' event, padding, the send()
// errors, receive errors, listeners that throw, stop() counting what it
// could not send, the warm start from a handover, link events, the filters,
// and the order of the start-up writes.
'use strict';

var check = require('./lib/check.js');
var e1000 = require('../../js-drivers/dev/e1000.js');

var ICR = 0xC0, IMS = 0xD0, IMC = 0xD8, RCTL = 0x100, CTRL = 0, STATUS = 8, EERD = 0x14;
var RDBAL = 0x2800, RDH = 0x2810, RDT = 0x2818, TDBAL = 0x3800, TDH = 0x3810, TDT = 0x3818;
var RAL0 = 0x5400, RAH0 = 0x5404, MTA = 0x5200;
var TXDW = 1, LSC = 4, RXT0 = 0x80;

// A fake device: registers, DMA memory by physical address, one IRQ.
function fakeNic(options) {
    options = options || {};
    var regs = {}, log = [], memory = [], nextPhys = 0x100000, handler = null;
    var busMaster = false;
    regs[STATUS] = 0x80080783;   // link up, full duplex, 1000 Mb/s
    if (options.noRal) {
        regs[RAH0] = 0;
    } else {
        regs[RAL0] = 0x12005452;
        regs[RAH0] = 0x80005634;
    }
    var eeprom = [0x5452, 0x1200, 0x5634];
    var nic = {
        regs: regs, log: log, sent: [], txAuto: options.txAuto !== false,
        read32: function (off) {
            var v = regs[off] || 0;
            if (off === ICR)
                regs[ICR] = 0;
            return v >>> 0;
        },
        write32: function (off, v) {
            log.push([off, v >>> 0]);
            if (off === CTRL) {
                regs[CTRL] = v & ~(1 << 26);    // RST clears itself
                if (v & (1 << 26)) nic.resets = (nic.resets || 0) + 1;
            } else if (off === IMS) {
                regs[IMS] = (regs[IMS] | v) >>> 0;
            } else if (off === IMC) {
                regs[IMS] = (regs[IMS] & ~v) >>> 0;
            } else if (off === 0xC8) {   // ICS
                regs[ICR] = (regs[ICR] | v) >>> 0;
                nic.raised = (nic.raised || 0) + 1;
            } else if (off === EERD) {
                regs[EERD] = ((eeprom[(v >> 8) & 0xff] << 16) | 0x10 | v) >>> 0;
            } else {
                regs[off] = v >>> 0;
                if (off === TDT && nic.txAuto)
                    nic.transmit();
            }
        },
        // DMA memory: a view at a physical address
        at: function (phys) {
            for (var i = 0; i < memory.length; i++) {
                var m = memory[i];
                if (phys >= m.phys && phys < m.phys + m.length)
                    return {buffer: m.buffer, offset: phys - m.phys};
            }
            throw new Error('no DMA memory at ' + phys.toString(16));
        },
        desc: function (base, i) {
            var a = nic.at(base + 16 * i);
            return new Uint32Array(a.buffer, a.offset, 4);
        },
        // The device sends every descriptor in [TDH, TDT).
        transmit: function () {
            while (regs[TDH] !== regs[TDT]) {
                var d = nic.desc(regs[TDBAL], regs[TDH]);
                var a = nic.at(d[0]);
                nic.sent.push(new Uint8Array(a.buffer.slice(a.offset, a.offset + (d[2] & 0xffff))));
                if (d[2] & (1 << 27))
                    d[3] |= 1;   // DD, written back only with RS (report status), as QEMU does
                regs[TDH] = (regs[TDH] + 1) % 256;
            }
        },
        // A frame arrives: into the buffer at RDH, if the ring has room.
        receive: function (bytes, errors) {
            if (regs[RDH] === regs[RDT])
                return false;
            var d = nic.desc(regs[RDBAL], regs[RDH]);
            // The driver clears a descriptor's status before giving it back:
            // a DD left over from the last round would look like a new frame.
            if (d[3] !== 0)
                throw new Error('descriptor ' + regs[RDH] + ' given back with status ' + d[3]);
            var a = nic.at(d[0]);
            new Uint8Array(a.buffer, a.offset, bytes.length).set(bytes);
            d[2] = bytes.length;
            d[3] = 3 | ((errors || 0) << 8);   // DD, EOP
            regs[RDH] = (regs[RDH] + 1) % 2048;
            regs[ICR] |= RXT0;
            return true;
        },
        // INTx: the handler runs, and again while an enabled cause is
        // pending (the driver raises RXT0 through ICS after a full batch)
        interrupt: function () {
            handler();
            for (var n = 0; n < 100 && (regs[ICR] & regs[IMS]); n++)
                handler();
        },
        dev: {
            enable: function (o) {
                log.push(['enable', JSON.stringify(o)]);
                if (o.busMaster) busMaster = true;
            },
            mapBar: function (i) { check.equal(i, 0, 'BAR 0'); return nic; },
            claimIrq: function (fn) { handler = fn; }
        },
        ctx: {
            name: 'e1000',
            log: function (msg) { nic.logged.push(msg); },
            provide: function (kind, impl) { nic.provided = impl; check.equal(kind, 'netif'); },
            hal: {
                clock: {delayMicros: function () {}, now: function () { return 0; }},
                dma: {alloc: function (length) {
                    var m = {phys: nextPhys, length: length, buffer: new ArrayBuffer(length),
                        close: function () {},
                        copyOut: function (offset, n) {
                            return new Uint8Array(this.buffer.slice(offset, offset + n));
                        },
                        gather: function (starts, lengths, count) {  // as hal_module.cpp's
                            var total = 0, k;
                            for (k = 0; k < count; k++) {
                                check.ok(starts[k] + lengths[k] <= length, 'gather in range');
                                total += lengths[k];
                            }
                            var out = new Uint8Array(total), bytes = new Uint8Array(this.buffer);
                            for (k = 0, total = 0; k < count; total += lengths[k], k++)
                                out.set(bytes.subarray(starts[k], starts[k] + lengths[k]), total);
                            return out;
                        },
                        walkDone: function (first, limit, layout, starts, lengths, counts) {
                            var words = new Uint32Array(this.buffer), taken = 0, kept = 0;
                            check.ok(layout.entries * layout.size <= length, 'walk in range');
                            for (var i = first; taken < limit; taken++) {
                                var at = i * layout.size;
                                var status = words[(at + layout.status) / 4];
                                if (!(status & layout.done))
                                    break;
                                var len = words[(at + layout.length) / 4] & layout.lengthMask;
                                if ((status & layout.check) === layout.want &&
                                        len >= layout.minLength && len <= layout.buffer) {
                                    starts[kept] = i * layout.buffer;
                                    lengths[kept++] = len;
                                }
                                if (++i === layout.entries)
                                    i = 0;
                            }
                            counts[0] = taken;
                            counts[1] = kept;
                        }};
                    nextPhys += Math.ceil(length / 4096) * 4096;
                    memory.push(m);
                    return m;
                }}
            }
        },
        logged: [],
        busMaster: function () { return busMaster; }
    };
    return nic;
}

function frame(len, fill) {
    var f = new Uint8Array(len);
    for (var i = 0; i < len; i++)
        f[i] = fill === undefined ? (i & 0xff) : fill;
    return f;
}

// -- start: MAC, reset, the order of the last writes ---------------------------
var nic = fakeNic();
e1000.start(nic.dev, nic.ctx, undefined);
var netif = nic.provided;
check.equal(netif.mac, '52:54:00:12:34:56', 'MAC from RAL0/RAH0');
check.equal(netif.name + ' ' + netif.mtu + ' ' + netif.link, 'eth0 1500 true', 'name, mtu, link');
check.equal(nic.resets, 1, 'a cold start resets the device');
var order = nic.log.map(function (w) { return w[0]; });
var rctlAt = order.lastIndexOf(RCTL), dmaAt = -1, rdtAt = order.lastIndexOf(RDT);
nic.log.forEach(function (w, i) { if (w[0] === 'enable' && /busMaster/.test(w[1])) dmaAt = i; });
check.ok(rctlAt < dmaAt && dmaAt < rdtAt, 'RCTL.EN, then bus mastering, then RDT (QEMU keeps its queue)');
check.equal(nic.regs[RDT], 2047, 'RDT: all 2048 receive descriptors but one given to the device');
check.equal(nic.regs[IMS], (RXT0 | 0x40 | 0x10 | LSC) >>> 0, 'IMS: RXT0, RXO, RXDMT0, LSC');

var nic2 = fakeNic({noRal: true});
e1000.start(nic2.dev, nic2.ctx, undefined);
check.equal(nic2.provided.mac, '52:54:00:12:34:56', 'MAC from the EEPROM (EERD) without RAH.AV');
check.equal(nic2.regs[RAH0] >>> 31, 1, 'and written to RAH0 with AV');
e1000.stop();

// -- send(): errors, padding ---------------------------------------------------
function error(fn) {
    try { fn(); return 'no error'; } catch (e) { return e.name + ': ' + e.message; }
}
nic = fakeNic();
e1000.start(nic.dev, nic.ctx, undefined);
netif = nic.provided;
check.equal(error(function () { netif.send(frame(1515)); }),
    'RangeError: e1000: frame of 1515 bytes is longer than 1514 (MTU 1500 + 14-byte header, without FCS)');
check.equal(error(function () { netif.send(frame(13)); }),
    'RangeError: e1000: frame of 13 bytes is shorter than an Ethernet header (14)');
check.equal(error(function () { netif.send({length: 60}); }),
    'TypeError: e1000: send(frame) wants a Uint8Array, an ArrayBufferView or an ArrayBuffer, not object');
check.equal(netif.send(frame(1514)), true, 'a 1514-byte frame');
check.equal(netif.send(frame(100, 0xee).buffer), true, 'an ArrayBuffer');
check.equal(netif.send(new Uint16Array(30)), true, 'another view (60 bytes)');
check.equal(netif.send(frame(20, 0xaa)), true, 'a 20-byte frame');
check.equal(nic.sent.length, 4, 'four frames went out');
check.equal(nic.sent[3].length, 60, 'the short frame is padded to 60');
check.equal(Array.prototype.slice.call(nic.sent[3], 20).every(function (b) { return b === 0; }),
    true, 'with zeros, though the buffer held an older frame');
check.equal(nic.sent[0].length + ' ' + nic.sent[0][1513], '1514 ' + (1513 & 0xff), '1514 bytes intact');

// -- back-pressure: a device that does not send -----------------------------
nic.txAuto = false;
var sentBefore = nic.sent.length, accepted = 0;
while (netif.send(frame(64)) && accepted < 1000)
    accepted++;
check.equal(accepted, 255, 'the ring takes 255 frames (one slot stays empty)');
check.equal(netif.stats().txRingFull, 1, 'the refusal is counted (txRingFull)');
check.equal(netif.send(frame(64)), false, 'still full');
check.equal(netif.stats().txRingFull, 2, 'counted again');
check.equal(netif.stats().txPending, 255, 'txPending');
check.equal(nic.regs[IMS] & TXDW, TXDW, 'TXDW is enabled while a sender waits');
var drains = 0;
netif.on('drain', function () { drains++; });
nic.transmit();
nic.regs[ICR] = TXDW;
nic.interrupt();
check.equal(drains, 1, "'drain' once the device wrote descriptors back");
check.equal(nic.regs[IMS] & TXDW, 0, 'TXDW off again');
check.equal(nic.sent.length - sentBefore, 255, 'the 255 frames went out');
check.equal(netif.send(frame(64)), true, 'send works again');
check.equal(netif.stats().txFrames, 4 + 255, 'txFrames counts what the device wrote back');

// -- stop() with frames the device never sent --------------------------------
netif.send(frame(64));
netif.send(frame(64));
var handover = e1000.stop();
check.equal(handover.counters.txDropped, 3, 'stop(): unsent frames are counted in txDropped');
check.equal(nic.regs[RCTL], 0, 'stop(): receive off');
check.equal(nic.regs[IMS], 0, 'stop(): interrupts off');
check.equal(error(function () { netif.send(frame(64)); }), 'Error: e1000: stopped',
    'the old version refuses to send');

// -- warm start from the handover ---------------------------------------------
var nic3 = fakeNic();
nic3.regs[RCTL] = 0;
e1000.start(nic3.dev, nic3.ctx, handover);
var s3 = nic3.provided.stats();
check.equal(nic3.resets, undefined, 'a warm start does not reset the device');
check.equal(s3.txDropped + ' ' + s3.txFrames + ' ' + s3.warmStarts, '3 259 1',
    'the counters carry over; warmStarts 1');

// -- receive ------------------------------------------------------------------
netif = nic3.provided;
var got = [];
netif.onReceive(function (f) { got.push(f); });
var sizes = [60, 61, 128, 1514];
sizes.forEach(function (n) { nic3.receive(frame(n)); });
nic3.receive(frame(64), 0x01);   // CRC error
nic3.receive(frame(70));
nic3.interrupt();
check.equal(got.map(function (f) { return f.length; }).join(), '60,61,128,1514,70',
    'frames in order, the one with errors left out');
check.ok(got[3] instanceof Uint8Array && got[3][1513] === (1513 & 0xff), 'a copy of the bytes');
check.equal(netif.stats().rxErrors, 1, 'rxErrors');
check.equal(nic3.regs[RDT], 5, 'RDT: the last descriptor taken is given back');
check.equal(netif.stats().rxBytes, 60 + 61 + 128 + 1514 + 70, 'rxBytes');
// a listener that throws: counted, the others still get the frame
var calls = 0;
netif.on('receive', function () { throw new Error('listener bug'); });
netif.on('receive', function () { calls++; });
nic3.receive(frame(60));
nic3.interrupt();
check.equal(calls + ' ' + netif.stats().rxListenerErrors, '1 1', 'a throwing listener is counted');
check.ok(/listener bug/.test(nic3.logged.join()), 'and logged once');
// the ring wraps around: 6000 frames in rounds
var before = got.length;
for (var round = 0; round < 3; round++) {
    for (var k = 0; k < 2000; k++)
        check.ok(nic3.receive(frame(60 + k % 1000)), 'room in the ring');
    nic3.interrupt();
}
check.equal(got.length - before, 6000, '6000 frames across the wrap');
check.ok(nic3.raised >= 3 * 7, 'in batches of 256: the driver raised its interrupt again (ICS)');
check.equal(got[got.length - 1].length, 60 + 1999 % 1000, 'the last in order');
// the assigned handler: netif.onReceive = fn
var assigned = [];
netif.onReceive = function (f) { assigned.push(f.length); };
netif.onReceive = function (f) { assigned.push(-f.length); };
nic3.receive(frame(99));
nic3.interrupt();
check.equal(assigned.join(), '-99', 'netif.onReceive = fn replaces the assigned handler');
// 'receiveBatch': the frames of one walk of the ring as one array, in
// order, before the 'receive' listeners get them one by one; a batch
// listener that throws is counted like the others
var batches = [], perFrame = [];
var errorsBefore = netif.stats().rxListenerErrors;
netif.on('receiveBatch', function (frames) {
    batches.push(frames.map(function (f) { return f.length; }).join());
});
netif.on('receiveBatch', function () { throw new Error('batch listener bug'); });
netif.onReceive = function (f) { perFrame.push(f.length); };
[101, 102, 103].forEach(function (n) { nic3.receive(frame(n)); });
nic3.receive(frame(104), 0x01);   // CRC error: in no batch
nic3.interrupt();
check.equal(batches.join(' | '), '101,102,103', 'one batch, in order, without the bad frame');
check.equal(perFrame.join(), '101,102,103', "the 'receive' listeners get the same frames");
check.equal(netif.stats().rxListenerErrors - errorsBefore, 1 + 3,
    'the throwing batch listener (and the earlier throwing one, per frame) counted');
for (k = 0; k < 300; k++)
    nic3.receive(frame(60 + k));
nic3.interrupt();
check.equal(batches.slice(1).map(function (b) { return b.split(',').length; }).join(), '256,44',
    'at most 256 frames a batch');
// 'receivePacked': the same batch as one buffer and the frames' lengths,
// before the other listeners; the frames those get are the same bytes
var packed = [];
netif.on('receivePacked', function (data, lengths) {
    var at = 0, same = true;
    for (var f = 0; f < lengths.length; f++) {
        for (var b = 0; b < lengths[f]; b++)
            if (data[at + b] !== (b & 0xff))
                same = false;
        at += lengths[f];
    }
    packed.push(Array.prototype.join.call(lengths) + (same && at === data.length ? '' : ' bad bytes'));
});
batches = [];
perFrame = [];
[81, 82, 83].forEach(function (n) { nic3.receive(frame(n)); });
nic3.receive(frame(84), 0x01);   // CRC error: in no batch
nic3.receive(frame(85));
nic3.interrupt();
check.equal(packed.join(' | '), '81,82,83,85', 'one packed batch, in order, the bytes as sent');
check.equal(batches.join(' | ') + ' / ' + perFrame.join(), '81,82,83,85 / 81,82,83,85',
    "'receiveBatch' and 'receive' get the same frames");

// -- stop() hands what is in the ring to the next version, which delivers
// it first, in order
var order2 = [];
[61, 62, 63].forEach(function (n) { nic3.receive(frame(n)); });
var h4 = e1000.stop();
check.equal(h4.pending.map(function (f) { return f.length; }).join() + ' ' + h4.counters.rxAtStop,
    '61,62,63 3', 'stop(): frames left in the ring go in the handover');
var nic4 = fakeNic();
nic4.regs[RCTL] = 0;
e1000.start(nic4.dev, nic4.ctx, h4);
netif = nic4.provided;
netif.onReceive(function (f) { order2.push(f.length); });
check.equal(nic4.regs[ICR] & RXT0, RXT0, 'the new version raises an interrupt for them (ICS)');
nic4.receive(frame(64));
nic4.interrupt();
check.equal(order2.join(), '61,62,63,64', 'the new version delivers them first, in order');
check.equal(netif.stats().rxBytes - h4.counters.rxBytes, 61 + 62 + 63 + 64,
    'rxBytes counts the inherited frames and the new one');
// A stop asked for from inside a listener (a reload): the batch already
// taken from the ring is delivered whole by the stopping version, what is
// still in the ring goes in the handover, and the next version delivers
// that after it
var order3 = [], h5 = null;
netif.onReceive(function (f) {
    order3.push(f.length);
    if (f.length === 72)
        h5 = e1000.stop();
});
[71, 72, 73].forEach(function (n) { nic4.receive(frame(n)); });
nic4.interrupt();
check.equal(order3.join(), '71,72,73', 'the batch taken before the stop is delivered whole');
check.equal(h5.pending.length, 0, 'nothing of it is handed over again');
var nic5 = fakeNic();
nic5.regs[RCTL] = 0;
e1000.start(nic5.dev, nic5.ctx, h5);
netif = nic5.provided;
netif.onReceive(function (f) { order3.push(f.length); });
nic5.receive(frame(74));
nic5.interrupt();
check.equal(order3.join(), '71,72,73,74', 'then the next version, in order');
nic3 = nic4 = nic5;

// -- link ---------------------------------------------------------------------
var links = [];
netif.on('link', function (up) { links.push(up); });
nic3.regs[STATUS] = 0x80080781;  // LU off
nic3.regs[ICR] = LSC;
nic3.interrupt();
check.equal(links.join() + ' ' + netif.link, 'false false', "a 'link' event on LSC");
check.equal(netif.send(frame(60)), false, 'no link: send() returns false');
check.equal(netif.stats().txNoLink, 1, 'counted in txNoLink');
nic3.regs[STATUS] = 0x80080783;
nic3.regs[ICR] = LSC;
nic3.interrupt();
check.equal(links.join() + ' ' + netif.stats().linkChanges, 'false,true 2', 'link back up');
// a shared line: ICR 0 is another device's interrupt
var ints = netif.stats().interrupts;
nic3.interrupt();
check.equal(netif.stats().interrupts, ints, 'ICR 0: not ours, not counted');

// -- filters ------------------------------------------------------------------
netif.setMulticast(['01:00:5e:00:00:fb']);
var h = e1000._helpers.mtaHash([0x01, 0x00, 0x5e, 0x00, 0x00, 0xfb]);
check.equal(h, 0xfb0, 'the MTA hash: bits 47:36');
check.equal((nic3.regs[MTA + 4 * (h >>> 5)] >>> (h & 31)) & 1, 1, 'the group bit in the MTA');
check.equal(error(function () { netif.setMulticast(['02:00:00:00:00:01']); }),
    'RangeError: e1000: 02:00:00:00:00:01 is not a multicast address');
check.equal(error(function () { netif.setMulticast('01:00:5e:00:00:fb'); }),
    "TypeError: e1000: setMulticast wants an array of MAC strings or 'all'");
netif.setMulticast('all');
check.equal(nic3.regs[RCTL] & 0x10, 0x10, "'all': RCTL.MPE");
netif.setPromiscuous(true);
check.equal(nic3.regs[RCTL] & 0x18, 0x18, 'promiscuous: RCTL.UPE and MPE');
check.equal(netif.promiscuous, true, 'netif.promiscuous');
var h2 = e1000.stop();
check.equal(h2.promiscuous + ' ' + h2.multicast, 'true all', 'the filters go in the handover');
