// The Intel 8254x gigabit Ethernet controller ("e1000"), as QEMU emulates
// it: the 82540EM (8086:100e, QEMU's `-device e1000`) and the 82545EM
// (8086:100f, `-device e1000-82545em`). Section numbers cite Intel's
// "PCI/PCI-X Family of Gigabit Ethernet Controllers Software Developer's
// Manual" (8254x SDM, rev. 4.0): 13.4 the registers, 3.2/3.3 the receive
// and transmit descriptors, 14 the initialisation steps.
//
// The shape is ixy's: one receive and one transmit ring of legacy
// descriptors in DMA memory, each descriptor with its own 2 KiB buffer
// fixed at start; the device takes descriptors between head and tail, the
// driver gives them back by moving the tail (RDT/TDT). Interrupts (legacy
// INTx, docs/hal.md) tell the driver to look at the rings.
//
// Provides `netif` (docs/e1000.md):
//   {name, mac, mtu, tsoMax, link, send(frame[, tsoMss]) -> bool, on(event, fn),
//    off(event, fn), onReceive(fn), stats(), setPromiscuous(on),
//    setMulticast(list | 'all')}
// Frames are Uint8Arrays (send also takes any ArrayBufferView or an
// ArrayBuffer) of 14..1514 bytes, without the FCS (the device adds and
// strips it). send() copies the frame; frames shorter than 60 bytes go out
// padded with zeros to 60, as Linux pads them. send() returns false, and
// counts it, when the frame cannot be taken now (transmit ring full, or no
// link): the caller still holds it, and a 'drain' event says when the ring
// has room again. Events: 'receive' (frame), 'receiveBatch' (frames: an
// array of those received at once, in order; cheaper for a consumer that
// queues them), 'receivePacked' (data, lengths: the same frames back to
// back in one Uint8Array, and a Uint32Array of their lengths; cheapest: no
// object per frame), 'link' (up: boolean), 'drain'.
// send(frame, tsoMss) with a larger frame holding one IPv4/TCP packet of up
// to `tsoMax` bytes: the device cuts it into frames of tsoMss bytes of TCP
// data and computes their checksums (TCP segmentation offload, 3.5).
//
// Hot reload: stop() turns receive off, takes the frames the device already
// put in the receive ring, waits (bounded) for the transmit ring to empty
// and counts what it could not send as txDropped; its handover carries
// those frames, the counters and the filter settings, and the next version
// starts warm (no device reset, so the link stays up) and delivers the
// frames first. Much of the order of things here is for QEMU's model, which
// drops frames it had queued when the driver moves RDT at the wrong time:
// see docs/e1000.md, "Hot reload and crashes".
'use strict';

// -- registers (13.4) -----------------------------------------------------------
var CTRL = 0x0000;       // 13.4.1 device control
var STATUS = 0x0008;     // 13.4.2 device status
var EERD = 0x0014;       // 13.4.4 EEPROM read
var ICR = 0x00C0;        // 13.4.17 interrupt cause read (reading clears it)
var ITR = 0x00C4;        // 13.4.18 interrupt throttling
var ICS = 0x00C8;        // 13.4.19 interrupt cause set (raises the causes written)
var IMS = 0x00D0;        // 13.4.20 interrupt mask set
var IMC = 0x00D8;        // 13.4.21 interrupt mask clear
var RCTL = 0x0100;       // 13.4.22 receive control
var TCTL = 0x0400;       // 13.4.33 transmit control
var TIPG = 0x0410;       // 13.4.34 transmit inter-packet gap
var RDBAL = 0x2800, RDBAH = 0x2804, RDLEN = 0x2808, RDH = 0x2810, RDT = 0x2818;  // 13.4.25-29
var RDTR = 0x2820;       // 13.4.30 receive delay timer
var TDBAL = 0x3800, TDBAH = 0x3804, TDLEN = 0x3808, TDH = 0x3810, TDT = 0x3818;  // 13.4.36-40
var TIDV = 0x3820;       // 13.4.41 transmit interrupt delay
var MTA = 0x5200;        // 13.4.38 multicast table array, 128 words
var RAL0 = 0x5400, RAH0 = 0x5404;  // 13.4.39 receive address 0
var MTA_WORDS = 128;

// Statistics (13.7): clear on read, so the driver adds them up. For the
// 64-bit octet counters, reading the high word clears both.
var HW_COUNTERS = {
    crcErrors: 0x4000, missed: 0x4010, noBuffers: 0x40A0, undersize: 0x40A4,
    oversize: 0x40AC, rxGood: 0x4074, rxBroadcast: 0x4078, rxMulticast: 0x407C,
    txGood: 0x4080
};
var GORCL = 0x4088, GORCH = 0x408C, GOTCL = 0x4090, GOTCH = 0x4094;

// CTRL bits (13.4.1)
var CTRL_ASDE = 1 << 5, CTRL_SLU = 1 << 6, CTRL_RST = 1 << 26;
// STATUS bits (13.4.2)
var STATUS_FD = 1 << 0, STATUS_LU = 1 << 1;
// EERD (13.4.4, 82540/82545 layout): address in 15:8, done in bit 4, data in 31:16
var EERD_START = 1, EERD_DONE = 1 << 4;
// Interrupt causes (13.4.17)
var ICR_TXDW = 1 << 0, ICR_LSC = 1 << 2, ICR_RXDMT0 = 1 << 4, ICR_RXO = 1 << 6, ICR_RXT0 = 1 << 7;
// RCTL bits (13.4.22): buffer size 2048 is BSIZE 00 with BSEX 0
var RCTL_EN = 1 << 1, RCTL_UPE = 1 << 3, RCTL_MPE = 1 << 4, RCTL_BAM = 1 << 15;
var RCTL_SECRC = 1 << 26;
// TCTL bits (13.4.33): collision threshold 15, collision distance 64 (full duplex)
var TCTL_EN = 1 << 1, TCTL_PSP = 1 << 3, TCTL_CT = 0x0F << 4, TCTL_COLD = 0x40 << 12;
var TIPG_COPPER = 10 | (8 << 10) | (6 << 20);  // 13.4.34: IPGT 10, IPGR1 8, IPGR2 6
// RAH (13.4.39): address valid
var RAH_AV = 0x80000000;

// -- descriptors (3.2.3 receive, 3.3.3 legacy transmit): 16 bytes, as 4 words
//   receive:  [addr lo, addr hi, length | checksum << 16, status | errors << 8 | special << 16]
//   transmit: [addr lo, addr hi, length | cso << 16 | cmd << 24, status | css << 8 | special << 16]
var DESC_BYTES = 16;
var RXD_DD = 1 << 0, RXD_EOP = 1 << 1;                 // 3.2.3.1 status
var TXD_EOP = 1 << 0, TXD_IFCS = 1 << 1, TXD_RS = 1 << 3;  // 3.3.3.1 command
var TXD_DD = 1 << 0;                                    // 3.3.3.2 status
// TCP segmentation (3.5): a context descriptor (3.3.6) says where the IPv4
// and TCP headers are and the MSS; the data descriptors (3.3.7) that follow
// carry one large frame, which the device cuts into MSS-sized frames, each
// with the headers copied, IPv4 length and ID and TCP sequence number
// advanced, and both checksums computed.
var TXD_DEXT = 1 << 29, TXD_DTYP_D = 1 << 20;           // extended; data (not context)
var TXD_TSE = 1 << 26;                                  // DCMD/TUCMD: segment
var TUCMD_IP = 1 << 25, TUCMD_TCP = 1 << 24;            // context: IPv4, TCP
var POPTS_IXSM = 1 << 8, POPTS_TXSM = 1 << 9;           // data, upper word: insert checksums
var TSO_MAX = 65535;     // the largest IPv4 packet send() takes to segment (as Linux's 64 KiB)

// Descriptors per ring (RDLEN/TDLEN: a multiple of 128 bytes, 13.4.27). The
// receive ring is large because a device without free descriptors drops
// frames (counted in MPC): QEMU hands over what its socket backend read at
// once, up to 64 KiB of frames (about 1000 minimum-size ones), whenever RDT
// moves. 2048 buffers of 2 KiB are 4 MiB of DMA memory.
var RX_RING = 2048;
var TX_RING = 256;
var RX_BATCH = 256;      // frames per interrupt, then the others wait their turn (see pollRx)
var RX_RETURN = 1152;    // descriptors given back at once, unless the ring is drained (see pollRx)
var BUF = 2048;          // bytes per buffer (RCTL.BSIZE 2048)
var MIN_FRAME = 60;      // without FCS: shorter frames are padded (Linux does the same)
var HEADER = 14;         // destination, source, EtherType
var MTU = 1500;
var MAX_FRAME = MTU + HEADER;
var RESET_POLL_US = 10, RESET_TRIES = 1000;    // 14.3: RST clears itself
var EEPROM_TRIES = 10000;
var TX_DRAIN_US = 50, TX_DRAIN_TRIES = 2000;   // stop(): up to 100 ms for the ring to empty

// The receive walk's view of a descriptor (DmaBuffer.walkDone, docs/hal.md):
// done when DD is set; kept when EOP is set and no error bit (15:8), with a
// length from an Ethernet header up to a buffer's size.
var RX_LAYOUT = {
    entries: RX_RING, size: DESC_BYTES, buffer: BUF,
    status: 12, done: RXD_DD, check: RXD_EOP | 0xFF00, want: RXD_EOP,
    length: 8, lengthMask: 0xFFFF, minLength: HEADER
};

var current = null;      // the running instance: stop() needs it

function hex2(v) { return (v < 16 ? '0' : '') + v.toString(16); }

function macString(bytes) {
    var parts = [];
    for (var i = 0; i < 6; i++)
        parts.push(hex2(bytes[i]));
    return parts.join(':');
}

function parseMac(text) {
    if (typeof text !== 'string' || !/^([0-9a-fA-F]{2}:){5}[0-9a-fA-F]{2}$/.test(text))
        throw new TypeError('e1000: not a MAC address: ' + String(text));
    return text.split(':').map(function (h) { return parseInt(h, 16); });
}

// The multicast table hash (13.4.38, RCTL.MO = 00): bits 47:36 of the
// address, i.e. the top 12 bits of its last two bytes.
function mtaHash(mac) {
    return ((mac[5] << 4) | (mac[4] >> 4)) & 0xFFF;
}

// Any frame argument as a Uint8Array over its bytes.
function frameBytes(frame) {
    if (frame instanceof Uint8Array)
        return frame;
    if (frame instanceof ArrayBuffer)
        return new Uint8Array(frame);
    if (frame && frame.buffer instanceof ArrayBuffer && typeof frame.byteLength === 'number')
        return new Uint8Array(frame.buffer, frame.byteOffset, frame.byteLength);
    throw new TypeError('e1000: send(frame) wants a Uint8Array, an ArrayBufferView or an ' +
        'ArrayBuffer, not ' + (frame === null ? 'null' : typeof frame));
}

// Copies descriptors [from, from + count) of a ring of `ring` descriptors
// from `template` into `desc` (both Uint32Arrays, 4 words a descriptor):
// one native copy, or two when the range wraps around the end.
function copyDescriptors(desc, template, from, count, ring) {
    var end = from + count;
    if (end <= ring) {
        desc.set(template.subarray(4 * from, 4 * end), 4 * from);
    } else {
        desc.set(template.subarray(4 * from), 4 * from);
        desc.set(template.subarray(0, 4 * (end - ring)), 0);
    }
}

function newCounters() {
    return {
        rxFrames: 0, rxBytes: 0,     // delivered to the 'receive' listeners
        rxNoListener: 0,             // received while nobody listened: dropped
        rxErrors: 0,                 // descriptors with error bits or without EOP
        rxListenerErrors: 0,         // a listener threw (the frame counts as delivered)
        rxOverruns: 0,               // RXO interrupts: the device ran out of descriptors
        txFrames: 0, txBytes: 0,     // written back by the device as sent
        txSegmented: 0,              // large TCP frames the device cut into MSS-sized ones
        txRingFull: 0,               // send() returned false: the ring was full
        txNoLink: 0,                 // send() returned false: the link was down
        txDropped: 0,                // accepted by send() but never sent (stop, reset)
        interrupts: 0, linkChanges: 0,
        warmStarts: 0,               // starts that took over from a stopped version
        rxAtStop: 0,                 // frames a stopping version took from its ring for the next
        hw: {crcErrors: 0, missed: 0, noBuffers: 0, undersize: 0, oversize: 0, rxGood: 0,
            rxBroadcast: 0, rxMulticast: 0, txGood: 0, rxGoodBytes: 0, txGoodBytes: 0}
    };
}

// Counters from a handover, keeping only the fields this version knows.
function restoreCounters(saved) {
    var c = newCounters();
    if (!saved)
        return c;
    for (var k in c)
        if (k !== 'hw' && typeof saved[k] === 'number')
            c[k] = saved[k];
    for (var h in c.hw)
        if (saved.hw && typeof saved.hw[h] === 'number')
            c.hw[h] = saved.hw[h];
    return c;
}

function newListeners() {
    return {receive: [], receiveBatch: [], receivePacked: [], link: [], drain: []};
}
function Emitter() { this.listeners = newListeners(); }
Emitter.prototype.on = function (event, fn) {
    if (!this.listeners[event])
        throw new Error("e1000: no event '" + event +
            "' (receive, receiveBatch, receivePacked, link, drain)");
    if (typeof fn !== 'function')
        throw new TypeError('e1000: on(' + event + ', fn): fn is not a function');
    this.listeners[event].push(fn);
};
Emitter.prototype.off = function (event, fn) {
    var list = this.listeners[event] || [];
    var i = list.indexOf(fn);
    if (i >= 0)
        list.splice(i, 1);
};

function start(dev, ctx, handover) {
    var hal = ctx.hal;
    var warm = !!(handover && handover.warm);
    var counters = restoreCounters(handover && handover.counters);
    if (warm)
        counters.warmStarts++;
    var emitter = new Emitter();
    var rxListeners = emitter.listeners.receive;
    var rxBatchListeners = emitter.listeners.receiveBatch;
    var rxPackedListeners = emitter.listeners.receivePacked;
    var running = true;

    dev.enable({memory: true});  // bus mastering (DMA) comes once the rings are set up
    var regs = dev.mapBar(0);   // the register window (BAR 0, 128 KiB of MMIO)

    // -- reset and MAC address (14.3) ---------------------------------------
    regs.write32(IMC, 0xFFFFFFFF);
    if (!warm) {
        // A global reset (CTRL.RST, 13.4.1) puts every register to its
        // default; the bit clears itself. A warm start (a reload) skips it:
        // a reset can take the link down on real hardware.
        regs.write32(CTRL, regs.read32(CTRL) | CTRL_RST);
        hal.clock.delayMicros(RESET_POLL_US);
        var tries = 0;
        while (regs.read32(CTRL) & CTRL_RST) {
            if (++tries > RESET_TRIES)
                throw new Error('e1000: the device did not leave reset (CTRL.RST stays set)');
            hal.clock.delayMicros(RESET_POLL_US);
        }
        regs.write32(IMC, 0xFFFFFFFF);  // the reset turned nothing on, but be sure
    }
    regs.read32(ICR);                   // drop causes left from before
    regs.write32(CTRL, (regs.read32(CTRL) | CTRL_SLU | CTRL_ASDE) >>> 0);

    function eepromWord(addr) {
        regs.write32(EERD, (addr << 8) | EERD_START);
        for (var i = 0; i < EEPROM_TRIES; i++) {
            var v = regs.read32(EERD);
            if (v & EERD_DONE)
                return v >>> 16;
        }
        throw new Error('e1000: EEPROM read of word ' + addr + ' timed out (EERD.DONE)');
    }
    // The firmware (or the device's own EEPROM load at reset) leaves the
    // address in RAL0/RAH0 with AV set; otherwise words 0-2 of the EEPROM
    // hold it (table 5-2), low byte first.
    var mac = [];
    var ral = regs.read32(RAL0), rah = regs.read32(RAH0);
    if (rah & RAH_AV) {
        mac = [ral & 0xFF, (ral >>> 8) & 0xFF, (ral >>> 16) & 0xFF, ral >>> 24,
            rah & 0xFF, (rah >>> 8) & 0xFF];
    } else {
        for (var w = 0; w < 3; w++) {
            var word = eepromWord(w);
            mac.push(word & 0xFF, word >>> 8);
        }
        regs.write32(RAL0, (mac[0] | (mac[1] << 8) | (mac[2] << 16) | (mac[3] << 24)) >>> 0);
        regs.write32(RAH0, (mac[4] | (mac[5] << 8) | RAH_AV) >>> 0);
    }

    // -- filters: promiscuous, multicast (13.4.22, 13.4.38) ------------------
    var promiscuous = !!(handover && handover.promiscuous);
    var multicast = handover && handover.multicast ? handover.multicast : [];  // 'all' or [mac strings]
    function rctlValue() {
        var v = RCTL_EN | RCTL_BAM | RCTL_SECRC;   // 2 KiB buffers, threshold RDMTS 1/2
        if (promiscuous)
            v |= RCTL_UPE | RCTL_MPE;
        if (multicast === 'all')
            v |= RCTL_MPE;
        return v >>> 0;
    }
    function writeMta() {
        var table = [];
        for (var i = 0; i < MTA_WORDS; i++)
            table.push(0);
        if (multicast !== 'all')
            multicast.forEach(function (m) {
                var h = mtaHash(parseMac(m));
                table[h >>> 5] |= 1 << (h & 31);
            });
        for (var j = 0; j < MTA_WORDS; j++)
            regs.write32(MTA + 4 * j, table[j] >>> 0);
    }

    // -- rings (14.4 receive, 14.5 transmit) --------------------------------
    var rxRing = hal.dma.alloc(RX_RING * DESC_BYTES, {align: 128});
    var rxBufs = hal.dma.alloc(RX_RING * BUF);
    var txRing = hal.dma.alloc(TX_RING * DESC_BYTES, {align: 128});
    var txBufs = hal.dma.alloc(TX_RING * BUF);
    var rxDesc = new Uint32Array(rxRing.buffer);
    var txDesc = new Uint32Array(txRing.buffer);
    var txBytes = new Uint8Array(txBufs.buffer);
    // A receive descriptor as the device gets it: its buffer's address
    // (below 4 GiB: the high word stays 0) and no status. Descriptors go
    // back to the device in groups, restored from this template in one
    // native copy: no write per frame to clear its status.
    var rxFresh = new Uint32Array(RX_RING * 4);
    for (var d = 0; d < RX_RING; d++)
        rxFresh[4 * d] = rxBufs.phys + d * BUF;
    rxDesc.set(rxFresh);
    for (d = 0; d < TX_RING; d++)
        txDesc[4 * d] = txBufs.phys + d * BUF;
    // A segmented packet's data descriptors are the same every time for a
    // given slot (its buffer, whole, TSO, checksums) but for the last one's
    // length and EOP | RS: sendSegmented copies them from this template with
    // one native copy (two when the packet wraps around the ring) instead
    // of writing 33 of them word by word, ~60,000 instructions per 64 KiB.
    var txWhole = new Uint32Array(TX_RING * 4);
    for (d = 0; d < TX_RING; d++) {
        txWhole[4 * d] = txBufs.phys + d * BUF;
        txWhole[4 * d + 2] = (BUF | TXD_DEXT | TXD_DTYP_D | TXD_TSE | (TXD_IFCS << 24)) >>> 0;
        txWhole[4 * d + 3] = POPTS_IXSM | POPTS_TXSM;
    }
    var rxNext = 0;      // the next receive descriptor the device fills
    var txTail = 0;      // the next transmit descriptor send() fills (= TDT)
    var txClean = 0;     // the oldest transmit descriptor not yet seen done
    // Per packet, at the slot of its first descriptor: the slot of its last
    // one, the only one with RS (report status), which the device writes
    // back, and its length. Reclaiming walks packets, not descriptors: a
    // 64 KiB segment has 33 of them.
    var txLast = new Uint16Array(TX_RING), txLength = new Uint32Array(TX_RING);
    var txWanted = false;  // a send() was refused: emit 'drain' once there is room

    regs.write32(RDBAL, rxRing.phys);
    regs.write32(RDBAH, 0);
    regs.write32(RDLEN, RX_RING * DESC_BYTES);
    regs.write32(RDH, 0);
    regs.write32(RDT, 0);            // RDH == RDT: no buffers yet (see the end of start)
    regs.write32(RDTR, 0);           // interrupt as each frame lands
    regs.write32(TDBAL, txRing.phys);
    regs.write32(TDBAH, 0);
    regs.write32(TDLEN, TX_RING * DESC_BYTES);
    regs.write32(TDH, 0);
    regs.write32(TDT, 0);
    regs.write32(TIDV, 0);
    regs.write32(ITR, 0);            // no throttling: the pump batches anyway
    regs.write32(TIPG, TIPG_COPPER);
    regs.write32(TCTL, (TCTL_EN | TCTL_PSP | TCTL_CT | TCTL_COLD) >>> 0);
    writeMta();

    var link = (regs.read32(STATUS) & STATUS_LU) !== 0;

    // -- profile (netif.profile(), for `jsk bench net-raw`) -------------------
    // While on, the hot paths add the time they spend, per phase, into
    // prof[phase] = {calls, ms}; off, each costs one test of `prof`.
    var clock = hal.clock;
    var prof = null;
    function spent(phase, t0) {
        if (t0 === 0)
            return;            // profiling started inside this phase
        var p = prof[phase] || (prof[phase] = {calls: 0, ms: 0});
        p.calls++;
        p.ms += clock.now() - t0;
    }

    // -- receive (3.2) ------------------------------------------------------
    // A batch of received frames, in the order received: their bytes back to
    // back in `data` (a fresh Uint8Array), `lengths[k]` the length of frame
    // k, `bytes` their sum. 'receivePacked' listeners get (data, lengths) as
    // they are; 'receiveBatch' and 'receive' listeners get the frames as
    // Uint8Arrays, views of `data` made only when such a listener exists.
    // (Objects cost: a 16 MiB download brings ~11,300 ACK frames, and a
    // Uint8Array each was a fifth of the sender's instructions.)
    function framesOf(batch) {
        if (batch.frames)
            return batch.frames;
        var frames = new Array(batch.count), data = batch.data, lengths = batch.lengths;
        for (var k = 0, at = 0; k < frames.length; k++) {
            frames[k] = data.subarray(at, at + lengths[k]);
            at += lengths[k];
        }
        return (batch.frames = frames);
    }
    // Frames a stopped version took out of its ring (its handover) as a
    // batch: after a reload only.
    function packFrames(frames) {
        var n = frames.length, lengths = new Uint32Array(n), bytes = 0, k;
        for (k = 0; k < n; k++)
            bytes += (lengths[k] = frames[k].length);
        var data = new Uint8Array(bytes);
        for (k = 0, bytes = 0; k < n; k++) {
            data.set(frames[k], bytes);
            bytes += lengths[k];
        }
        return {data: data, lengths: lengths, count: n, bytes: bytes, frames: frames};
    }

    // Hands a batch to the listeners: each 'receivePacked' listener gets
    // it once, then each 'receiveBatch' listener gets the frames' array,
    // then each 'receive' listener the frames one by one. A batch taken
    // before the driver stops (a reload asked for from inside a listener)
    // is still delivered whole, by this version, before the next one
    // delivers what it inherits.
    function deliver(batch) {
        if (batch === null)
            return;
        var n = batch.count, c = counters, i, k;
        var packedListeners = rxPackedListeners, batchListeners = rxBatchListeners;
        var listeners = rxListeners;
        if (packedListeners.length === 0 && batchListeners.length === 0 &&
                listeners.length === 0) {
            c.rxNoListener += n;
            return;
        }
        c.rxFrames += n;
        c.rxBytes += batch.bytes;
        for (i = 0; i < packedListeners.length; i++) {
            try {
                packedListeners[i](batch.data, batch.lengths);
            } catch (err) {
                listenerThrew(err);
            }
        }
        if (batchListeners.length === 0 && listeners.length === 0)
            return;
        var frames = framesOf(batch);
        for (i = 0; i < batchListeners.length; i++) {
            try {
                batchListeners[i](frames);
            } catch (err) {
                listenerThrew(err);
            }
        }
        for (k = 0; k < n && listeners.length > 0; k++) {
            for (i = 0; i < listeners.length; i++) {
                try {
                    listeners[i](frames[k]);
                } catch (err) {
                    listenerThrew(err);
                }
            }
        }
    }
    function listenerThrew(err) {
        if (counters.rxListenerErrors++ === 0)
            ctx.log('a receive listener threw (counted in rxListenerErrors): ' +
                (err && err.stack || err));
    }

    // Frames a stopped version took out of its ring (its handover), to be
    // delivered before anything this version receives.
    var inherited = handover && handover.pending ? handover.pending : [];

    // Takes up to `limit` descriptors the device has written back (DD) and
    // returns their frames as a batch (null: none). A descriptor holds one
    // frame: it always fits one 2 KiB buffer (no long packets), so one
    // without EOP is an error too, counted and skipped. The walk itself is
    // native (DmaBuffer.walkDone, docs/hal.md: ~3,800 guest instructions a
    // descriptor in JavaScript, and a download brings ~11,500 ACKs); it
    // notes where each kept frame lies, and one native copy
    // (DmaBuffer.gather) then takes them all out of their buffers. The
    // descriptors go back to the device later, their status cleared from
    // the template (pollRx). rxTaken is how many descriptors the walk took.
    var rxToReturn = 0, rxTaken = 0;
    var rxStarts = new Uint32Array(RX_RING);  // where each frame of a walk lies in rxBufs
    var rxCounts = new Uint32Array(2);        // the walk's [taken, kept]
    function takeFromRing(limit) {
        rxTaken = 0;
        if (!running)
            return null;
        var lengths = new Uint32Array(limit), counts = rxCounts;
        rxRing.walkDone(rxNext, limit, RX_LAYOUT, rxStarts, lengths, counts);
        var taken = counts[0], n = counts[1];
        if (taken === 0)
            return null;
        counters.rxErrors += taken - n;
        rxNext = rxNext + taken >= RX_RING ? rxNext + taken - RX_RING : rxNext + taken;
        rxToReturn += taken;
        rxTaken = taken;
        if (n === 0)
            return null;
        var t0 = prof ? clock.now() : 0;
        var data = rxBufs.gather(rxStarts, lengths, n);  // one native copy (docs/hal.md)
        if (prof)
            spent('rx: copy the frames out of their buffers, per batch', t0);
        return {data: data, lengths: n < limit ? lengths.subarray(0, n) : lengths, count: n,
            bytes: data.length, frames: null};
    }

    // Delivers up to RX_BATCH frames: first those inherited, then those in
    // the ring. Returns how many it took: RX_BATCH means there may be more.
    //
    // Descriptors go back in large groups (RX_RETURN, or all of them once
    // the ring is drained), not after every batch: when RDT moves, QEMU
    // pushes every frame it queued while the ring was full into the ring at
    // once, and drops (counted in MPC) those that do not fit; its socket
    // backend queues up to 64 KiB at a time, about 1100 small frames.
    function pollRx() {
        var fromOld = 0;
        if (inherited.length > 0) {  // after a reload only: the stopped version's, first
            var old = inherited.splice(0, RX_BATCH);
            fromOld = old.length;
            deliver(packFrames(old));
        }
        var batch = takeFromRing(RX_BATCH - fromOld);
        var t0 = prof ? clock.now() : 0;
        deliver(batch);    // may call send(), or stop the driver: the rings are consistent here
        if (prof)
            spent('rx: listeners (the consumer), per batch', t0);
        if (rxToReturn > 0 && running &&
                (rxToReturn >= RX_RETURN || !(rxDesc[4 * rxNext + 3] & RXD_DD))) {
            copyDescriptors(rxDesc, rxFresh, (rxNext - rxToReturn + RX_RING) % RX_RING,
                rxToReturn, RX_RING);  // their status cleared
            regs.write32(RDT, (rxNext + RX_RING - 1) % RX_RING);  // the last one taken
            rxToReturn = 0;
        }
        return fromOld + rxTaken;
    }

    // -- transmit (3.3) -----------------------------------------------------
    // Frees the packets whose last descriptor the device has written back
    // (DD; it processes descriptors in order, so the ones before are done).
    // (The hot paths below copy what they use often into locals: in
    // Duktape a name from an enclosing function costs a scope lookup at
    // every use, a local none.)
    function reclaimTx() {
        var desc = txDesc, clean = txClean, tail = txTail, frames = 0, bytes = 0;
        var dd = TXD_DD, ring = TX_RING, last = txLast, length = txLength;
        while (clean !== tail) {
            var end = 4 * last[clean];
            if (!(desc[end + 3] & dd))
                break;
            desc[end + 3] = 0;
            frames++;
            bytes += length[clean];
            clean = last[clean] + 1 === ring ? 0 : last[clean] + 1;
        }
        txClean = clean;
        counters.txFrames += frames;
        counters.txBytes += bytes;
    }
    // (Ring positions wrap by compares, not `%`: in Duktape that is a call
    // of fmod, and these run per packet.)
    function txFull() { return (txTail + 1 === TX_RING ? 0 : txTail + 1) === txClean; }
    function txFree() {
        var free = txClean - txTail - 1;
        return free < 0 ? free + TX_RING : free;
    }

    function send(frame, tsoMss) {
        if (!running)
            throw new Error('e1000: stopped');
        var bytes = frameBytes(frame);
        var len = bytes.length;
        if (tsoMss !== void 0 && len > MAX_FRAME)
            return sendSegmented(bytes, tsoMss);
        if (len < HEADER)
            throw new RangeError('e1000: frame of ' + len + ' bytes is shorter than an ' +
                'Ethernet header (' + HEADER + ')');
        if (len > MAX_FRAME)
            throw new RangeError('e1000: frame of ' + len + ' bytes is longer than ' +
                MAX_FRAME + ' (MTU ' + MTU + ' + ' + HEADER + '-byte header, without FCS)');
        if (!link) {
            counters.txNoLink++;
            return false;
        }
        if (txFull()) {
            reclaimTx();
            if (txFull()) {
                counters.txRingFull++;
                if (!txWanted) {
                    txWanted = true;
                    regs.write32(IMS, ICR_TXDW);   // tell us when the device wrote one back
                }
                return false;
            }
        }
        var i = txTail, off = i * BUF;
        var t0 = prof ? clock.now() : 0;
        txBytes.set(bytes, off);
        for (; len < MIN_FRAME; len++)
            txBytes[off + len] = 0;      // pad short frames with zeros, as Linux does
        txDesc[4 * i] = txBufs.phys + off;   // a context descriptor may have used the slot
        txDesc[4 * i + 1] = 0;
        txDesc[4 * i + 2] = (len | ((TXD_EOP | TXD_IFCS | TXD_RS) << 24)) >>> 0;
        txDesc[4 * i + 3] = 0;
        txLast[i] = i;
        txLength[i] = len;
        txTail = i + 1 === TX_RING ? 0 : i + 1;
        if (prof) {
            spent('tx: copy into the buffer, descriptor', t0);
            t0 = clock.now();
        }
        regs.write32(TDT, txTail);       // the device owns [TDH, TDT)
        if (prof)
            spent('tx: TDT write (QEMU sends in it)', t0);
        return true;
    }

    // One IPv4/TCP frame of up to TSO_MAX bytes of packet, cut by the
    // device into frames of `mss` bytes of TCP data (3.5). The TCP checksum
    // field holds the pseudo-header sum without the length and the IPv4
    // checksum is 0: the device fills both in for every frame (3.5.1).
    function sendSegmented(bytes, mss) {
        var len = bytes.length;
        var ihl = (bytes[HEADER] & 15) * 4;
        if (len - HEADER > TSO_MAX || bytes[12] !== 0x08 || bytes[13] !== 0x00 ||
                (bytes[HEADER] >> 4) !== 4 || bytes[HEADER + 9] !== 6 || ihl < 20)
            throw new RangeError('e1000: a segmented send wants one IPv4/TCP packet of at most ' +
                TSO_MAX + ' bytes after the Ethernet header, not ' + (len - HEADER));
        var tcp = HEADER + ihl;
        var hdrLen = tcp + (bytes[tcp + 12] >> 4) * 4;
        if (!(mss >= 64 && mss <= MTU - 40) || hdrLen > len)
            throw new RangeError('e1000: bad TCP segmentation: MSS ' + mss + ', headers ' + hdrLen);
        if (!link) {
            counters.txNoLink++;
            return false;
        }
        var pieces = ((len + BUF - 1) / BUF) | 0;  // rounded up
        if (txFree() < pieces + 1) {
            reclaimTx();
            if (txFree() < pieces + 1) {
                counters.txRingFull++;
                if (!txWanted) {
                    txWanted = true;
                    regs.write32(IMS, ICR_TXDW);
                }
                return false;
            }
        }
        // The context descriptor (3.3.6): its words 0-1 replace the slot's
        // buffer address, which the next data descriptor there puts back.
        var first = txTail, c = 4 * first;
        txDesc[c] = HEADER | ((HEADER + 10) << 8) | ((tcp - 1) << 16);   // IPCSS, IPCSO, IPCSE
        txDesc[c + 1] = tcp | ((tcp + 16) << 8);                          // TUCSS, TUCSO, TUCSE 0
        txDesc[c + 2] = ((len - hdrLen) | TXD_DEXT | TXD_TSE | TUCMD_IP |
            TUCMD_TCP) >>> 0;                                             // PAYLEN, TUCMD
        txDesc[c + 3] = ((hdrLen << 8) | (mss << 16)) >>> 0;             // HDRLEN, MSS
        var i = first + 1 === TX_RING ? 0 : first + 1;
        var desc = txDesc, buf = BUF, ring = TX_RING;
        // The slots' buffers are one block in ring order: the packet goes
        // into those of its data descriptors in one copy, or two when it
        // wraps around the end of the ring.
        var room = (ring - i) * buf;
        if (len <= room) {
            txBytes.set(bytes, i * buf);
        } else {
            txBytes.set(bytes.subarray(0, room), i * buf);
            txBytes.set(bytes.subarray(room), 0);
        }
        // The data descriptors from the template (whole buffers), then the
        // last one's length, with EOP and RS.
        copyDescriptors(desc, txWhole, i, pieces, ring);
        i += pieces - 1;
        if (i >= ring)
            i -= ring;
        desc[4 * i + 2] = ((len - (pieces - 1) * buf) | TXD_DEXT | TXD_DTYP_D | TXD_TSE |
            ((TXD_IFCS | TXD_EOP | TXD_RS) << 24)) >>> 0;
        txLast[first] = i;
        txLength[first] = len;
        i = i + 1 === ring ? 0 : i + 1;
        txTail = i;
        counters.txSegmented++;
        regs.write32(TDT, i);
        return true;
    }

    // -- link (13.4.2) ------------------------------------------------------
    function emit(event, arg) {
        var list = emitter.listeners[event].slice();
        for (var i = 0; i < list.length; i++) {
            try {
                list[i](arg);
            } catch (err) {
                ctx.log("a '" + event + "' listener threw: " + (err && err.stack || err));
            }
        }
    }
    function checkLink() {
        var up = (regs.read32(STATUS) & STATUS_LU) !== 0;
        if (up === link)
            return;
        link = up;
        counters.linkChanges++;
        ctx.log('link ' + (up ? 'up' : 'down'));
        emit('link', up);
    }

    // -- interrupts (13.4.17): reading ICR acknowledges them and drops INTx --
    function onInterrupt() {
        var t0 = prof ? clock.now() : 0;
        var icr = regs.read32(ICR);
        if (prof)
            spent('irq: ICR read', t0);
        if (icr === 0)
            return;            // the line is shared: another device's interrupt
        counters.interrupts++;
        if (icr & ICR_LSC)
            checkLink();
        if (icr & ICR_RXO)
            counters.rxOverruns++;
        if (icr & (ICR_RXT0 | ICR_RXDMT0 | ICR_RXO)) {
            var t1 = prof ? clock.now() : 0;
            // A full batch: there may be more, so the interrupt is raised
            // again (ICS) instead of looping here. The handler runs under
            // the manager's budget, and other events get their turn.
            if (pollRx() === RX_BATCH && running)
                regs.write32(ICS, ICR_RXT0);
            if (prof)
                spent('irq: pollRx (all of it)', t1);
        }
        if (txWanted && running) {
            reclaimTx();
            if (!txFull()) {
                txWanted = false;
                regs.write32(IMC, ICR_TXDW);
                emit('drain');
            }
        }
    }

    function readHwCounters() {
        var hw = counters.hw;
        for (var k in HW_COUNTERS)
            hw[k] += regs.read32(HW_COUNTERS[k]);
        // 64-bit octet counters: low word first, the high word read clears both
        var lo = regs.read32(GORCL);
        hw.rxGoodBytes += lo + regs.read32(GORCH) * 4294967296;
        lo = regs.read32(GOTCL);
        hw.txGoodBytes += lo + regs.read32(GOTCH) * 4294967296;
    }

    function stats() {
        if (running) {
            reclaimTx();
            readHwCounters();
        }
        var out = JSON.parse(JSON.stringify(counters));
        out.txPending = (txTail - txClean + TX_RING) % TX_RING;
        return out;
    }

    var impl = {
        name: 'eth0',
        mac: macString(mac),
        mtu: MTU,
        tsoMax: TSO_MAX,
        send: send,
        on: function (event, fn) { emitter.on(event, fn); return impl; },
        off: function (event, fn) { emitter.off(event, fn); return impl; },
        stats: stats,
        // profile(true) starts timing the hot paths, profile() returns what
        // was timed so far ({phase: {calls, ms}}), profile(false) stops.
        profile: function (on) {
            var out = prof;
            if (on === true)
                prof = {};
            else if (on === false)
                prof = null;
            return out;
        },
        setPromiscuous: function (on) {
            promiscuous = !!on;
            regs.write32(RCTL, rctlValue());
        },
        // setMulticast(['01:00:5e:00:00:01', ...]) passes those groups (by
        // the device's inexact hash filter); 'all' passes every multicast.
        setMulticast: function (list) {
            if (list !== 'all') {
                if (!Array.isArray(list))
                    throw new TypeError("e1000: setMulticast wants an array of MAC strings or 'all'");
                list.forEach(function (m) {
                    if (!(parseMac(m)[0] & 1))
                        throw new RangeError('e1000: ' + m + ' is not a multicast address');
                });
                list = list.slice();
            }
            var wasAll = multicast === 'all';
            multicast = list;
            writeMta();
            if (wasAll !== (list === 'all'))
                regs.write32(RCTL, rctlValue());
        },
        get promiscuous() { return promiscuous; },
        get multicast() { return multicast === 'all' ? 'all' : multicast.slice(); }
    };
    Object.defineProperty(impl, 'link', {enumerable: true, get: function () { return link; }});
    // onReceive(fn) adds a 'receive' listener; `netif.onReceive = fn` sets
    // the one assigned listener (replacing the previous assignment). The
    // proxy of drivers.get('netif') repeats either on the next version.
    var assigned = null;
    function onReceive(fn) { emitter.on('receive', fn); return impl; }
    Object.defineProperty(impl, 'onReceive', {enumerable: true,
        get: function () { return onReceive; },
        set: function (fn) {
            if (assigned)
                emitter.off('receive', assigned);
            assigned = typeof fn === 'function' ? fn : null;
            if (assigned)
                emitter.on('receive', assigned);
        }});

    dev.claimIrq(onInterrupt);
    ctx.provide('netif', impl);
    // Receive on last, once the listeners (re-attached by the proxy) are
    // in place: RCTL.EN, then DMA, then the buffers, then the interrupts
    // that matter. The order is for QEMU's model: it hands the frames it
    // queued while no driver ran to the device when bus mastering comes on
    // and when RDT moves, and throws them away if receive is off then
    // (right after an RCTL write it keeps them queued for 1 s instead).
    regs.write32(RCTL, rctlValue());
    dev.enable({busMaster: true});
    regs.write32(RDT, RX_RING - 1);     // all but one: RDH == RDT would mean "none"
    if (inherited.length)
        regs.write32(ICS, ICR_RXT0);     // an interrupt to deliver them
    regs.write32(IMS, ICR_RXT0 | ICR_RXO | ICR_RXDMT0 | ICR_LSC);
    if (handover && handover.link !== void 0 && handover.link !== link) {
        counters.linkChanges++;
        emit('link', link);
    }

    current = {
        // stop(): receive off, take what already arrived out of the ring
        // (not delivered here: listeners may be slow, and receive must not
        // stay off long, see below), let the device finish sending
        // (bounded), then report: the handover, with those frames for the
        // next version to deliver first. Frames the device is offered while
        // receive is off are not taken: QEMU keeps them queued for the next
        // version (which must come within 1 s, see docs/e1000.md); hardware
        // drops them. RDT stays where it is: with receive off, QEMU would
        // drop its queue when RDT moves.
        stop: function () {
            regs.write32(IMC, 0xFFFFFFFF);
            regs.write32(RCTL, 0);
            var left = takeFromRing(RX_RING);
            var pending = left === null ? inherited.slice(0) : inherited.concat(framesOf(left));
            counters.rxAtStop += pending.length - inherited.length;
            for (var t = 0; t < TX_DRAIN_TRIES && txClean !== txTail; t++) {
                reclaimTx();
                if (txClean !== txTail)
                    hal.clock.delayMicros(TX_DRAIN_US);
            }
            counters.txDropped += (txTail - txClean + TX_RING) % TX_RING;
            regs.write32(TCTL, 0);
            readHwCounters();
            regs.read32(ICR);
            running = false;
            emitter.listeners = newListeners();
            return {warm: true, counters: counters, link: link, promiscuous: promiscuous,
                multicast: multicast, pending: pending};
        }
    };
}

function stop() {
    var c = current;
    current = null;
    return c ? c.stop() : void 0;
}

module.exports = {
    name: 'e1000',
    match: [{pci: {vendor: 0x8086, device: 0x100e}},    // 82540EM, QEMU's default e1000
            {pci: {vendor: 0x8086, device: 0x100f}}],   // 82545EM, -device e1000-82545em
    start: start,
    stop: stop,
    // For tests: the pure helpers.
    _helpers: {mtaHash: mtaHash, parseMac: parseMac, macString: macString}
};
