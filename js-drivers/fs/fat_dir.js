// Directories: arrays of 32-byte entries (the spec §6). A short entry
// describes a file (name, attributes, first cluster, size, times); the long
// name sits in LFN entries just before it (§7). Entry 0x00 ends the
// directory, 0xE5 is a deleted entry (free for reuse).
//
// A directory is the fixed root region of FAT12/16 or a cluster chain (the
// FAT32 root and every subdirectory). `Dir` maps slot numbers to byte
// positions of the volume and reads and parses all its entries.
'use strict';

var bpb = require('./fat_bpb.js');
var names = require('./fat_name.js');
var time = require('./fat_time.js');

var ATTR = {READ_ONLY: 0x01, HIDDEN: 0x02, SYSTEM: 0x04, VOLUME_ID: 0x08, DIRECTORY: 0x10,
    ARCHIVE: 0x20, LONG_NAME: 0x0F};
var MAX_SLOTS = 65536;         // the spec §6: a directory holds at most 65536 entries

function u16(b, at) { return b[at] | b[at + 1] << 8; }
function u32(b, at) { return (b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24) >>> 0; }

// The byte positions of a directory's slots. `dir` is a node: {fixedRoot}
// or {clusters: [...]} (the clusters of its chain, already read).
function slotCount(vol, dir) {
    return dir.fixedRoot ? vol.g.rootEntries : dir.clusters.length * vol.g.clusterSize / 32;
}

function slotPos(vol, dir, i) {
    if (dir.fixedRoot)
        return bpb.rootDirOffset(vol.g) + i * 32;
    var perCluster = vol.g.clusterSize / 32;
    return bpb.clusterOffset(vol.g, dir.clusters[Math.floor(i / perCluster)]) +
        (i % perCluster) * 32;
}

// All the directory's bytes, one read per cluster.
function readAll(vol, dir) {
    var bytes = new Uint8Array(slotCount(vol, dir) * 32);
    if (dir.fixedRoot) {
        vol.cache.read(bpb.rootDirOffset(vol.g), bytes, 0, bytes.length);
    } else {
        var cs = vol.g.clusterSize;
        for (var k = 0; k < dir.clusters.length; k++)
            vol.cache.read(bpb.clusterOffset(vol.g, dir.clusters[k]), bytes, k * cs, cs,
                Math.ceil(cs / vol.cache.blockSize));
    }
    return bytes;
}

// The fields of the short entry at byte `at`.
function decodeShort(b, at) {
    var eleven = String.fromCharCode.apply(null, b.subarray(at, at + 11));
    if (b[at] === 0x05)                    // a real 0xE5 first character (the spec §6.1)
        eleven = '\u00E5' + eleven.slice(1);
    var attr = b[at + 11];
    return {
        short: eleven,
        caseFlags: b[at + 12],
        attr: attr,
        isDir: (attr & ATTR.DIRECTORY) !== 0,
        cluster: (u16(b, at + 20) << 16 | u16(b, at + 26)) >>> 0,
        size: u32(b, at + 28),
        birthtimeMs: time.decode(u16(b, at + 16), u16(b, at + 14), b[at + 13]),
        atimeMs: time.decode(u16(b, at + 18), 0, 0),
        mtimeMs: time.decode(u16(b, at + 24), u16(b, at + 22), 0)
    };
}

// The 32 bytes of a short entry from fields like decodeShort's.
function encodeShort(f) {
    var e = new Uint8Array(32);
    for (var i = 0; i < 11; i++)
        e[i] = f.short.charCodeAt(i) & 0xFF;
    if (e[0] === 0xE5)
        e[0] = 0x05;
    e[11] = f.attr;
    e[12] = f.caseFlags || 0;
    var c = time.encode(f.birthtimeMs), a = time.encode(f.atimeMs), m = time.encode(f.mtimeMs);
    e[13] = c.tenths;
    put16(e, 14, c.time); put16(e, 16, c.date);
    put16(e, 18, a.date);
    put16(e, 20, f.cluster >>> 16); put16(e, 22, m.time); put16(e, 24, m.date);
    put16(e, 26, f.cluster & 0xFFFF);
    put16(e, 28, f.size & 0xFFFF); put16(e, 30, f.size >>> 16);
    return e;
}

function put16(b, at, v) { b[at] = v & 0xFF; b[at + 1] = v >>> 8 & 0xFF; }

// Parses every entry. Returns {entries: [{name, slot, firstSlot, ...short
// fields}], free: Uint8Array (1 per reusable slot), count}. Dot entries and
// the volume label are not listed; an LFN run whose order or checksum does
// not match its short entry is ignored (the short name is used), as the
// spec §7 asks.
function scan(vol, dir) {
    var b = readAll(vol, dir);
    var count = b.length / 32;
    var free = new Uint8Array(count);
    var entries = [];
    var lfn = null;                        // {parts, next, sum, first} while collecting
    var ended = false;
    for (var i = 0; i < count; i++) {
        var at = i * 32, first = b[at];
        if (ended || first === 0x00) {
            ended = true;
            free[i] = 1;
            continue;
        }
        if (first === 0xE5) {
            free[i] = 1;
            lfn = null;
            continue;
        }
        var attr = b[at + 11];
        if ((attr & 0x3F) === ATTR.LONG_NAME) {
            var ord = first & 0x1F;
            if (first & 0x40)
                lfn = {parts: [], next: ord, sum: b[at + 13], first: i};
            if (!lfn || ord !== lfn.next || ord === 0 || b[at + 13] !== lfn.sum) {
                lfn = null;
                continue;
            }
            lfn.parts[ord - 1] = names.lfnPart(b, at);
            lfn.next--;
            continue;
        }
        var f = decodeShort(b, at);
        var long = null, firstSlot = i;
        if (lfn && lfn.next === 0 && names.lfnChecksum(f.short) === lfn.sum) {
            long = lfn.parts.join('');
            firstSlot = lfn.first;
        }
        lfn = null;
        if (attr & ATTR.VOLUME_ID || f.short === '.          ' || f.short === '..         ')
            continue;
        f.name = long || names.displayShortName(f.short, f.caseFlags);
        f.slot = i;
        f.firstSlot = firstSlot;
        f.pos = slotPos(vol, dir, i);
        entries.push(f);
    }
    return {entries: entries, free: free, count: count};
}

// The entry named `name` (matched without regard to case, on the long name
// and on the short name), or null.
function find(listing, name) {
    if (!listing.index) {            // upper-case long and short names -> entry
        var index = {};
        for (var i = listing.entries.length - 1; i >= 0; i--) {
            var e = listing.entries[i];
            index['=' + names.displayShortName(e.short, 0)] = e;
        }
        for (i = listing.entries.length - 1; i >= 0; i--)   // long names win
            index['=' + listing.entries[i].name.toUpperCase()] = listing.entries[i];
        listing.index = index;
    }
    return listing.index['=' + name.toUpperCase()] || null;
}

// The first slot of `need` consecutive free slots, or -1.
function findFreeRun(listing, need) {
    var run = 0;
    for (var i = 0; i < listing.count; i++) {
        run = listing.free[i] ? run + 1 : 0;
        if (run === need)
            return i - need + 1;
    }
    return -1;
}

module.exports = {
    ATTR: ATTR, MAX_SLOTS: MAX_SLOTS, slotCount: slotCount, slotPos: slotPos, scan: scan,
    find: find, findFreeRun: findFreeRun, decodeShort: decodeShort, encodeShort: encodeShort
};
