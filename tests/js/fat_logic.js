// The pure parts of the FAT stack (js-drivers/fs/): MBR parsing, the boot
// sector's checks and the FAT type, names (LFN checksum and entries, short
// names with numeric tails, forbidden names), timestamps, FAT12 entry
// packing, and the block cache (LRU, write-back, read-ahead) over a disk in
// memory. Whole volumes made by mkfs.fat are exercised in tests/js/fat.js.
'use strict';

var check = require('./lib/check.js');
var MemDisk = require('./lib/memdisk.js').MemDisk;
var mbr = require('../../js-drivers/fs/mbr.js');
var bpb = require('../../js-drivers/fs/fat_bpb.js');
var names = require('../../js-drivers/fs/fat_name.js');
var time = require('../../js-drivers/fs/fat_time.js');
var BlockCache = require('../../js-drivers/fs/block_cache.js');
var FatTable = require('../../js-drivers/fs/fat_table.js');

function put16(b, at, v) { b[at] = v & 0xff; b[at + 1] = v >> 8 & 0xff; }
function put32(b, at, v) { put16(b, at, v & 0xffff); put16(b, at + 2, v >>> 16); }

// -- MBR ---------------------------------------------------------------------
function partition(sector, slot, type, lba, count, status) {
    var at = 446 + 16 * slot;
    sector[at] = status || 0;
    sector[at + 4] = type;
    put32(sector, at + 8, lba);
    put32(sector, at + 12, count);
}

function diskOf(sectors) {        // {lba: Uint8Array} -> readSector
    return function (lba) { return sectors[lba] || new Uint8Array(512); };
}

var s0 = new Uint8Array(512);
s0[510] = 0x55; s0[511] = 0xAA;
partition(s0, 0, 0x0C, 2048, 10000, 0x80);
partition(s0, 1, 0x83, 12048, 5000);
partition(s0, 3, 0x05, 20000, 30000);          // extended, slot 4
var ebr1 = new Uint8Array(512), ebr2 = new Uint8Array(512);
ebr1[510] = ebr2[510] = 0x55; ebr1[511] = ebr2[511] = 0xAA;
partition(ebr1, 0, 0x06, 63, 1000);            // logical 5 at 20063
partition(ebr1, 1, 0x05, 2000, 3000);          // next EBR at 22000
partition(ebr2, 0, 0x0E, 63, 2000);            // logical 6 at 22063
var table = mbr.parse(diskOf({0: s0, 20000: ebr1, 22000: ebr2}), 60000);
check.equal(table.scheme, 'mbr', 'an MBR');
check.deepEqual(table.partitions.map(function (p) {
    return [p.number, p.lba, p.count, p.fat];
}), [[1, 2048, 10000, true], [2, 12048, 5000, false], [5, 20063, 1000, true],
    [6, 22063, 2000, true]], 'primary 1 and 2 (slot 3 empty), logical 5 and 6 in chain order');
check.equal(table.partitions[1].typeName, 'type 0x83', 'a non-FAT type is named by number');
check.equal(table.warnings.length, 0, 'no warnings');

// An EBR that points back at itself: the chain stops, with a warning.
partition(ebr2, 1, 0x05, 0, 100);
table = mbr.parse(diskOf({0: s0, 20000: ebr1, 22000: ebr2}), 60000);
check.equal(table.partitions.length, 4, 'a looping EBR chain keeps what it found');
check.ok(/goes backwards/.test(table.warnings[0]), 'and says why it stopped: ' + table.warnings[0]);

// A partition past the end of the disk is left out.
table = mbr.parse(diskOf({0: s0, 20000: ebr1, 22000: ebr2}), 15000);
check.deepEqual(table.partitions.map(function (p) { return p.number; }), [1],
    'partitions 2 and the extended one do not fit a 15000-sector disk');
check.ok(/does not fit/.test(table.warnings[0]), 'warning: ' + table.warnings[0]);

check.equal(mbr.parse(diskOf({}), 100).scheme, 'none', 'no signature: no table');
var bootCode = new Uint8Array(s0);
bootCode[446] = 0x12;                          // a status byte that is neither 0 nor 0x80
check.equal(mbr.parse(diskOf({0: bootCode}), 60000).scheme, 'none',
    'an entry with a bad status byte: not a partition table');

// -- boot sector (BPB) ---------------------------------------------------------
// A FAT16 or FAT32 boot sector like mkfs.fat writes.
function bootSector(f) {
    var b = new Uint8Array(512);
    b[0] = 0xEB; b[1] = 0x3C; b[2] = 0x90;
    put16(b, 11, f.bps || 512);
    b[13] = f.spc || 4;
    put16(b, 14, f.reserved === undefined ? (f.fat32 ? 32 : 4) : f.reserved);
    b[16] = 2;
    put16(b, 17, f.fat32 ? 0 : 512);
    b[21] = 0xF8;
    if (f.total < 65536 && !f.fat32) put16(b, 19, f.total); else put32(b, 32, f.total);
    if (f.fat32) {
        put32(b, 36, f.fatSize);
        put32(b, 44, 2);
        put16(b, 48, 1);
        b[66] = 0x29;
    } else {
        put16(b, 22, f.fatSize);
        b[38] = 0x29;
        for (var i = 0; i < 11; i++) b[43 + i] = 'MY VOLUME  '.charCodeAt(i);
    }
    b[510] = 0x55; b[511] = 0xAA;
    return b;
}

// FAT16: 4 reserved + 2 FATs of 100 + 32 root sectors = data at 236; 4 sectors a cluster.
var g = bpb.parse(bootSector({total: 236 + 4 * 20000, fatSize: 100}));
check.equal(g.type, 16, '20000 clusters: FAT16');
check.equal(g.firstDataSector, 236, 'data region after reserved, FATs and root');
check.equal(g.label, 'MY VOLUME', 'volume label, blanks trimmed');
check.equal(bpb.clusterOffset(g, 3), (236 + 4) * 512, 'cluster 3 is the second of the data');
check.equal(bpb.parse(bootSector({total: 236 + 4 * 4084, spc: 4, fatSize: 100})).type, 12,
    '4084 clusters: FAT12 (the spec 3.5)');
check.equal(bpb.parse(bootSector({total: 236 + 4 * 4085, spc: 4, fatSize: 100})).type, 16,
    '4085 clusters: FAT16');
g = bpb.parse(bootSector({fat32: true, spc: 1, total: 32 + 2 * 600 + 65525, fatSize: 600}));
check.equal(g.type, 32, '65525 clusters: FAT32');
check.equal(g.rootCluster, 2, 'FAT32 root cluster');
check.equal(bpb.parse(bootSector({fat32: true, spc: 8, total: 32 + 2 * 200 + 8 * 18000,
    fatSize: 200})).type, 32, 'a FAT32 layout with 18000 clusters is FAT32 (as Linux reads it)');
refuses({total: 236 + 70000, spc: 1, fatSize: 300}, function () {}, /FAT12\/16 layout/,
    'a FAT16 layout with 70000 clusters');
check.ok(bpb.looksLikeBootSector(bootSector({total: 100000, fatSize: 100})),
    'a boot sector looks like one (superfloppy detection)');
check.equal(mbr.parse(diskOf({0: bootSector({total: 100000, fatSize: 100})}), 100000).scheme,
    'superfloppy', 'a FAT boot sector at LBA 0: superfloppy');
var withCode = bootSector({total: 100000, fatSize: 100});
for (var c = 446; c < 510; c++) withCode[c] = 0x41 + c % 26;          // boot code text
check.equal(mbr.parse(diskOf({0: withCode}), 100000).scheme, 'superfloppy',
    'boot code where the table would be: still a superfloppy');
var jumpMbr = bootSector({total: 100000, fatSize: 100});
partition(jumpMbr, 0, 0x0C, 2048, 10000, 0x80);
check.equal(mbr.parse(diskOf({0: jumpMbr}), 100000).scheme, 'mbr',
    'a valid table wins over a BPB-like start (as Linux decides)');

function refuses(fields, edit, pattern, what) {
    var b = bootSector(fields);
    edit(b);
    check.throws(function () { bpb.parse(b, 1 << 30); }, pattern, what);
}
var ok16 = {total: 236 + 4 * 20000, fatSize: 100};
refuses(ok16, function (b) { b[510] = 0; }, /no 0x55 0xAA signature/, 'no signature');
refuses(ok16, function (b) { b[0] = 0; }, /no jump instruction/, 'no jump');
refuses(ok16, function (b) { put16(b, 11, 513); }, /bytes per sector 513/, 'bytes per sector');
refuses(ok16, function (b) { b[13] = 3; }, /sectors per cluster 3/, 'sectors per cluster');
refuses(ok16, function (b) { put16(b, 14, 0); }, /no reserved sectors/, 'reserved 0');
refuses(ok16, function (b) { b[16] = 0; }, /no FAT/, 'no FAT');
refuses(ok16, function (b) { put16(b, 22, 10); }, /too small for/, 'FAT too small for the clusters');
refuses(ok16, function (b) { put16(b, 19, 100); }, /leave no data region/, 'too few sectors');
refuses({fat32: true, spc: 1, total: 32 + 1200 + 65525, fatSize: 600},
    function (b) { put32(b, 44, 999999); }, /root directory cluster 999999/, 'FAT32 root cluster');
check.throws(function () { bpb.parse(bootSector(ok16), 1000 * 512); },
    /do not fit in the 512000 bytes of the partition/, 'volume larger than its partition');

// -- names ---------------------------------------------------------------------
check.equal(names.lfnChecksum('NEWFIL~1DAT'), 163, 'LFN checksum (the spec 7.2)');
check.equal(names.lfnChecksum('README  TXT'), 115, 'LFN checksum of README.TXT');
function none() { return false; }
check.equal(names.generateShortName('README.TXT', none), 'README  TXT', 'exact 8.3');
check.equal(names.exactShortName('README.TXT'), 'README  TXT', 'README.TXT needs no LFN');
check.equal(names.exactShortName('readme.txt'), null, 'lower case needs an LFN');
check.equal(names.generateShortName('readme.txt', none), 'README  TXT',
    'a lower-case 8.3 name keeps its basis without a tail');
check.equal(names.generateShortName('New file with a long name.dat', none), 'NEWFIL~1DAT',
    'spaces dropped, cut to 6 + ~1');
var used = {'NEWFIL~1DAT': true, 'NEWFIL~2DAT': true};
check.equal(names.generateShortName('New file with a long name.dat',
    function (s) { return used[s] === true; }), 'NEWFIL~3DAT', 'the first free tail');
check.equal(names.generateShortName('.bashrc', none), 'BASHRC~1   ', 'leading dot dropped');
check.equal(names.generateShortName('a+b.txt', none), 'A_B~1   TXT', '+ becomes _ (lossy)');
check.equal(names.generateShortName('file.tar.gz', none), 'FILETA~1GZ ',
    'extension after the last dot, embedded dots dropped');
check.equal(names.generateShortName('page.html', none), 'PAGE~1  HTM', 'a cut extension');
check.equal(names.generateShortName('\u00fcber.txt', none), '_BER~1  TXT',
    'non-ASCII becomes _');
var many = {};
for (var t = 1; t <= 9; t++) many['LONGNA~' + t + 'TXT'] = true;
check.equal(names.generateShortName('longname file.txt', function (s) { return !!many[s]; }),
    'LONGN~10TXT', 'a two-digit tail cuts the base further');
check.equal(names.displayShortName('README  TXT', 0x18), 'readme.txt', 'NT case flags');
check.equal(names.displayShortName('MAKEFILE   ', 0), 'MAKEFILE', 'no extension');

var long255 = new Array(256).join('x');
check.equal(names.checkLongName(long255), 0, '255 units are allowed');
check.equal(names.checkLongName(long255 + 'x'), -36, '256: ENAMETOOLONG');
check.equal(names.checkLongName('a*b'), -22, '* : EINVAL');
check.equal(names.checkLongName('a:b'), -22, ': : EINVAL');
check.equal(names.checkLongName('tab\there'), -22, 'a control character: EINVAL');
check.equal(names.checkLongName('dot.'), -22, 'a trailing dot: EINVAL');
check.equal(names.checkLongName('[brackets] + ;,='), 0, 'characters only short names refuse');

var longName = 'A name of exactly 27 units!';
var entries = names.lfnEntries(longName, 'ANAMEO~1   ');
check.equal(entries.length, 3, '27 units: 3 LFN entries');
check.equal(entries[0][0], 0x43, 'the first stored is the last part, flagged 0x40');
check.equal(entries[2][0], 0x01, 'the last stored is part 1');
check.equal(entries[1][13], names.lfnChecksum('ANAMEO~1   '), 'each carries the checksum');
check.equal(names.lfnPart(entries[2], 0) + names.lfnPart(entries[1], 0) +
    names.lfnPart(entries[0], 0), longName, 'parts read back in order');
check.equal(entries[0][3] | entries[0][4] << 8, 0, 'the name ends with 0x0000');
check.equal(entries[0][5] | entries[0][6] << 8, 0xFFFF, 'then 0xFFFF padding');

// -- timestamps ------------------------------------------------------------------
var when = Date.UTC(2024, 1, 29, 13, 45, 59, 120);
var enc = time.encode(when);
check.equal(enc.date, (44 << 9) | (2 << 5) | 29, 'date word');
check.equal(enc.time, (13 << 11) | (45 << 5) | 29, 'time word (seconds / 2)');
check.equal(time.decode(enc.date, enc.time, enc.tenths), when - when % 10,
    'creation time back to 10 ms');
check.equal(time.decode(enc.date, enc.time, 0), Date.UTC(2024, 1, 29, 13, 45, 58),
    'modification time back to 2 s');
check.equal(time.decode(0, 0, 0), 0, 'a zero date: not recorded');
check.equal(time.encode(Date.UTC(1970, 0, 1)).date, 0x21, 'before 1980: 1980-01-01');

// -- block cache -----------------------------------------------------------------
var disk = new MemDisk(new Uint8Array(64 * 512), 'mem');
for (var i = 0; i < disk.bytes.length; i++) disk.bytes[i] = i * 7 & 0xff;
var cache = new BlockCache(disk, {lba: 8, sectors: 40, blockSize: 2048, capacity: 3});
check.equal(cache.blockCount, 10, '40 sectors in blocks of 4 sectors');
check.equal(cache.u8(0), 8 * 512 * 7 & 0xff, 'byte 0 of the range is byte 4096 of the disk');
check.equal(cache.stats().misses, 1, 'a miss');
cache.u8(1);
check.equal(cache.stats().hits, 1, 'then a hit');
cache.setU32(2046, 0xdeadbeef);                // straddles blocks 0 and 1
check.equal(cache.u32(2046), 0xdeadbeef, 'an integer across two blocks');
check.equal(disk.bytes[8 * 512 + 2046], 2046 * 7 + 8 * 512 * 7 & 0xff, 'not written yet');
cache.u8(3 * 2048);
cache.u8(4 * 2048);                            // capacity 3: block 0 (dirty) is evicted
check.equal(disk.bytes[8 * 512 + 2046], 0xef, 'the evicted dirty block was written');
check.equal(disk.bytes[8 * 512 + 2049], 0xde, 'with its dirty neighbour, block 1');
check.equal(disk.counters.writes, 1, 'in one write');
check.equal(cache.stats().evictions, 1, 'block 0, the least recently used, went');
var full = new Uint8Array(3 * 2048);
for (i = 0; i < full.length; i++) full[i] = 0xA5;
var readsBefore = disk.counters.reads;
cache.write(5 * 2048, full, 0, full.length);
check.equal(disk.counters.reads, readsBefore, 'whole blocks are written without reading them');
check.equal(disk.counters.writes, 1, 'block 1, clean now, evicted without a write');
check.equal(cache.flush(), 3, 'three dirty blocks flushed');
check.equal(disk.counters.writes, 2, 'adjacent dirty blocks go in one write');
check.equal(disk.counters.flushes, 1, 'and the disk cache is flushed');
check.equal(disk.bytes[8 * 512 + 5 * 2048 + 100], 0xA5, 'the data is on the disk');
var tail = new Uint8Array(2048);
readsBefore = disk.counters.reads;
cache.read(8 * 2048, tail, 0, 2048, 5);        // read-ahead stops at the end of the range
check.ok(cache.blocks[8] && cache.blocks[9], 'blocks 8 and 9 cached');
check.equal(disk.counters.reads - readsBefore, 1, 'read in one command');
check.equal(tail[0], (8 * 512 + 8 * 2048) * 7 & 0xff, 'the right bytes');
check.throws(function () { cache.read(20000, tail, 0, 512); }, /outside the range/,
    'reads past the range throw');

// Blocks aligned on sector 3 of the range (where a FAT data region starts):
// block 0 is sectors 0-2, block 1 sectors 3-6, ...; 16 whole uncached
// blocks and more go straight between the disk and the caller.
var adisk = new MemDisk(new Uint8Array(200 * 512), 'aligned');
for (i = 0; i < adisk.bytes.length; i++) adisk.bytes[i] = (i >> 9) & 0xff;   // the sector number
var acache = new BlockCache(adisk, {lba: 10, sectors: 150, blockSize: 2048, capacity: 64,
    alignSector: 3});
check.equal(acache.blockCount, 38, '150 sectors from sector 3 in blocks of 4: 1 + 37');
check.equal(acache.u8(3 * 512), 13, 'sector 3 of the range is disk sector 13');
check.equal(acache.blocks[1].data.length, 2048, 'in block 1, whole');
acache.u8(0);
check.equal(acache.blocks[0].data.length, 3 * 512, 'block 0 holds the 3 sectors before');
var big = new Uint8Array(20 * 2048);
readsBefore = adisk.counters.reads;
acache.read(7 * 512, big, 0, big.length);
check.equal(adisk.counters.reads - readsBefore, 1, '20 whole blocks read in one command');
check.equal(acache.count, 2, 'without going through the cache');
check.equal(big[big.length - 1], 10 + 7 + 79, 'the right sectors');
for (i = 0; i < big.length; i++) big[i] = 0x77;
acache.write(7 * 512, big, 0, big.length);
check.equal(adisk.bytes[(10 + 7) * 512], 0x77, 'a large write goes to the disk at once');
var flushes = adisk.counters.flushes;
acache.flush();
check.equal(adisk.counters.flushes, flushes + 1, 'and flush() still asks for FLUSH CACHE');

// -- FAT12 entries: 12 bits, packed in pairs ----------------------------------------
var fdisk = new MemDisk(new Uint8Array(32 * 512), 'fat12');
var fcache = new BlockCache(fdisk, {blockSize: 512, capacity: 8});
var g12 = {type: 12, clusterCount: 100, reservedSectors: 1, fatSectors: 1, numFats: 2,
    bytesPerSector: 512, activeFat: -1};
var t12 = new FatTable(fcache, g12);
t12.set(2, 0xABC);
t12.set(3, 0x123);
t12.set(4, 0xFFF);
check.equal(t12.get(2), 0xABC, 'even entry');
check.equal(t12.get(3), 0x123, 'odd entry');
fcache.flush();
check.deepEqual(Array.prototype.slice.call(fdisk.bytes.subarray(515, 520)),
    [0xBC, 0x3A, 0x12, 0xFF, 0x0F], 'packed as the spec 4.1 says (3 bytes per pair)');
check.equal(fdisk.bytes[1024 + 3], 0xBC, 'the second FAT is written too');
check.deepEqual(t12.chain(2), -5, 'a chain through 0xABC (past the volume): EIO');
t12.set(2, 3); t12.set(3, 4);
check.deepEqual(t12.chain(2), [2, 3, 4], 'a chain to end-of-chain');
t12.set(4, 2);
check.equal(t12.chain(2), -5, 'a loop: EIO, not a hang');

// FAT32: 28-bit entries, the reserved high 4 bits kept; setMany over blocks.
var d32 = new MemDisk(new Uint8Array(64 * 512), 'fat32');
d32.bytes[512 + 5 * 4 + 3] = 0xF0;              // reserved bits of entry 5, FAT 1
var c32 = new BlockCache(d32, {blockSize: 1024, capacity: 8});
var t32 = new FatTable(c32, {type: 32, clusterCount: 1000, reservedSectors: 1, fatSectors: 8,
    numFats: 2, bytesPerSector: 512, activeFat: -1, fsInfoSector: 0});
t32.set(5, 7);
check.equal(t32.get(5), 7, 'FAT32 entry');
var many32 = [], next32 = [];
for (i = 250; i < 270; i++) { many32.push(i); next32.push(i === 269 ? 0x0FFFFFFF : i + 1); }
t32.setMany(many32, next32);                     // entries 250-269 straddle a 1 KiB block
check.deepEqual(t32.chain(250), many32, 'a chain set in one go across blocks');
c32.flush();
check.equal(d32.bytes[512 + 5 * 4 + 3], 0xF0, 'the high 4 bits kept');
check.equal(d32.bytes[512 + 8 * 512 + 255 * 4] | d32.bytes[512 + 8 * 512 + 255 * 4 + 1] << 8,
    256, 'the second FAT has it too (entry 255 -> 256)');
