// A write-back cache of fixed-size blocks over a range of a blockdev (a
// partition), on the synchronous path (readSync/writeSync/flushSync, see
// docs/ahci.md): what a synchronous file system needs.
//
// Blocks are `blockSize` bytes (a multiple of the sector size). Their
// boundaries fall on sector `alignSector` of the range and every
// blockSize after it (the FAT data region, so that clusters start blocks);
// the first and last block may be shorter. Writes only mark blocks dirty: they reach
// the disk on flush() (fsync, sync, unmount, exit) or when a dirty block is
// evicted. The cache holds at most `capacity` blocks, the least recently
// used one goes first. Byte-level helpers (read, write, u16, u32...) address
// the range as one array of bytes, which is how FAT structures are defined.
'use strict';

// options: {lba (first sector of the range), sectors (its length),
//           blockSize (bytes, default 4096), capacity (blocks, default 1024),
//           alignSector (a sector that starts a block, default 0)}
function BlockCache(dev, options) {
    this.dev = dev;
    this.sectorSize = dev.sectorSize;
    this.lba = options.lba || 0;
    this.sectors = options.sectors !== undefined ? options.sectors : dev.sectorCount - this.lba;
    this.blockSize = options.blockSize || 4096;
    if (this.blockSize % this.sectorSize !== 0)
        throw new RangeError('block cache: block size ' + this.blockSize +
            ' is not a multiple of the sector size ' + this.sectorSize);
    this.sectorsPerBlock = this.blockSize / this.sectorSize;
    // Sectors before block 0's nominal start: block n covers sectors
    // [n * spb - skew, (n + 1) * spb - skew) of the range, clipped to it.
    this.skew = (this.sectorsPerBlock - (options.alignSector || 0) % this.sectorsPerBlock) %
        this.sectorsPerBlock;
    this.blockCount = Math.ceil((this.sectors + this.skew) / this.sectorsPerBlock);
    this.size = this.sectors * this.sectorSize;         // bytes in the range
    this.capacity = options.capacity || 1024;
    this.blocks = {};        // block number -> entry {n, data, dirty, prev, next}
    this.count = 0;
    this.unflushed = false;  // direct writes since the last FLUSH CACHE
    // The LRU list: head.next is the most recently used, head.prev the least.
    this.head = {};
    this.head.next = this.head.prev = this.head;
    this.counters = {hits: 0, misses: 0, reads: 0, writes: 0, blocksWritten: 0,
        evictions: 0, flushes: 0};
}

function unlink(e) { e.prev.next = e.next; e.next.prev = e.prev; }

BlockCache.prototype._touch = function (e) {
    unlink(e);
    e.next = this.head.next; e.prev = this.head;
    this.head.next.prev = e; this.head.next = e;
};

// Sectors in block n (the last block of the range may be short).
BlockCache.prototype._sectorsIn = function (n) {
    return this._first(n + 1) - this._first(n);
};

// The first sector of block n (the range's end for n = blockCount).
BlockCache.prototype._first = function (n) {
    return Math.min(Math.max(0, n * this.sectorsPerBlock - this.skew), this.sectors);
};

// The block holding byte `pos` of the range, and where it starts (bytes).
BlockCache.prototype._blockOf = function (pos) {
    return Math.floor((pos + this.skew * this.sectorSize) / this.blockSize);
};

BlockCache.prototype._insert = function (n, data) {
    while (this.count >= this.capacity)
        this._evict();
    var e = {n: n, data: data, dirty: false};
    e.next = this.head.next; e.prev = this.head;
    this.head.next.prev = e; this.head.next = e;
    this.blocks[n] = e;
    this.count++;
    return e;
};

// Drops the least recently used block. A dirty one is written together
// with the dirty blocks next to it on the disk (a large file written
// through a full cache then costs one command per run, not per block).
BlockCache.prototype._evict = function () {
    var e = this.head.prev;
    if (e.dirty) {
        var maxRun = Math.max(1, (2 << 20) / this.blockSize);
        var first = e.n, last = e.n;
        while (last - first + 1 < maxRun && this.blocks[first - 1] && this.blocks[first - 1].dirty)
            first--;
        while (last - first + 1 < maxRun && this.blocks[last + 1] && this.blocks[last + 1].dirty)
            last++;
        var run = [];
        for (var n = first; n <= last; n++)
            run.push(this.blocks[n]);
        this._writeRun(run);
    }
    unlink(e);
    delete this.blocks[e.n];
    this.count--;
    this.counters.evictions++;
};

// The entry of block n, read from the disk on a miss. `ahead` more blocks
// (those not cached, up to the first cached one) are read in the same
// command: a file read passes how much of its contiguous run is left.
BlockCache.prototype._entry = function (n, ahead) {
    if (n < 0 || n >= this.blockCount)
        throw new RangeError('block cache: block ' + n + ' is outside the range (' +
            this.blockCount + ' blocks)');
    var e = this.blocks[n];
    if (e) {
        this.counters.hits++;
        this._touch(e);
        return e;
    }
    this.counters.misses++;
    var last = n;
    var limit = Math.min(n + (ahead || 0), this.blockCount - 1, n + this.capacity / 2 - 1);
    while (last < limit && !this.blocks[last + 1])
        last++;
    var base = this._first(n), sectors = this._first(last + 1) - base;
    var bytes = new Uint8Array(sectors * this.sectorSize);
    this.dev.readSync(this.lba + base, sectors, bytes);
    this.counters.reads++;
    // Later blocks first, so that block n ends up the most recently used.
    for (var k = last; k >= n; k--) {
        var start = (this._first(k) - base) * this.sectorSize;
        var end = (this._first(k + 1) - base) * this.sectorSize;
        if (k !== n)
            this._insert(k, bytes.subarray(start, end));
        else
            e = this._insert(k, bytes.subarray(start, end));
    }
    return e;
};

// The bytes of block n (a view the caller may read; call markDirty(n) after
// changing it).
BlockCache.prototype.get = function (n, ahead) { return this._entry(n, ahead).data; };

BlockCache.prototype.markDirty = function (n) {
    var e = this.blocks[n];
    if (!e)
        throw new Error('block cache: markDirty of block ' + n + ' which is not cached');
    e.dirty = true;
};

// Large transfers bypass the cache: a run of at least DIRECT_MIN whole
// blocks of which none is cached moves straight between the disk and the
// caller's buffer in one command (streaming a big file through the cache
// would only evict everything else, and copy every byte twice).
var DIRECT_MIN = 16, DIRECT_MAX = 512;

// How many whole, uncached blocks from block n fit in `length` bytes
// (0 when fewer than DIRECT_MIN).
BlockCache.prototype._directBlocks = function (n, length) {
    var k = 0, limit = Math.min(Math.floor(length / this.blockSize), DIRECT_MAX);
    var last = this.blockCount - 1;
    while (k < limit && n + k <= last && !this.blocks[n + k] &&
        // only the first and the last block can be short
        ((n + k > 0 && n + k < last) || this._sectorsIn(n + k) === this.sectorsPerBlock))
        k++;
    return k >= DIRECT_MIN ? k : 0;
};

// Copies `length` bytes at byte `pos` of the range into u8[offset...].
BlockCache.prototype.read = function (pos, u8, offset, length, ahead) {
    var bs = this.blockSize;
    this._checkRange(pos, length);
    while (length > 0) {
        var n = this._blockOf(pos), at = pos - this._first(n) * this.sectorSize, take;
        var direct = at === 0 ? this._directBlocks(n, length) : 0;
        if (direct) {
            take = direct * bs;
            this.dev.readSync(this.lba + this._first(n), direct * this.sectorsPerBlock,
                u8.subarray(offset, offset + take));
            this.counters.misses += direct;
            this.counters.reads++;
        } else {
            take = Math.min(length, this._sectorsIn(n) * this.sectorSize - at);
            var data = this._entry(n, ahead).data;
            u8.set(data.subarray(at, at + take), offset);
        }
        pos += take; offset += take; length -= take;
    }
};

// Copies u8[offset...offset+length) to byte `pos` of the range. A block
// written whole is not read first.
BlockCache.prototype.write = function (pos, u8, offset, length) {
    var bs = this.blockSize;
    this._checkRange(pos, length);
    while (length > 0) {
        var n = this._blockOf(pos), at = pos - this._first(n) * this.sectorSize;
        var direct = at === 0 ? this._directBlocks(n, length) : 0;
        if (direct) {             // on the disk now; the FLUSH CACHE comes at flush()
            this.dev.writeSync(this.lba + this._first(n),
                direct * this.sectorsPerBlock, u8.subarray(offset, offset + direct * bs));
            this.counters.writes++;
            this.counters.blocksWritten += direct;
            this.unflushed = true;
            pos += direct * bs; offset += direct * bs; length -= direct * bs;
            continue;
        }
        var take = Math.min(length, this._sectorsIn(n) * this.sectorSize - at);
        var e = this.blocks[n];
        if (!e && at === 0 && take === this._sectorsIn(n) * this.sectorSize) {
            this.counters.misses++;
            e = this._insert(n, new Uint8Array(take));
        } else if (!e) {
            e = this._entry(n);
        } else {
            this.counters.hits++;
            this._touch(e);
        }
        e.data.set(u8.subarray(offset, offset + take), at);
        e.dirty = true;
        pos += take; offset += take; length -= take;
    }
};

// Sets `length` bytes at `pos` to zero (new directory clusters, file gaps).
BlockCache.prototype.zero = function (pos, length) {
    var zeros = new Uint8Array(Math.min(length, this.blockSize));
    while (length > 0) {
        var take = Math.min(length, zeros.length);
        this.write(pos, zeros, 0, take);
        pos += take; length -= take;
    }
};

BlockCache.prototype._checkRange = function (pos, length) {
    if (pos < 0 || length < 0 || pos + length > this.size)
        throw new RangeError('block cache: bytes ' + pos + '..' + (pos + length) +
            ' are outside the range (' + this.size + ' bytes)');
};

// Little-endian integers at a byte position (FAT entries, directory fields).
var scratch = new Uint8Array(4);
BlockCache.prototype.u8 = function (pos) {
    this.read(pos, scratch, 0, 1);
    return scratch[0];
};
BlockCache.prototype.u16 = function (pos) {
    this.read(pos, scratch, 0, 2);
    return scratch[0] | scratch[1] << 8;
};
BlockCache.prototype.u32 = function (pos) {
    this.read(pos, scratch, 0, 4);
    return (scratch[0] | scratch[1] << 8 | scratch[2] << 16 | scratch[3] << 24) >>> 0;
};
BlockCache.prototype.setU16 = function (pos, v) {
    scratch[0] = v & 0xff; scratch[1] = v >>> 8 & 0xff;
    this.write(pos, scratch, 0, 2);
};
BlockCache.prototype.setU32 = function (pos, v) {
    scratch[0] = v & 0xff; scratch[1] = v >>> 8 & 0xff;
    scratch[2] = v >>> 16 & 0xff; scratch[3] = v >>> 24 & 0xff;
    this.write(pos, scratch, 0, 4);
};

// Writes the entries (ascending, contiguous blocks) in one command.
BlockCache.prototype._writeRun = function (run) {
    var first = run[0].n, last = run[run.length - 1].n;
    var base = this._first(first), sectors = this._first(last + 1) - base;
    var bytes;
    if (run.length === 1) {
        bytes = run[0].data;
    } else {
        bytes = new Uint8Array(sectors * this.sectorSize);
        for (var i = 0; i < run.length; i++)
            bytes.set(run[i].data, (this._first(run[i].n) - base) * this.sectorSize);
    }
    this.dev.writeSync(this.lba + base, sectors, bytes);
    this.counters.writes++;
    this.counters.blocksWritten += run.length;
    for (var j = 0; j < run.length; j++)
        run[j].dirty = false;
};

// Writes every dirty block (adjacent ones together, at most 2 MiB a
// command), then asks the disk to put its own cache on the medium.
BlockCache.prototype.flush = function () {
    var dirty = [];
    for (var key in this.blocks)
        if (this.blocks[key].dirty)
            dirty.push(this.blocks[key]);
    dirty.sort(function (a, b) { return a.n - b.n; });
    var maxRun = Math.max(1, (2 << 20) / this.blockSize);
    var run = [];
    for (var i = 0; i < dirty.length; i++) {
        var e = dirty[i];
        if (run.length && (e.n !== run[run.length - 1].n + 1 || run.length >= maxRun)) {
            this._writeRun(run);
            run = [];
        }
        run.push(e);
    }
    if (run.length)
        this._writeRun(run);
    if ((dirty.length || this.unflushed) && this.dev.flushSync)
        this.dev.flushSync();
    this.unflushed = false;
    this.counters.flushes++;
    return dirty.length;
};

BlockCache.prototype.dirtyCount = function () {
    var n = 0;
    for (var key in this.blocks)
        if (this.blocks[key].dirty)
            n++;
    return n;
};

// Forgets every block (after flush(): nothing dirty is lost).
BlockCache.prototype.drop = function () {
    if (this.dirtyCount())
        throw new Error('block cache: drop() with dirty blocks; flush() first');
    this.blocks = {};
    this.count = 0;
    this.head.next = this.head.prev = this.head;
};

BlockCache.prototype.stats = function () {
    var c = this.counters;
    return {hits: c.hits, misses: c.misses, reads: c.reads, writes: c.writes,
        blocksWritten: c.blocksWritten, evictions: c.evictions, flushes: c.flushes,
        cached: this.count, dirty: this.dirtyCount(), capacity: this.capacity,
        blockSize: this.blockSize};
};

module.exports = BlockCache;
