// The pure parts of js-drivers/dev/ahci.js: IDENTIFY DEVICE parsing, the
// request checks (errors name the disk; nothing is accepted that should
// not be), how many sectors one command moves, disk names. The hardware
// side runs against QEMU's AHCI in qemu.ahci_* (tests/qemu/scenarios/ahci.py).
'use strict';

var check = require('./lib/check.js');
var ahci = require('../../js-drivers/dev/ahci.js')._test;

// -- IDENTIFY DEVICE: strings byte-swapped per word, LBA48 count, sector size
function identify(fields) {
    var bytes = new Uint8Array(512);
    function word(i, v) { bytes[2 * i] = v & 0xff; bytes[2 * i + 1] = v >> 8; }
    function str(first, count, s) {
        while (s.length < count * 2) s += ' ';
        for (var i = 0; i < count; i++)
            word(first + i, s.charCodeAt(2 * i) << 8 | s.charCodeAt(2 * i + 1));
    }
    str(10, 10, fields.serial || '');
    str(23, 4, '2.5+');
    str(27, 20, fields.model || '');
    word(49, 1 << 8);
    word(60, 0xffff); word(61, 0x0fff);                  // LBA28 count
    if (fields.lba48) {
        word(83, 1 << 10);
        var n = fields.sectors;
        word(100, n % 0x10000); word(101, Math.floor(n / 0x10000) % 0x10000);
        word(102, Math.floor(n / 0x100000000) % 0x10000);
    }
    if (fields.sectorWords) {
        word(106, 0x4000 | 1 << 12);
        word(117, fields.sectorWords % 0x10000); word(118, Math.floor(fields.sectorWords / 0x10000));
    }
    return bytes;
}

var id = ahci.parseIdentify(identify({serial: 'QM00003', model: 'QEMU HARDDISK', lba48: true,
    sectors: 0x123456789}));
check.equal(id.serial, 'QM00003', 'serial, trailing blanks trimmed');
check.equal(id.model, 'QEMU HARDDISK', 'model');
check.equal(id.firmware, '2.5+', 'firmware');
check.equal(id.lba48, true, 'LBA48 (word 83 bit 10)');
check.equal(id.sectorCount, 0x123456789, 'LBA48 count beyond 32 bits (words 100-103)');
check.equal(id.sectorSize, 512, '512 without word 106 bit 12');
check.equal(id.dma, true, 'DMA (word 49 bit 8)');
var old = ahci.parseIdentify(identify({model: 'OLD', lba48: false}));
check.equal(old.lba48, false, 'no LBA48');
check.equal(old.sectorCount, 0x0fffffff, 'LBA28 count (words 60-61)');
check.equal(ahci.parseIdentify(identify({lba48: true, sectors: 100, sectorWords: 2048})).sectorSize,
    4096, 'logical sector size from words 117-118 (in words)');

// -- request checks
var disk = {name: 'sdz', sectorSize: 512, sectorCount: 100};
function throws(fn, type, text, what) {
    try {
        fn();
        check.ok(false, what + ': no error');
    } catch (e) {
        check.ok(e instanceof type, what + ': ' + type.name + ', got ' + e.name);
        check.ok(e.message.indexOf('ahci sdz: ') === 0, what + ': names the disk: ' + e.message);
        check.ok(e.message.indexOf(text) >= 0, what + ': says "' + text + '": ' + e.message);
    }
}
var buf = new Uint8Array(1024);
throws(function () { ahci.checkRequest(disk, 'read', -1, 1, buf); }, RangeError, 'lba -1', 'negative lba');
throws(function () { ahci.checkRequest(disk, 'read', 0.5, 1, buf); }, RangeError, 'lba 0.5', 'fractional lba');
throws(function () { ahci.checkRequest(disk, 'read', Infinity, 1, buf); }, RangeError, 'Infinity', 'infinite lba');
throws(function () { ahci.checkRequest(disk, 'read', '1', 1, buf); }, TypeError, 'lba must be a number', 'string lba');
throws(function () { ahci.checkRequest(disk, 'read', 0, 0, buf); }, RangeError, 'count 0', 'zero sectors');
throws(function () { ahci.checkRequest(disk, 'read', 99, 2, buf); }, RangeError,
    'sectors 99..100 are past the end of the disk (100 sectors)', 'past the end');
throws(function () { ahci.checkRequest(disk, 'write', 0, 1, buf); }, RangeError,
    'buffer of 1024 bytes for 1 sectors of 512', 'buffer too large');
throws(function () { ahci.checkRequest(disk, 'write', 0, 1, [1, 2]); }, TypeError,
    'buffer must be', 'an array is not a buffer');
throws(function () { ahci.checkRequest(disk, 'write', 0, 1, {phys: 4096, length: 512}); }, TypeError,
    'buffer must be', 'an object with phys but no ArrayBuffer');

var ok = ahci.checkRequest(disk, 'read', 98, 2, buf);
check.ok(ok.view instanceof Uint8Array && ok.view.byteLength === 1024 && ok.dma === null,
    'a Uint8Array of the right size: its bytes');
var ab = new ArrayBuffer(2048);
var sub = ahci.checkRequest(disk, 'read', 0, 1, new Uint16Array(ab, 512, 256));
check.equal(sub.view.byteOffset, 512, 'a typed array view keeps its offset');
check.equal(ahci.checkRequest(disk, 'read', 0, 4, ab).view.byteLength, 2048, 'an ArrayBuffer');
check.equal(ahci.checkRequest(disk, 'read', 0, 1, new DataView(ab, 0, 512)).view.byteLength, 512,
    'a DataView');
var fakeDma = {phys: 0x100000, length: 512, buffer: new ArrayBuffer(512)};
check.equal(ahci.checkRequest(disk, 'read', 0, 1, fakeDma).dma, fakeDma, 'a DmaBuffer: zero copy');

// -- sectors per command: the LBA48 limit, 64 PRDs of 4 MiB, the bounce buffer
check.equal(ahci.chunkSectors(81920, 512, true, 8 << 20), 65536, 'zero copy: 65536 at most');
check.equal(ahci.chunkSectors(81920 - 65536, 512, true, 8 << 20), 16384, 'then the rest');
check.equal(ahci.chunkSectors(81920, 512, false, 8 << 20), 16384, 'bounced: 8 MiB at most');
check.equal(ahci.chunkSectors(3, 512, false, 8 << 20), 3, 'small requests: one command');
check.equal(ahci.chunkSectors(1 << 20, 4096, true, 8 << 20), 65536,
    '4 KiB sectors: 65536 sectors (256 MiB) fit in 64 PRDs of 4 MiB');

// -- disk names
check.equal(ahci.diskName(0), 'sda', 'first');
check.equal(ahci.diskName(25), 'sdz', '26th');
check.equal(ahci.diskName(26), 'sdaa', '27th, as Linux');
