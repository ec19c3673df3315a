// AHCI SATA host bus adapters (PCI class 01:06:01) and the ATA disks behind
// them, in JavaScript on the HAL: one `blockdev` interface per disk
// (docs/ahci.md).
//
// References: "Serial ATA AHCI 1.3.1 Specification" (AHCI §n below) for
// the HBA registers, the memory structures and the start/stop/reset rules;
// "ATA/ATAPI Command Set - 2 (ACS-2)" / ATA-8 for IDENTIFY DEVICE and the
// DMA commands; SATA 3.x §10.3.4 for the Register Host-to-Device FIS.
//
// What start() does, per controller (every 01:06:01 function, in PCI
// address order; the manager hands us the first, the others are found
// through ctx.hal.pci):
//   1. memory decoding and bus mastering on, legacy INTx allowed;
//   2. BIOS/OS hand-off when CAP2.BOH says the HBA has one (AHCI §10.6.3);
//   3. HBA reset (GHC.HR, AHCI §10.4.3), then AHCI mode (GHC.AE);
//   4. per implemented port (PI): link state (PxSSTS.DET/IPM) and device
//      signature (PxSIG); an ATA disk gets a 4 KiB control page (command
//      list, received-FIS area, one command table, IDENTIFY data),
//      its engine is (re)started (AHCI §10.1.2) and IDENTIFY DEVICE tells
//      its model, serial, LBA48 capacity and sector size (polled);
//   5. port interrupts on (PxIE), then GHC.IE; the INTx line is claimed.
// Disks are named sda, sdb, ... in that order (controller address, then
// port number), as Linux names them.
//
// Each port runs one command at a time (command slot 0): requests queue in
// FIFO order and a large request becomes one command per chunk (at most
// 65536 sectors, the LBA48 count limit, and at most the bounce buffer; PRD
// entries of at most 4 MiB). Reads and writes go through the port's DMA
// bounce buffer with typed-array set() (no per-byte JavaScript), or
// straight into a caller's DmaBuffer (hal.dma.alloc) with no copy at all.
'use strict';

// -- HBA (generic host control) registers, AHCI §3.1 ---------------------------
var CAP = 0x00;       // host capabilities
var GHC = 0x04;       // global host control
var HBA_IS = 0x08;    // interrupt status, one bit per port (RWC)
var PI = 0x0C;        // ports implemented
var VS = 0x10;        // version
var CAP2 = 0x24;      // host capabilities extended
var BOHC = 0x28;      // BIOS/OS handoff control and status

var CAP_SCLO = 1 << 24;          // supports command list override
var GHC_HR = 1 << 0;             // HBA reset
var GHC_IE = 1 << 1;             // interrupt enable
var GHC_AE = 0x80000000;         // AHCI enable
var CAP2_BOH = 1 << 0;           // BIOS/OS handoff supported
var BOHC_BOS = 1 << 0;           // BIOS owned semaphore
var BOHC_OOS = 1 << 1;           // OS owned semaphore
var BOHC_BB = 1 << 4;            // BIOS busy

// -- port registers, AHCI §3.3: port n at 0x100 + n * 0x80 ---------------------
var PORT_BASE = 0x100, PORT_STRIDE = 0x80;
var PxCLB = 0x00, PxCLBU = 0x04;  // command list base (1 KiB aligned)
var PxFB = 0x08, PxFBU = 0x0C;    // received FIS base (256 B aligned)
var PxIS = 0x10;                  // interrupt status (RWC)
var PxIE = 0x14;                  // interrupt enable
var PxCMD = 0x18;                 // command and status
var PxTFD = 0x20;                 // task file data: status (7:0), error (15:8)
var PxSIG = 0x24;                 // device signature
var PxSSTS = 0x28;                // SATA status (SCR0)
var PxSCTL = 0x2C;                // SATA control (SCR2)
var PxSERR = 0x30;                // SATA error (SCR1, RWC)
var PxCI = 0x38;                  // command issue

var CMD_ST = 1 << 0;              // start: process the command list
var CMD_CLO = 1 << 3;             // command list override (clears BSY/DRQ)
var CMD_FRE = 1 << 4;             // FIS receive enable
var CMD_FR = 1 << 14;             // FIS receive running
var CMD_CR = 1 << 15;             // command list running

// PxIS bits (AHCI §3.3.5)
var IS_DHRS = 1 << 0;             // device-to-host register FIS
var IS_PSS = 1 << 1;              // PIO setup FIS
var IS_DSS = 1 << 2;              // DMA setup FIS
var IS_SDBS = 1 << 3;             // set device bits FIS
var IS_DPS = 1 << 5;              // descriptor processed
var IS_OFS = 1 << 24;             // overflow
var IS_INFS = 1 << 26;            // interface non-fatal error
var IS_IFS = 1 << 27;             // interface fatal error
var IS_HBDS = 1 << 28;            // host bus data error
var IS_HBFS = 1 << 29;            // host bus fatal error
var IS_TFES = 1 << 30;            // task file error
var IS_ERRORS = (IS_TFES | IS_HBFS | IS_HBDS | IS_IFS | IS_OFS) >>> 0;
var IE_MASK = (IS_DHRS | IS_PSS | IS_DSS | IS_SDBS | IS_DPS | IS_INFS | IS_ERRORS) >>> 0;

var TFD_ERR = 0x01, TFD_DRQ = 0x08, TFD_BSY = 0x80;   // ATA status bits
var DET_PRESENT = 3;              // PxSSTS.DET: device present, phy communication up
var DET_DETECTED = 1;             // device detected, no phy communication yet
var IPM_ACTIVE = 1;               // PxSSTS.IPM: interface in active state

var SIG_ATA = 0x00000101, SIG_ATAPI = 0xEB140101, SIG_SEMB = 0xC33C0101, SIG_PM = 0x96690101;

// -- memory structures, AHCI §4.2 ------------------------------------------------
// One 4 KiB control page per port: the command list (32 headers of 32 bytes,
// only slot 0 used), the received-FIS area and slot 0's command table.
var CONTROL_BYTES = 4096;
var CLIST_OFF = 0x000;            // 1 KiB aligned
var RFIS_OFF = 0x400;             // 256 B aligned
var CTBL_OFF = 0x800;             // 128 B aligned: CFIS at +0, PRDT at +0x80
var PRDT_OFF = CTBL_OFF + 0x80;
var MAX_PRDS = 64;                // 0x880 + 64 * 16 = 0xc80
var IDENTIFY_OFF = 0xD00;         // 512 bytes of IDENTIFY DEVICE data
var PRD_MAX_BYTES = 4 << 20;      // one PRD entry describes at most 4 MiB (AHCI §4.2.3.3)
var MAX_SECTORS_PER_COMMAND = 65536;   // LBA48 sector count 0 means 65536 (ACS-2)
// Per port, allocated at the first transfer of caller memory (not at
// boot: zeroing 8 MiB costs about 25 ms under TCG).
var BOUNCE_BYTES = 8 << 20;

// -- ATA commands (ACS-2 §7) ----------------------------------------------------
var FIS_TYPE_REG_H2D = 0x27;
var ATA_IDENTIFY = 0xEC, ATA_READ_DMA_EXT = 0x25, ATA_WRITE_DMA_EXT = 0x35;
var ATA_FLUSH_CACHE_EXT = 0xEA;
var DEVICE_LBA = 0x40;
var COMMAND_NAMES = {0xEC: 'IDENTIFY DEVICE', 0x25: 'READ DMA EXT', 0x35: 'WRITE DMA EXT',
    0xEA: 'FLUSH CACHE EXT'};

// -- time limits ------------------------------------------------------------------
var ENGINE_MS = 500;              // ST/CR and FRE/FR must settle within 500 ms (AHCI §10.1.2)
var HBA_RESET_MS = 1000;          // GHC.HR clears within 1 s (AHCI §10.4.3)
var BOS_MS = 25, BIOS_BUSY_MS = 2000;  // hand-off (AHCI §10.6.3)
var LINK_MS = 20;                 // DET 1 -> 3 after a reset
var COMRESET_HOLD_US = 1000;      // DET=1 held at least 1 ms (AHCI §10.4.2)
var COMRESET_LINK_MS = 1000;
var BUSY_MS = 1000;               // BSY/DRQ clear before starting the engine
var COMMAND_MS = 10000;           // one command, polled or by interrupt

function hex(v, digits) {
    var s = (v >>> 0).toString(16);
    while (s.length < (digits || 0))
        s = '0' + s;
    return '0x' + s;
}

function diskName(index) {
    var s = '';
    do {
        s = String.fromCharCode(97 + index % 26) + s;
        index = Math.floor(index / 26) - 1;
    } while (index >= 0);
    return 'sd' + s;
}

// -- IDENTIFY DEVICE data (ACS-2 §7.16.7) -------------------------------------
// Strings are words with the first character in the high byte.
function identifyString(words, first, count) {
    var s = '';
    for (var i = first; i < first + count; i++)
        s += String.fromCharCode(words[i] >> 8, words[i] & 0xff);
    return s.replace(/\s+$/, '').replace(/^\s+/, '');
}

function parseIdentify(bytes) {
    var words = new Uint16Array(256);
    for (var i = 0; i < 256; i++)
        words[i] = bytes[2 * i] | (bytes[2 * i + 1] << 8);
    var lba48 = (words[83] & (1 << 10)) !== 0;
    var sectors = lba48 ?
        words[100] + words[101] * 0x10000 + words[102] * 0x100000000 + words[103] * 0x1000000000000 :
        words[60] + words[61] * 0x10000;
    var sectorSize = 512;
    // Word 106 valid (bits 15:14 = 01) and bit 12: words 117-118 give the
    // logical sector size in 16-bit words.
    if ((words[106] & 0xC000) === 0x4000 && (words[106] & (1 << 12)))
        sectorSize = 2 * (words[117] + words[118] * 0x10000);
    return {
        serial: identifyString(words, 10, 10),
        firmware: identifyString(words, 23, 4),
        model: identifyString(words, 27, 20),
        lba48: lba48,
        sectorCount: sectors,
        sectorSize: sectorSize,
        dma: (words[49] & (1 << 8)) !== 0
    };
}

// -- request checks: nothing is touched before they pass ----------------------
// Returns {view: Uint8Array} for memory of the caller's (copied through the
// bounce buffer) or {dma: DmaBuffer} for zero-copy DMA.
function isDmaBuffer(b) {
    return b !== null && typeof b === 'object' && typeof b.phys === 'number' &&
        typeof b.length === 'number' && b.buffer instanceof ArrayBuffer && !ArrayBuffer.isView(b);
}

function checkRequest(disk, op, lba, count, buffer) {
    var who = 'ahci ' + disk.name + ': ' + op;
    if (typeof lba !== 'number')
        throw new TypeError(who + ': lba must be a number, got ' + typeof lba);
    if (typeof count !== 'number')
        throw new TypeError(who + ': count must be a number, got ' + typeof count);
    if (lba !== Math.floor(lba) || lba < 0 || !isFinite(lba))
        throw new RangeError(who + ': lba ' + lba + ' is not a non-negative integer');
    if (count !== Math.floor(count) || count < 1 || !isFinite(count))
        throw new RangeError(who + ': count ' + count + ' is not a positive integer ' +
            '(at least one sector)');
    if (lba + count > disk.sectorCount)
        throw new RangeError(who + ': sectors ' + lba + '..' + (lba + count - 1) +
            ' are past the end of the disk (' + disk.sectorCount + ' sectors)');
    var bytes = count * disk.sectorSize, view = null, dma = null, size;
    if (buffer instanceof ArrayBuffer) {
        view = new Uint8Array(buffer);
    } else if (ArrayBuffer.isView(buffer)) {
        view = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } else if (isDmaBuffer(buffer)) {
        dma = buffer;
    } else {
        throw new TypeError(who + ': buffer must be an ArrayBuffer, a typed array, ' +
            'a DataView or a DmaBuffer');
    }
    size = view ? view.byteLength : dma.length;
    if (size !== bytes)
        throw new RangeError(who + ': buffer of ' + size + ' bytes for ' + count +
            ' sectors of ' + disk.sectorSize + ' (' + bytes + ' bytes expected)');
    return {view: view, dma: dma};
}

function checkCallback(disk, op, callback) {
    if (typeof callback !== 'function')
        throw new TypeError('ahci ' + disk.name + ': ' + op + ': callback must be a function');
}

// How many sectors the next command of a request moves: the LBA48 limit
// (65536), and what its memory holds: the PRD table of a caller's DmaBuffer
// (MAX_PRDS entries of 4 MiB) or the bounce buffer.
function chunkSectors(left, sectorSize, zeroCopy, bounceBytes) {
    var room = zeroCopy ? MAX_PRDS * PRD_MAX_BYTES : bounceBytes;
    return Math.min(left, MAX_SECTORS_PER_COMMAND, Math.floor(room / sectorSize));
}

// PRD entries for `bytes` of contiguous memory at `phys`: at most 4 MiB each.
function prdSegments(phys, bytes) {
    var out = [];
    for (var off = 0; off < bytes; off += PRD_MAX_BYTES)
        out.push({phys: phys + off, bytes: Math.min(PRD_MAX_BYTES, bytes - off)});
    return out;
}

// =============================================================================
// One controller
// =============================================================================
function Controller(dev, ctx, timers) {
    this.dev = dev;
    this.ctx = ctx;
    this.timers = timers;
    this.clock = ctx.hal.clock;
    this.address = dev.address;
    this.regs = null;
    this.irq = null;
    this.ports = [];       // Port objects of the disks found
    this.byNumber = {};    // port number -> Port
}

Controller.prototype.log = function (msg) { this.ctx.log(this.address + ': ' + msg); };

// Polls fn() every 10 us until it is true; throws naming `what` after ms.
Controller.prototype.waitFor = function (fn, ms, what) {
    var end = this.clock.now() + ms;
    for (;;) {
        if (fn())
            return;
        if (this.clock.now() > end)
            throw new Error('ahci ' + this.address + ': timeout after ' + ms + ' ms ' + what);
        this.clock.delayMicros(10);
    }
};

Controller.prototype.init = function () {
    var dev = this.dev, self = this;
    dev.enable({memory: true, busMaster: true});
    dev.configWrite16(0x04, dev.configRead16(0x04) & ~0x400);   // INTx disable off
    var regs = this.regs = dev.mapBar(5);                         // ABAR (AHCI §2.1.11)
    var cap = regs.read32(CAP);
    this.cap = cap;
    var vs = regs.read32(VS);

    // BIOS/OS hand-off (AHCI §10.6.3): ask for ownership, wait for the BIOS
    // to drop its semaphore, and give it 2 s more if it says it is busy.
    if (regs.read32(CAP2) & CAP2_BOH) {
        regs.write32(BOHC, regs.read32(BOHC) | BOHC_OOS);
        try {
            this.waitFor(function () { return !(regs.read32(BOHC) & BOHC_BOS); }, BOS_MS,
                'for the BIOS to release the HBA');
        } catch (e) {
            if (!(regs.read32(BOHC) & BOHC_BB))
                throw e;
            this.waitFor(function () { return !(regs.read32(BOHC) & BOHC_BOS); }, BIOS_BUSY_MS,
                'for the busy BIOS to release the HBA');
        }
        this.log('took the HBA over from the BIOS');
    }

    // HBA reset (AHCI §10.4.3): AE first (some HBAs ignore HR otherwise),
    // HR, wait for it to clear, AE again (the reset cleared it).
    regs.write32(GHC, (regs.read32(GHC) | GHC_AE) >>> 0);
    regs.write32(GHC, (regs.read32(GHC) | GHC_HR) >>> 0);
    this.waitFor(function () { return !(regs.read32(GHC) & GHC_HR); }, HBA_RESET_MS,
        'for the HBA reset (GHC.HR)');
    regs.write32(GHC, GHC_AE);
    regs.write32(HBA_IS, 0xFFFFFFFF);

    var pi = regs.read32(PI);
    var slots = ((cap >> 8) & 0x1f) + 1;
    var found = [];
    for (var n = 0; n < 32; n++) {
        if (!(pi & (1 << n)))
            continue;
        found.push(n + ':' + this.probe(n));
    }
    // Quiet on success (apps' output is the console): what was found is in
    // describe() and on each blockdev.
    this.summary = 'AHCI ' + (vs >>> 16) + '.' + ((vs >> 8) & 0xff) +
        (vs & 0xff ? '.' + (vs & 0xff) : '') + ', ' + slots + ' command slots, ports ' +
        (found.join(' ') || 'none');

    this.irq = dev.claimIrq(function () { self.onInterrupt(); });
    regs.write32(GHC, (GHC_AE | GHC_IE) >>> 0);
};

// The link of port n (PxSSTS, AHCI §3.3.10): 'up', 'empty', 'link down' or
// 'link not active'.
Controller.prototype.link = function (n) {
    var regs = this.regs, base = PORT_BASE + n * PORT_STRIDE;
    function det() { return regs.read32(base + PxSSTS) & 0xf; }
    if (det() === DET_DETECTED) {
        try {
            this.waitFor(function () { return det() === DET_PRESENT; }, LINK_MS,
                'for the link on port ' + n);
        } catch (e) {
            return 'link down';
        }
    }
    var ssts = regs.read32(base + PxSSTS);
    if ((ssts & 0xf) !== DET_PRESENT)
        return 'empty';
    if (((ssts >> 8) & 0xf) !== IPM_ACTIVE)
        return 'link not active';
    return 'up';
};

// What is on port n: 'empty', 'disk', 'atapi', 'semb', 'pm', a link state
// or an error. A port with a link gets its FIS area and FIS receive on
// (the device's first D2H register FIS carries its signature, PxSIG, AHCI
// §10.1.2); an ATA disk is kept and identified, anything else released.
Controller.prototype.probe = function (n) {
    var link = this.link(n);
    if (link !== 'up')
        return link;
    var port = new Port(this, n), what;
    try {
        var sig = port.setup();
        what = sig === SIG_ATA ? 'disk' : sig === SIG_ATAPI ? 'atapi' : sig === SIG_SEMB ? 'semb' :
            sig === SIG_PM ? 'pm' : 'unknown ' + hex(sig, 8);
        if (what === 'disk' && !port.init())
            what = 'disk not used';
    } catch (e) {
        what = 'error: ' + (e && e.message ? e.message : e);
    }
    if (what !== 'disk') {
        port.release();
        return what;
    }
    this.ports.push(port);
    this.byNumber[n] = port;
    return what;
};

// INTx: which ports (HBA IS), their status (PxIS, cleared before the HBA
// bit, AHCI §10.7.2.1), then each port looks at its command.
Controller.prototype.onInterrupt = function () {
    var regs = this.regs;
    var is = regs.read32(HBA_IS);
    if (!is)
        return;   // a shared line: another device's interrupt
    var pending = [];
    for (var n = 0; n < 32; n++) {
        if (!(is & (1 << n)))
            continue;
        var base = PORT_BASE + n * PORT_STRIDE;
        var pis = regs.read32(base + PxIS);
        regs.write32(base + PxIS, pis);
        if (this.byNumber[n])
            pending.push([this.byNumber[n], pis]);
    }
    regs.write32(HBA_IS, is);
    for (var i = 0; i < pending.length; i++)
        pending[i][0].service(pending[i][1], false);
};

// Quiet: no interrupts, every port's engine stopped, so no DMA goes on
// into memory the owner is about to free.
Controller.prototype.shutdown = function () {
    if (!this.regs)
        return;
    this.regs.write32(GHC, GHC_AE);
    for (var i = 0; i < this.ports.length; i++) {
        try {
            this.ports[i].stopEngine();
        } catch (e) {
            this.log(this.ports[i].name + ': ' + e.message);
        }
    }
};

// =============================================================================
// One port with an ATA disk
// =============================================================================
function Port(ctl, n) {
    this.ctl = ctl;
    this.n = n;
    this.base = PORT_BASE + n * PORT_STRIDE;
    this.name = 'port' + n;       // renamed sdX once every controller is probed
    this.control = null;          // DmaBuffer: command list, received FIS, command table
    this.dv = null;               // DataView over it
    this.bounce = null;           // DmaBuffer
    this.bounceView = null;       // Uint8Array over it
    this.queue = [];              // requests waiting, FIFO
    this.active = null;           // the request whose command is running
    this.command = null;          // {code, lba, count, deadline, timer}
    this.polling = false;         // in a polled wait (no command timer needed)
    this.stats = {reads: 0, writes: 0, flushes: 0, commands: 0, sectorsRead: 0,
        sectorsWritten: 0, errors: 0, resets: 0};
    this.lastError = null;
}

Port.prototype.r = function (off) { return this.ctl.regs.read32(this.base + off); };
Port.prototype.w = function (off, v) { this.ctl.regs.write32(this.base + off, v >>> 0); };
Port.prototype.log = function (msg) { this.ctl.ctx.log(this.name + ': ' + msg); };

Port.prototype.release = function () {
    try {
        this.stopEngine();
    } catch (e) { /* the owner closes the buffers anyway */ }
    if (this.control) this.control.close();
    if (this.bounce) this.bounce.close();
    this.control = this.bounce = null;
};

// Stop the command engine (AHCI §10.1.2): ST off and wait for CR, FRE off
// and wait for FR.
Port.prototype.stopEngine = function () {
    var self = this;
    var cmd = this.r(PxCMD);
    if (cmd & CMD_ST)
        this.w(PxCMD, cmd & ~CMD_ST);
    this.ctl.waitFor(function () { return !(self.r(PxCMD) & CMD_CR); }, ENGINE_MS,
        'for port ' + this.n + ' to stop its command list (PxCMD.CR)');
    cmd = this.r(PxCMD);
    if (cmd & CMD_FRE)
        this.w(PxCMD, cmd & ~CMD_FRE);
    this.ctl.waitFor(function () { return !(self.r(PxCMD) & CMD_FR); }, ENGINE_MS,
        'for port ' + this.n + ' to stop receiving FISes (PxCMD.FR)');
};

// Start it: FRE, then ST once the device is not busy (AHCI §10.3.1).
Port.prototype.startEngine = function () {
    var self = this;
    this.w(PxCMD, this.r(PxCMD) | CMD_FRE);
    this.ctl.waitFor(function () { return (self.r(PxTFD) & (TFD_BSY | TFD_DRQ)) === 0; }, BUSY_MS,
        'for port ' + this.n + "'s device to clear BSY and DRQ");
    this.w(PxCMD, this.r(PxCMD) | CMD_FRE | CMD_ST);
};

// The port's control page in place and FIS receive on (AHCI §10.1.2),
// then the device signature once the device has reported (BSY clear).
Port.prototype.setup = function () {
    var self = this, hal = this.ctl.ctx.hal;
    this.stopEngine();
    this.control = hal.dma.alloc(CONTROL_BYTES, {align: 4096});
    this.dv = new DataView(this.control.buffer);
    var phys = this.control.phys;
    this.w(PxCLB, phys + CLIST_OFF);
    this.w(PxCLBU, 0);                          // hal.dma memory is below 4 GiB
    this.w(PxFB, phys + RFIS_OFF);
    this.w(PxFBU, 0);
    // Slot 0's header points at the one command table (AHCI §4.2.2: CTBA).
    this.dv.setUint32(CLIST_OFF + 8, phys + CTBL_OFF, true);
    this.dv.setUint32(CLIST_OFF + 12, 0, true);
    this.w(PxSERR, 0xFFFFFFFF);
    this.w(PxIS, 0xFFFFFFFF);
    this.w(PxCMD, this.r(PxCMD) | CMD_FRE);
    this.ctl.waitFor(function () { return (self.r(PxTFD) & (TFD_BSY | TFD_DRQ)) === 0; }, BUSY_MS,
        "for the device's first status (BSY and DRQ clear)");
    return this.r(PxSIG) >>> 0;
};

// An ATA disk: engine on, IDENTIFY DEVICE, interrupts on. False when the
// disk cannot be used (no LBA48, odd sector size).
Port.prototype.init = function () {
    this.startEngine();
    if (!this.identify())
        return false;
    this.w(PxIS, 0xFFFFFFFF);
    this.w(PxIE, IE_MASK);
    return true;
};

Port.prototype.identify = function () {
    var req = {op: 'identify', code: ATA_IDENTIFY, lba: 0, count: 1, sync: true, done: 0};
    this.active = req;
    this.issue(ATA_IDENTIFY, 0, 0, prdSegments(this.control.phys + IDENTIFY_OFF, 512), false);
    this.pollActive(req);
    if (req.error)
        throw req.error;
    var id = parseIdentify(new Uint8Array(this.control.buffer, IDENTIFY_OFF, 512));
    if (!id.lba48) {
        this.log('port ' + this.n + ': ' + id.model + ' has no LBA48 commands: not used');
        return false;
    }
    if (id.sectorSize % 512 || id.sectorSize > BOUNCE_BYTES) {
        this.log('port ' + this.n + ': ' + id.model + ': sector size ' + id.sectorSize +
            ' not supported');
        return false;
    }
    this.model = id.model;
    this.serial = id.serial;
    this.firmware = id.firmware;
    this.sectorSize = id.sectorSize;
    this.sectorCount = id.sectorCount;
    return true;
};

// Fills the command table and slot 0's header and issues the command
// (AHCI §5.5.1). segments: the PRD entries, [{phys, bytes}].
Port.prototype.issue = function (code, lba, count, segments, write) {
    var dv = this.dv, t = CTBL_OFF, self = this;
    var hi = Math.floor(lba / 0x1000000);          // LBA bits 24-47
    // Register Host-to-Device FIS (SATA 3.x §10.3.4)
    dv.setUint32(t, FIS_TYPE_REG_H2D | 0x80 << 8 | code << 16, true);  // type, C=1, command, features 0
    dv.setUint32(t + 4, (lba & 0xffffff) | (code === ATA_IDENTIFY || code === ATA_FLUSH_CACHE_EXT ?
        0 : DEVICE_LBA << 24), true);              // LBA 0-23, device
    dv.setUint32(t + 8, hi & 0xffffff, true);      // LBA 24-47, features (exp) 0
    dv.setUint32(t + 12, count & 0xffff, true);    // count 0-15 (0 = 65536), ICC, control
    dv.setUint32(t + 16, 0, true);
    for (var i = 0; i < segments.length; i++) {
        var p = PRDT_OFF + 16 * i;
        dv.setUint32(p, segments[i].phys, true);   // DBA (word aligned)
        dv.setUint32(p + 4, 0, true);              // DBAU
        dv.setUint32(p + 8, 0, true);
        dv.setUint32(p + 12, segments[i].bytes - 1, true);   // DBC: bytes - 1 (bit 0 set)
    }
    // Command header DW0: CFL = 5 dwords, W, PRDTL; DW1: PRDBC (AHCI §4.2.2)
    dv.setUint32(CLIST_OFF, 5 | (write ? 1 << 6 : 0) | segments.length << 16, true);
    dv.setUint32(CLIST_OFF + 4, 0, true);
    var cmd = this.command = {code: code, lba: lba, count: count,
        deadline: this.ctl.clock.now() + COMMAND_MS, timer: null};
    this.stats.commands++;
    this.w(PxCI, 1);
    // Waiting for an interrupt: a timer makes sure a command that never
    // completes is failed (polled waits check the deadline themselves).
    if (!this.polling)
        cmd.timer = this.ctl.timers.after(COMMAND_MS + 50, this.ctl.ctx.guard(function () {
            if (self.command === cmd)
                self.service(0, false);
        }));
};

// The command is over: its timer goes.
Port.prototype.ended = function () {
    var cmd = this.command;
    this.command = null;
    if (cmd && cmd.timer)
        this.ctl.timers.cancel(cmd.timer);
    return cmd;
};

// The state of the running command, from PxIS (already read and cleared
// by the interrupt handler, or read here when polling) and PxCI.
Port.prototype.service = function (pis, polled) {
    if (!this.active)
        return;
    if (pis & IS_ERRORS) {
        this.fail(pis);
    } else if (!(this.r(PxCI) & 1)) {
        this.complete();
    } else if (this.command && this.ctl.clock.now() > this.command.deadline) {
        this.fail(0, 'timeout after ' + COMMAND_MS + ' ms');
    } else {
        return;
    }
    if (!polled)
        this.pump();
};

// One look at the port without an interrupt: PxIS read and acknowledged
// here (and the HBA's bit, so the line drops).
Port.prototype.poll = function () {
    var pis = this.r(PxIS);
    if (pis) {
        this.w(PxIS, pis);
        this.ctl.regs.write32(HBA_IS, (1 << this.n) >>> 0);
    }
    this.service(pis, true);
};

// Polls until `req` is finished (each command is bounded by COMMAND_MS).
Port.prototype.pollActive = function (req) {
    while (this.active === req) {
        this.poll();
        if (this.active === req)
            this.ctl.clock.delayMicros(20);
    }
};

// The bounce buffer, allocated the first time a request needs it (before
// the request is queued: a failure is the caller's error, not the driver's).
Port.prototype.needBounce = function () {
    if (!this.bounce) {
        this.bounce = this.ctl.ctx.hal.dma.alloc(BOUNCE_BYTES, {align: 4096});
        this.bounceView = new Uint8Array(this.bounce.buffer);
    }
};

// The command finished well: account for it, copy read data out of the
// bounce buffer, then the next chunk or the end of the request.
Port.prototype.complete = function () {
    var req = this.active, cmd = this.ended();
    if (req.op === 'identify' || req.op === 'flush') {
        this.finish(req, null);
        return;
    }
    var bytes = cmd.count * this.sectorSize;
    var offset = (cmd.lba - req.lba) * this.sectorSize;
    if (req.op === 'read') {
        if (req.view)
            req.view.set(this.bounceView.subarray(0, bytes), offset);
        this.stats.sectorsRead += cmd.count;
    } else {
        this.stats.sectorsWritten += cmd.count;
    }
    req.done += cmd.count;
    if (req.done < req.count)
        this.next(req);
    else
        this.finish(req, null);
};

// The next command of a read or write request.
Port.prototype.next = function (req) {
    var ss = this.sectorSize, lba = req.lba + req.done, left = req.count - req.done, n, segments;
    var write = req.op === 'write';
    n = chunkSectors(left, ss, !!req.dma, BOUNCE_BYTES);
    if (req.dma) {
        segments = prdSegments(req.dma.phys + req.done * ss, n * ss);
    } else {
        if (write)
            this.bounceView.set(req.view.subarray(req.done * ss, (req.done + n) * ss));
        segments = prdSegments(this.bounce.phys, n * ss);
    }
    this.issue(write ? ATA_WRITE_DMA_EXT : ATA_READ_DMA_EXT, lba, n, segments, write);
};

// A command failed (task-file error, host bus or interface error, or
// timeout): report it, recover the port (AHCI §6.2.2: engine restart, and
// a COMRESET when the device stays busy), fail the request, carry on.
Port.prototype.fail = function (pis, why) {
    var req = this.active, cmd = this.ended() || {code: 0, lba: 0, count: 0};
    var tfd = this.r(PxTFD), serr = this.r(PxSERR);
    var text = 'ahci ' + this.name + ': ' + (COMMAND_NAMES[cmd.code] || hex(cmd.code, 2)) +
        (cmd.count ? ' of sectors ' + cmd.lba + '..' + (cmd.lba + cmd.count - 1) : '') +
        ' failed: ' + (why || describeError(pis, tfd)) + ' (PxIS ' + hex(pis, 8) + ', PxTFD ' +
        hex(tfd, 4) + ', PxSERR ' + hex(serr, 8) + ')';
    var err = new Error(text);
    err.code = 'EIO';
    err.status = tfd & 0xff;
    err.ataError = (tfd >> 8) & 0xff;
    this.stats.errors++;
    this.lastError = text;
    this.log(text.replace('ahci ' + this.name + ': ', ''));
    try {
        this.recover(!!why || (pis & (IS_HBFS | IS_HBDS | IS_IFS)) !== 0);
    } catch (e) {
        this.log('recovery failed: ' + e.message);
    }
    this.finish(req, err);
};

function describeError(pis, tfd) {
    if (pis & IS_TFES) {
        var e = (tfd >> 8) & 0xff, bits = [];
        if (e & 0x04) bits.push('ABRT');
        if (e & 0x10) bits.push('IDNF');
        if (e & 0x40) bits.push('UNC');
        if (e & 0x80) bits.push('ICRC');
        return 'device error, status ' + hex(tfd & 0xff, 2) + ' error ' + hex(e, 2) +
            (bits.length ? ' (' + bits.join(' ') + ')' : '');
    }
    if (pis & IS_HBFS) return 'host bus fatal error';
    if (pis & IS_HBDS) return 'host bus data error';
    if (pis & IS_IFS) return 'interface fatal error';
    if (pis & IS_OFS) return 'overflow (the device sent more data than the PRDs hold)';
    return 'error';
}

// AHCI §6.2.2.1: ST off (PxCI clears), SERR and IS cleared, then either a
// plain restart or, when the device stays BSY/DRQ (or `hard`), a
// COMRESET (§10.4.2) first.
Port.prototype.recover = function (hard) {
    this.stats.resets++;
    this.stopEngine();
    this.w(PxSERR, 0xFFFFFFFF);
    this.w(PxIS, 0xFFFFFFFF);
    if (hard || (this.r(PxTFD) & (TFD_BSY | TFD_DRQ)))
        this.comreset();
    else
        this.startEngine();
    this.log('port ' + this.n + ' recovered (' + (hard ? 'COMRESET' : 'engine restart') + ')');
};

// COMRESET (AHCI §10.4.2): DET=1 for at least 1 ms, DET=0, wait for the
// link (DET=3), clear SERR, start the engine once the device is ready.
Port.prototype.comreset = function () {
    var self = this;
    var cmd = this.r(PxCMD);
    if (cmd & CMD_ST)
        this.stopEngine();
    // DET=1 (COMRESET), IPM=3 (no partial/slumber), as Linux does.
    this.w(PxSCTL, (this.r(PxSCTL) & ~0xf0f) | 0x301);
    this.ctl.clock.delayMicros(COMRESET_HOLD_US);
    this.w(PxSCTL, this.r(PxSCTL) & ~0xf);
    this.ctl.waitFor(function () { return (self.r(PxSSTS) & 0xf) === DET_PRESENT; },
        COMRESET_LINK_MS, 'for port ' + this.n + "'s link after COMRESET");
    this.w(PxSERR, 0xFFFFFFFF);
    if ((this.r(PxTFD) & (TFD_BSY | TFD_DRQ)) && (this.ctl.cap & CAP_SCLO)) {
        this.w(PxCMD, this.r(PxCMD) | CMD_CLO);   // command list override
        this.ctl.waitFor(function () { return !(self.r(PxCMD) & CMD_CLO); }, ENGINE_MS,
            'for PxCMD.CLO');
    }
    this.w(PxIS, 0xFFFFFFFF);
    this.startEngine();
};

// -- the queue ----------------------------------------------------------------------
Port.prototype.submit = function (req) {
    this.queue.push(req);
    this.pump();
};

// Starts the first queued request when no command runs.
Port.prototype.pump = function () {
    while (!this.active && this.queue.length)
        this.begin(this.queue.shift());
};

// `req` becomes the active request: its first command is issued.
Port.prototype.begin = function (req) {
    this.active = req;
    if (req.op === 'flush') {
        this.stats.flushes++;
        this.issue(ATA_FLUSH_CACHE_EXT, 0, 0, [], false);
    } else {
        this.stats[req.op === 'read' ? 'reads' : 'writes']++;
        this.next(req);
    }
};

// The request is over: the next one may start. Its callback runs outside
// the driver (timers.soon: right after the interrupt handler returns, or
// at the next wait after a synchronous call): the consumer's code must not
// count against the driver's time budget, nor run under a readSync.
Port.prototype.finish = function (req, err) {
    this.active = null;
    req.error = err;
    if (!req.callback)
        return;
    var self = this;
    this.ctl.timers.soon(function () {
        try {
            req.callback(err);
        } catch (e) {
            self.log('a ' + req.op + ' callback threw: ' + (e && e.stack ? e.stack : e));
        }
    });
};

// Every queued request, polled to the end: before a synchronous call
// (FIFO order holds for it too) and before a stop. Bounded by COMMAND_MS
// per command.
Port.prototype.drain = function () {
    this.polling = true;
    try {
        while (this.active || this.queue.length) {
            if (!this.active)
                this.pump();
            this.pollActive(this.active);
        }
    } finally {
        this.polling = false;
    }
};

// A synchronous call: the queue drained, then `req` issued and polled.
Port.prototype.runSync = function (req) {
    this.drain();
    this.polling = true;
    try {
        this.begin(req);
        this.pollActive(req);
    } finally {
        this.polling = false;
    }
    if (req.error)
        throw req.error;
};

// -- the blockdev interface (docs/ahci.md) --------------------------------------
Port.prototype.blockdev = function () {
    var port = this;
    // A checked request (the caller's name for the call in its errors);
    // a callback, when given, must be a function.
    function request(call, op, lba, count, buffer, callback, async) {
        var b = checkRequest(disk, call, lba, count, buffer);
        if (async)
            checkCallback(disk, call, callback);
        if (!b.dma)
            port.needBounce();
        return {op: op, lba: lba, count: count, view: b.view, dma: b.dma, done: 0,
            callback: callback};
    }
    var disk = {
        name: port.name,
        model: port.model,
        serial: port.serial,
        firmware: port.firmware,
        sectorSize: port.sectorSize,
        sectorCount: port.sectorCount,
        controller: port.ctl.address,
        port: port.n,
        read: function (lba, count, buffer, callback) {
            port.submit(request('read', 'read', lba, count, buffer, callback, true));
        },
        write: function (lba, count, buffer, callback) {
            port.submit(request('write', 'write', lba, count, buffer, callback, true));
        },
        flush: function (callback) {
            checkCallback(disk, 'flush', callback);
            port.submit({op: 'flush', lba: 0, count: 0, done: 0, callback: callback});
        },
        readSync: function (lba, count, buffer) {
            port.runSync(request('readSync', 'read', lba, count, buffer));
        },
        writeSync: function (lba, count, buffer) {
            port.runSync(request('writeSync', 'write', lba, count, buffer));
        },
        flushSync: function () {
            port.runSync({op: 'flush', lba: 0, count: 0, done: 0});
        },
        // A COMRESET of the port by hand (after the queue drains).
        resetSync: function () {
            port.drain();
            port.stats.resets++;
            port.comreset();
        },
        // One line: what the disk is and where (and what its controller found).
        describe: function () {
            return port.name + ': ' + port.model + ', ' + port.sectorCount + ' sectors of ' +
                port.sectorSize + ' (' + (port.sectorCount * port.sectorSize / 1048576).toFixed(1) +
                ' MiB), serial ' + port.serial + ', ' + port.ctl.address + ' port ' + port.n +
                ' (' + port.ctl.summary + ')';
        },
        stats: function () {
            var s = {};
            for (var k in port.stats)
                s[k] = port.stats[k];
            s.queued = port.queue.length + (port.active ? 1 : 0);
            s.lastError = port.lastError;
            return s;
        },
        // For tests of the error path: a READ DMA EXT the checks above
        // would refuse (e.g. past the end of the disk), sent as it is, so
        // the device answers with a task-file error. Synchronous.
        rawReadSync: function (lba, count) {
            if (count < 1 || count * port.sectorSize > BOUNCE_BYTES)
                throw new RangeError('ahci ' + port.name + ': rawReadSync: count ' + count);
            port.needBounce();
            port.runSync({op: 'read', lba: lba, count: count, view: null, dma: null, done: 0});
        }
    };
    return disk;
};

// =============================================================================
// The driver
// =============================================================================
var controllers = [];


function start(dev, ctx) {
    var timers = require('/js-drivers/core/timers.js');
    var filter = {classCode: 0x01, subclass: 0x06, progIf: 0x01};
    var devs = ctx.hal.pci.find(filter).sort(function (a, b) {
        return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
    });
    if (devs.length === 0 || devs[0].address !== dev.address)
        devs.unshift(dev);
    controllers = [];
    var disks = 0;
    for (var i = 0; i < devs.length; i++) {
        var ctl = new Controller(devs[i], ctx, timers);
        controllers.push(ctl);
        try {
            ctl.init();
        } catch (e) {
            ctl.log((e && e.message ? e.message : String(e)) + ': controller not used');
            ctl.shutdown();
            continue;
        }
        for (var j = 0; j < ctl.ports.length; j++) {
            var port = ctl.ports[j];
            port.name = diskName(disks++);
            ctx.provide('blockdev', port.blockdev());
        }
    }
}

// Finishes the requests under way (polled), then turns interrupts and the
// engines off; the owner frees the DMA memory and the mappings after.
function stop() {
    for (var i = 0; i < controllers.length; i++) {
        var ctl = controllers[i];
        for (var j = 0; j < ctl.ports.length; j++) {
            try {
                ctl.ports[j].drain();
            } catch (e) {
                ctl.log(ctl.ports[j].name + ': ' + e.message);
            }
        }
        ctl.shutdown();
    }
    controllers = [];
}

module.exports = {
    name: 'ahci',
    match: [{pci: {classCode: 0x01, subclass: 0x06, progIf: 0x01}}],
    start: start,
    stop: stop,
    // Pure helpers, for tests/js/ahci.js.
    _test: {parseIdentify: parseIdentify, checkRequest: checkRequest, chunkSectors: chunkSectors,
        prdSegments: prdSegments, diskName: diskName}
};
