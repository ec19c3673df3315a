// The File Allocation Table: one entry per cluster, holding the next
// cluster of the chain, 0 (free), a bad-cluster mark or end-of-chain (the
// spec §4). FAT12 packs entries in 12 bits, FAT16 in 16, FAT32 in the low 28
// bits of 32 (the high 4 are reserved and kept as found). Every change goes
// to each FAT copy (or only the active one when mirroring is off).
//
// The free-cluster count and the next-free hint live in the FAT32 FSInfo
// sector (the spec §5); they are hints: an implausible count is recomputed
// by scanning the table the first time it is needed.
'use strict';

var bpb = require('./fat_bpb.js');

var FSINFO_LEAD = 0x41615252, FSINFO_STRUCT = 0x61417272, FSINFO_TRAIL = 0xAA550000;

function FatTable(cache, g) {
    this.cache = cache;
    this.g = g;
    this.type = g.type;
    this.max = g.clusterCount + 1;        // the last valid cluster number
    this.eoc = g.type === 12 ? 0xFFF : g.type === 16 ? 0xFFFF : 0x0FFFFFFF;
    this.bad = this.eoc - 8;              // 0xFF7, 0xFFF7, 0x0FFFFFF7
    this.freeCount = -1;                  // unknown until read or counted
    this.nextFree = 2;
    this.fsInfoDirty = false;
    if (g.type === 32)
        this._readFsInfo();
}

// Is v an end-of-chain mark (>= 0x...FF8)?
FatTable.prototype.isEnd = function (v) { return v >= this.eoc - 7; };

FatTable.prototype._offset = function (n) {
    return this.type === 12 ? n + (n >> 1) : this.type === 16 ? n * 2 : n * 4;
};

FatTable.prototype.get = function (n) {
    var pos = bpb.fatOffset(this.g, this.g.activeFat < 0 ? 0 : this.g.activeFat) +
        this._offset(n);
    if (this.type === 32)
        return this.cache.u32(pos) & 0x0FFFFFFF;
    if (this.type === 16)
        return this.cache.u16(pos);
    var v = this.cache.u16(pos);
    return n & 1 ? v >> 4 : v & 0xFFF;
};

// A reader of entries for scans that change nothing meanwhile (chain
// walks, the search for free clusters): it keeps the cache block it last
// used and reads entries straight from its bytes, which costs a fraction
// of a get() per entry. FAT16/32 entries never straddle blocks (blocks
// are whole sectors); FAT12 goes through get().
FatTable.prototype._scanner = function () {
    var self = this;
    if (this.type === 12)
        return function (n) { return self.get(n); };
    var cache = this.cache, size = this.type === 16 ? 2 : 4;
    var base = bpb.fatOffset(this.g, this.g.activeFat < 0 ? 0 : this.g.activeFat);
    var win = null, winStart = 0, winEnd = 0;
    return function (n) {
        var pos = base + n * size;
        if (pos < winStart || pos + size > winEnd) {
            var block = cache._blockOf(pos);
            win = cache.get(block);
            winStart = cache._first(block) * cache.sectorSize;
            winEnd = winStart + win.length;
        }
        var i = pos - winStart;
        return size === 2 ? win[i] | win[i + 1] << 8
            : (win[i] | win[i + 1] << 8 | win[i + 2] << 16 | (win[i + 3] & 0x0F) << 24) >>> 0;
    };
};

// Sets the entry of cluster n in every FAT copy (or only the active one
// when mirroring is off).
FatTable.prototype.set = function (n, value) {
    if (this.type !== 12) {
        this.setMany([n], [value]);
        return;
    }
    if (n < 2 || n > this.max)
        throw new RangeError('fat: set of cluster ' + n + ' outside 2..' + this.max);
    for (var copy = 0; copy < this.g.numFats; copy++) {
        if (this.g.activeFat >= 0 && copy !== this.g.activeFat)
            continue;
        // 12 bits: the low or high 12 of a 16-bit word, by the parity of n.
        var pos = bpb.fatOffset(this.g, copy) + this._offset(n);
        var old = this.cache.u16(pos);
        this.cache.setU16(pos, n & 1 ? (old & 0x000F) | (value << 4 & 0xFFF0)
            : (old & 0xF000) | (value & 0xFFF));
    }
};

// Sets entry clusters[i] to values[i] for every i, in place in the cached
// FAT blocks (a 16/32-bit entry never straddles a block): each block is
// fetched once per copy and marked dirty once (allocating or freeing a
// large file changes thousands of neighbouring entries).
FatTable.prototype.setMany = function (clusters, values) {
    if (this.type === 12) {
        for (var j = 0; j < clusters.length; j++)
            this.set(clusters[j], values[j]);
        return;
    }
    var cache = this.cache, size = this.type === 16 ? 2 : 4;
    for (var copy = 0; copy < this.g.numFats; copy++) {
        if (this.g.activeFat >= 0 && copy !== this.g.activeFat)
            continue;
        var base = bpb.fatOffset(this.g, copy), block = -1, data = null, start = 0;
        for (var i = 0; i < clusters.length; i++) {
            var n = clusters[i], value = values[i];
            if (n < 2 || n > this.max)
                throw new RangeError('fat: set of cluster ' + n + ' outside 2..' + this.max);
            var pos = base + n * size, b = cache._blockOf(pos);
            if (b !== block) {
                if (block >= 0)
                    cache.markDirty(block);
                block = b;
                data = cache.get(b);
                start = cache._first(b) * cache.sectorSize;
            }
            var at = pos - start;
            data[at] = value & 0xFF;
            data[at + 1] = value >>> 8 & 0xFF;
            if (size === 4) {     // FAT32: 28 bits, the high 4 kept as found
                data[at + 2] = value >>> 16 & 0xFF;
                data[at + 3] = (data[at + 3] & 0xF0) | (value >>> 24 & 0x0F);
            }
        }
        if (block >= 0)
            cache.markDirty(block);
    }
};

// The clusters of the chain starting at `first`, as an array; -EIO (a
// negative number) when the chain is corrupt: a link outside the volume, a
// free or bad cluster inside it, or a loop (longer than the volume).
FatTable.prototype.chain = function (first) {
    var out = [];
    if (first === 0)
        return out;
    var n = first, entry = this._scanner();
    for (;;) {
        if (n < 2 || n > this.max || out.length > this.g.clusterCount)
            return -5;
        out.push(n);
        var next = entry(n);
        if (this.isEnd(next))
            return out;
        if (next === 0 || next === this.bad)
            return -5;
        n = next;
    }
};

// Allocates `count` clusters linked into a chain (appended after cluster
// `after` when it is not 0); returns the array of new clusters, or null
// when the volume has not enough free clusters (nothing is changed then).
FatTable.prototype.allocate = function (count, after) {
    if (count === 0)
        return [];
    if (this.free() < count)
        return null;
    var found = [], n = this.nextFree < 2 || this.nextFree > this.max ? 2 : this.nextFree;
    var scanned = 0, total = this.g.clusterCount, entry = this._scanner();
    while (found.length < count && scanned < total) {
        if (entry(n) === 0)
            found.push(n);
        n = n >= this.max ? 2 : n + 1;
        scanned++;
    }
    if (found.length < count) {         // the free count was wrong: believe the table
        this.freeCount = found.length;
        this.fsInfoDirty = true;
        return null;
    }
    var values = [];
    for (var i = 0; i < found.length; i++)
        values.push(i + 1 < found.length ? found[i + 1] : this.eoc);
    this.setMany(found, values);
    if (after)
        this.set(after, found[0]);
    this.nextFree = n;
    this.freeCount -= count;
    this.fsInfoDirty = true;
    return found;
};

// Frees the chain from cluster `first` (an array from chain() may be given
// instead) and returns how many clusters were freed.
FatTable.prototype.freeChain = function (clusters) {
    if (typeof clusters === 'number')
        clusters = this.chain(clusters);
    if (typeof clusters === 'number')
        return clusters;                 // -EIO: leave a corrupt chain alone
    var zeros = [];
    for (var i = 0; i < clusters.length; i++)
        zeros.push(0);
    this.setMany(clusters, zeros);
    if (this.freeCount >= 0)
        this.freeCount += clusters.length;
    if (clusters.length && clusters[0] < this.nextFree)
        this.nextFree = clusters[0];
    this.fsInfoDirty = true;
    return clusters.length;
};

// Free clusters (counted by a scan of the table when no hint is trusted).
FatTable.prototype.free = function () {
    if (this.freeCount < 0) {
        this.freeCount = this.type === 12 ? this._countFree12() : this._countFree();
        this.fsInfoDirty = this.type === 32;
    }
    return this.freeCount;
};

// FAT16/32: the table read in 64 KiB pieces and its entries tested in place
// (a get() per cluster costs far more on a large volume).
FatTable.prototype._countFree = function () {
    var size = this.type === 16 ? 2 : 4, free = 0;
    var start = bpb.fatOffset(this.g, this.g.activeFat < 0 ? 0 : this.g.activeFat);
    var piece = new Uint8Array(65536 - 65536 % size);
    for (var first = 2; first <= this.max; first += piece.length / size) {
        var count = Math.min(piece.length / size, this.max + 1 - first);
        this.cache.read(start + first * size, piece, 0, count * size, 16);
        var b = piece, end = count * size, i;
        if (size === 2) {
            for (i = 0; i < end; i += 2)
                if ((b[i] | b[i + 1]) === 0)
                    free++;
        } else {
            for (i = 0; i < end; i += 4)
                if ((b[i] | b[i + 1] | b[i + 2] | (b[i + 3] & 0x0F)) === 0)
                    free++;
        }
    }
    return free;
};

FatTable.prototype._countFree12 = function () {
    var free = 0;
    for (var n = 2; n <= this.max; n++)
        if (this.get(n) === 0)
            free++;
    return free;
};

FatTable.prototype._fsInfoPos = function () {
    return this.g.fsInfoSector * this.g.bytesPerSector;
};

FatTable.prototype._readFsInfo = function () {
    var g = this.g;
    if (g.fsInfoSector === 0 || g.fsInfoSector === 0xFFFF || g.fsInfoSector >= g.reservedSectors)
        return;
    var pos = this._fsInfoPos(), c = this.cache;
    if (c.u32(pos) !== FSINFO_LEAD || c.u32(pos + 484) !== FSINFO_STRUCT ||
        c.u32(pos + 508) !== FSINFO_TRAIL) {
        this.hasFsInfo = false;
        return;
    }
    this.hasFsInfo = true;
    var free = c.u32(pos + 488), next = c.u32(pos + 492);
    if (free <= g.clusterCount)
        this.freeCount = free;
    if (next >= 2 && next <= this.max)
        this.nextFree = next;
};

// Writes the hints back to FSInfo (FAT32 with a valid FSInfo sector only).
FatTable.prototype.writeFsInfo = function () {
    if (!this.fsInfoDirty || !this.hasFsInfo)
        return;
    var pos = this._fsInfoPos();
    this.cache.setU32(pos + 488, this.freeCount >= 0 ? this.freeCount : 0xFFFFFFFF);
    this.cache.setU32(pos + 492, this.nextFree);
    this.fsInfoDirty = false;
};

module.exports = FatTable;
