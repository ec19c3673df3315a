// FAT12/16/32 with long file names: the file-system object of the VFS
// contract (docs/fs-fat.md, /work/briefs/fs-contract.md) over a blockdev
// range (a partition or a whole superfloppy disk).
//
//   var fat = require('/js-drivers/fs/fat.js');
//   var fs = fat.mount(blockdev, {lba: 2048, sectors: 100000, name: 'sda1'});
//   var node = fs.lookup(fs.root, 'README.TXT');
//
// Layers, one file each: block_cache.js (sectors, write-back), fat_bpb.js
// (the boot sector), fat_table.js (cluster chains), fat_dir.js (directory
// entries), fat_name.js (short and long names), fat_time.js (timestamps).
// This file ties them together: nodes, files' data, and the operations.
//
// Nodes are cached by the byte position of their short entry, so the VFS
// and the fs see one object per file. All calls are synchronous; errors are
// negative errno numbers; an exception means a bug (or an I/O error of the
// disk, which the VFS turns into -EIO).
'use strict';

var errno = require('../core/errno.js');
var BlockCache = require('./block_cache.js');
var bpb = require('./fat_bpb.js');
var FatTable = require('./fat_table.js');
var dir = require('./fat_dir.js');
var names = require('./fat_name.js');

var ATTR = dir.ATTR;
var MAX_FILE = 0xFFFFFFFF;          // sizes are 32-bit (the spec §6)

function FatFs(dev, options) {
    options = options || {};
    var lba = options.lba || 0;
    var sectors = options.sectors !== undefined ? options.sectors : dev.sectorCount - lba;
    this.name = options.name || dev.name;
    this.type = 'vfat';
    this.readOnly = !!options.readOnly;
    var boot = new Uint8Array(dev.sectorSize);
    dev.readSync(lba, 1, boot);
    this.g = bpb.parse(boot, sectors * dev.sectorSize);
    // Blocks start where clusters do, so that whole clusters are whole blocks.
    this.cache = new BlockCache(dev, {lba: lba, sectors: sectors,
        blockSize: options.blockSize || 4096, capacity: options.cacheBlocks || 1024,
        alignSector: this.g.firstDataSector * this.g.bytesPerSector / dev.sectorSize});
    this.table = new FatTable(this.cache, this.g);
    this.nodes = {};                 // entry position -> node
    this.now = options.now || Date.now;
    this.root = {ino: 1, type: 'dir', isRoot: true, fixedRoot: this.g.type !== 32,
        cluster: this.g.rootCluster, size: 0, attr: ATTR.DIRECTORY, clusters: null,
        mtimeMs: 0, atimeMs: 0, birthtimeMs: 0, pos: -1};
    if (!this.root.fixedRoot && this._clusters(this.root) < 0) {
        var e = new Error('not a valid FAT volume: the root directory chain from cluster ' +
            this.g.rootCluster + ' is broken');
        e.code = 'EINVAL';
        throw e;
    }
}

// -- nodes and their clusters --------------------------------------------------

// The clusters of a node's chain (cached in the node): count, or -EIO.
FatFs.prototype._clusters = function (node) {
    if (node.fixedRoot)
        return 0;
    if (!node.clusters) {
        var chain = this.table.chain(node.cluster);
        if (typeof chain === 'number')
            return chain;
        node.clusters = chain;
    }
    return node.clusters.length;
};

// The node of a directory entry (one object per entry position). Once
// made, a node is what is true of its file (every change goes through it
// and then to the disk): a directory listing only tells where it is.
FatFs.prototype._node = function (parent, e) {
    var node = this.nodes[e.pos];
    if (node) {
        node.parent = parent;
        node.slot = e.slot;
        node.firstSlot = e.firstSlot;
        node.name = e.name;
        return node;
    }
    node = {clusters: null};
    this.nodes[e.pos] = node;
    node.ino = e.pos / 32;
    node.type = e.isDir ? 'dir' : 'file';
    node.parent = parent;
    node.pos = e.pos;
    node.slot = e.slot;
    node.firstSlot = e.firstSlot;
    node.name = e.name;
    node.short = e.short;
    node.caseFlags = e.caseFlags;
    node.attr = e.attr;
    node.cluster = e.cluster;
    node.size = e.isDir ? 0 : e.size;
    node.mtimeMs = e.mtimeMs;
    node.atimeMs = e.atimeMs;
    node.birthtimeMs = e.birthtimeMs;
    return node;
};

// Writes the node's short entry (size, first cluster, attributes, times).
FatFs.prototype._store = function (node) {
    if (node.isRoot)
        return;
    var bytes = dir.encodeShort({short: node.short, caseFlags: node.caseFlags, attr: node.attr,
        cluster: node.cluster, size: node.type === 'dir' ? 0 : node.size,
        birthtimeMs: node.birthtimeMs, atimeMs: node.atimeMs, mtimeMs: node.mtimeMs});
    this.cache.write(node.pos, bytes, 0, 32);
};

FatFs.prototype._listing = function (d) {
    if (d.type !== 'dir')
        return -errno.ENOTDIR;
    if (d.stale)
        return -errno.ENOENT;
    var n = this._clusters(d);
    if (n < 0)
        return n;
    // Kept until the directory's entries change (_insert, _erase): lookups
    // and creations in one directory then cost no rescan.
    if (!d.listing)
        d.listing = dir.scan(this, d);
    return d.listing;
};

// -- lookups ------------------------------------------------------------------

FatFs.prototype.lookup = function (d, name) {
    var listing = this._listing(d);
    if (typeof listing === 'number')
        return listing;
    var e = dir.find(listing, name);
    return e ? this._node(d, e) : -errno.ENOENT;
};

FatFs.prototype.readdir = function (d) {
    var listing = this._listing(d);
    if (typeof listing === 'number')
        return listing;
    return listing.entries.map(function (e) {
        return {name: e.name, ino: e.pos / 32, type: e.isDir ? 'dir' : 'file'};
    });
};

FatFs.prototype.getattr = function (node) {
    var bs = this.g.clusterSize;
    var size = node.type === 'dir' ? Math.max(this._clusters(node), 0) * bs : node.size;
    if (node.fixedRoot)
        size = this.g.rootEntries * 32;
    // FAT has no permissions: everything rwx for all, minus write when the
    // read-only attribute is set (as Linux's vfat shows it with umask 0).
    var mode = node.type === 'dir' ? 0x4000 | 0x1FF : 0x8000 | 0x1FF;
    if (node.attr & ATTR.READ_ONLY)
        mode &= ~0x92;
    return {type: node.type, mode: mode, size: size, ino: node.ino, nlink: 1, uid: 0, gid: 0,
        atimeMs: node.atimeMs, mtimeMs: node.mtimeMs, ctimeMs: node.mtimeMs,
        birthtimeMs: node.birthtimeMs, blksize: bs,
        blocks: Math.ceil(size / bs) * bs / 512, rdev: 0};
};

FatFs.prototype.setattr = function (node, attrs) {
    if (this.readOnly)
        return -errno.EROFS;
    if (node.isRoot)
        return 0;                        // the root has no entry to keep times in
    if (attrs.mode !== undefined) {
        if (attrs.mode & 0x92)
            node.attr &= ~ATTR.READ_ONLY;
        else
            node.attr |= ATTR.READ_ONLY;
    }
    if (attrs.atimeMs !== undefined)
        node.atimeMs = attrs.atimeMs;
    if (attrs.mtimeMs !== undefined)
        node.mtimeMs = attrs.mtimeMs;
    this._store(node);
    return 0;
};

// -- file data ----------------------------------------------------------------

FatFs.prototype.read = function (node, position, u8, offset, length) {
    if (node.type === 'dir')
        return -errno.EISDIR;
    if (node.stale)
        return -errno.ESTALE;
    if (position >= node.size || length <= 0)
        return 0;
    length = Math.min(length, node.size - position);
    var bad = this._checkChain(node);
    if (bad)
        return bad;
    var cache = this.cache;
    this._extents(node, position, length, function (pos, done, take) {
        var ahead = Math.min(Math.ceil(take / cache.blockSize), 64);
        cache.read(pos, u8, offset + done, take, ahead);
    });
    return length;
};

// Calls fn(volume byte position, bytes done before, bytes) for each piece
// of the node's bytes [position, position + length) that lies in clusters
// following each other on the disk (one piece, one cache call).
FatFs.prototype._extents = function (node, position, length, fn) {
    var cs = this.g.clusterSize, done = 0, list = node.clusters;
    while (done < length) {
        var k = Math.floor((position + done) / cs), at = (position + done) % cs;
        var run = 1;
        while (k + run < list.length && list[k + run] === list[k] + run &&
            run * cs - at < length - done)
            run++;
        var take = Math.min(run * cs - at, length - done);
        fn(bpb.clusterOffset(this.g, list[k]) + at, done, take);
        done += take;
    }
};

// 0 when the node's chain is readable and long enough for its size, else
// -EIO (a corrupt volume: fsck.fat repairs it; we neither read nor extend it).
FatFs.prototype._checkChain = function (node) {
    var have = this._clusters(node);
    if (have < 0)
        return have;
    return have < Math.ceil(node.size / this.g.clusterSize) ? -errno.EIO : 0;
};

// Makes the node's chain long enough for `bytes`; returns the bytes it
// can hold now (fewer when the volume is full), or -EIO.
FatFs.prototype._reserve = function (node, bytes) {
    var have = this._clusters(node);
    if (have < 0)
        return have;
    var cs = this.g.clusterSize;
    var need = Math.ceil(bytes / cs) - have;
    if (need > 0) {
        var count = Math.min(need, this.table.free());
        var added = count > 0 ? this.table.allocate(count,
            have ? node.clusters[have - 1] : 0) : [];
        if (added === null)              // the free count was wrong; it is right now
            added = this.table.allocate(Math.min(need, this.table.free()),
                have ? node.clusters[have - 1] : 0) || [];
        if (added.length && have === 0) {
            node.cluster = added[0];
        }
        for (var i = 0; i < added.length; i++)
            node.clusters.push(added[i]);
    }
    return Math.min(bytes, node.clusters.length * cs);
};

// Writes zeros over bytes [from, to) of the node's data (its chain holds them).
FatFs.prototype._zero = function (node, from, to) {
    var cache = this.cache;
    this._extents(node, from, to - from, function (pos, done, take) { cache.zero(pos, take); });
};

// 0 when the node's data may be changed, else why not (-errno).
FatFs.prototype._changeable = function (node) {
    if (this.readOnly)
        return -errno.EROFS;
    if (node.type === 'dir')
        return -errno.EISDIR;
    return node.stale ? -errno.ESTALE : 0;
};

FatFs.prototype.write = function (node, position, u8, offset, length) {
    var refused = this._changeable(node);
    if (refused)
        return refused;
    if (length <= 0)
        return 0;
    if (position >= MAX_FILE)
        return -errno.EFBIG;
    length = Math.min(length, MAX_FILE - position);
    var bad = this._checkChain(node);
    if (bad)
        return bad;
    var room = this._reserve(node, position + length);
    if (room < 0)
        return room;
    if (room <= position) {               // not even one byte fits: take nothing
        this._release(node, Math.ceil(node.size / this.g.clusterSize));
        return -errno.ENOSPC;
    }
    length = Math.min(length, room - position);
    if (position > node.size)            // a hole reads as zeros
        this._zero(node, node.size, position);
    var cache = this.cache;
    this._extents(node, position, length, function (pos, done, take) {
        cache.write(pos, u8, offset + done, take);
    });
    node.size = Math.max(node.size, position + length);
    node.mtimeMs = node.atimeMs = this.now();
    node.attr |= ATTR.ARCHIVE;
    this._store(node);
    return length;
};

FatFs.prototype.truncate = function (node, size) {
    var refused = this._changeable(node);
    if (refused)
        return refused;
    if (size < 0)
        return -errno.EINVAL;
    if (size > MAX_FILE)
        return -errno.EFBIG;
    var bad = this._checkChain(node);
    if (bad)
        return bad;
    var cs = this.g.clusterSize;
    if (size > node.size) {
        var room = this._reserve(node, size);
        if (room < 0)
            return room;
        if (room < size) {
            this._release(node, Math.ceil(node.size / cs));   // give back what we took
            return -errno.ENOSPC;
        }
        this._zero(node, node.size, size);
    } else {
        this._release(node, Math.ceil(size / cs));
    }
    node.size = size;
    node.mtimeMs = this.now();
    node.attr |= ATTR.ARCHIVE;
    this._store(node);
    return 0;
};

// Keeps the first `keep` clusters of the node's chain and frees the rest.
FatFs.prototype._release = function (node, keep) {
    var list = node.clusters;
    if (keep >= list.length)
        return;
    this.table.freeChain(list.slice(keep));
    if (keep === 0)
        node.cluster = 0;
    else
        this.table.set(list[keep - 1], this.table.eoc);
    node.clusters = list.slice(0, keep);
};

// -- creating and removing entries ---------------------------------------------

// Writes the entries of `name` (LFN entries, then the short one with the
// fields of `f`) into directory d; returns the new node or -errno.
FatFs.prototype._insert = function (d, listing, name, f) {
    var taken = {};
    listing.entries.forEach(function (e) { taken[e.short] = true; });
    var short = names.generateShortName(name, function (s) { return taken[s] === true; });
    var lfn = short === names.exactShortName(name) ? [] : names.lfnEntries(name, short);
    var need = lfn.length + 1;
    var first = dir.findFreeRun(listing, need);
    while (first < 0) {                  // grow the directory by one cluster
        if (d.fixedRoot || listing.count + this.g.clusterSize / 32 > dir.MAX_SLOTS)
            return -errno.ENOSPC;
        var before = d.clusters.length;
        if (this._reserve(d, (before + 1) * this.g.clusterSize) <= before * this.g.clusterSize)
            return -errno.ENOSPC;
        this._zero(d, before * this.g.clusterSize, (before + 1) * this.g.clusterSize);
        listing = dir.scan(this, d);
        first = dir.findFreeRun(listing, need);
    }
    for (var i = 0; i < lfn.length; i++)
        this.cache.write(dir.slotPos(this, d, first + i), lfn[i], 0, 32);
    f.short = short;
    var slot = first + lfn.length;
    var pos = dir.slotPos(this, d, slot);
    this.cache.write(pos, dir.encodeShort(f), 0, 32);
    f.name = name;
    f.pos = pos;
    f.slot = slot;
    f.firstSlot = first;
    f.isDir = (f.attr & ATTR.DIRECTORY) !== 0;
    f.caseFlags = f.caseFlags || 0;
    if (d.listing === listing) {         // the kept listing, brought up to date
        listing.entries.push(f);
        for (var k = first; k <= slot; k++)
            listing.free[k] = 0;
        listing.index = null;
    } else {
        d.listing = null;
    }
    return this._node(d, f);
};

// Marks the node's entries deleted (0xE5) in its parent.
FatFs.prototype._erase = function (node) {
    var mark = new Uint8Array([0xE5]);
    for (var i = node.firstSlot; i <= node.slot; i++)
        this.cache.write(dir.slotPos(this, node.parent, i), mark, 0, 1);
    var listing = node.parent.listing;
    if (listing) {                       // the kept listing, brought up to date
        listing.entries = listing.entries.filter(function (e) { return e.pos !== node.pos; });
        for (i = node.firstSlot; i <= node.slot; i++)
            listing.free[i] = 1;
        listing.index = null;
    }
    delete this.nodes[node.pos];
};

FatFs.prototype._prepareNew = function (d, name) {
    if (this.readOnly)
        return -errno.EROFS;
    var bad = names.checkLongName(name);
    if (bad)
        return bad;
    var listing = this._listing(d);
    if (typeof listing === 'number')
        return listing;
    if (dir.find(listing, name))
        return -errno.EEXIST;
    return listing;
};

FatFs.prototype.create = function (d, name, mode) {
    var listing = this._prepareNew(d, name);
    if (typeof listing === 'number')
        return listing;
    var now = this.now();
    var attr = ATTR.ARCHIVE | (mode !== undefined && !(mode & 0x92) ? ATTR.READ_ONLY : 0);
    return this._insert(d, listing, name, {attr: attr, cluster: 0, size: 0,
        birthtimeMs: now, atimeMs: now, mtimeMs: now});
};

FatFs.prototype.mkdir = function (d, name) {
    var listing = this._prepareNew(d, name);
    if (typeof listing === 'number')
        return listing;
    var made = this.table.allocate(1, 0);
    if (!made)
        return -errno.ENOSPC;
    var cluster = made[0], now = this.now();
    this.cache.zero(bpb.clusterOffset(this.g, cluster), this.g.clusterSize);
    // "." and ".." (the spec §6.7; ".." of a child of the root is cluster 0).
    var dot = {short: '.          ', attr: ATTR.DIRECTORY, cluster: cluster, size: 0,
        birthtimeMs: now, atimeMs: now, mtimeMs: now};
    this.cache.write(bpb.clusterOffset(this.g, cluster), dir.encodeShort(dot), 0, 32);
    dot.short = '..         ';
    dot.cluster = d.isRoot ? 0 : d.cluster;
    this.cache.write(bpb.clusterOffset(this.g, cluster) + 32, dir.encodeShort(dot), 0, 32);
    var node = this._insert(d, listing, name, {attr: ATTR.DIRECTORY, cluster: cluster, size: 0,
        birthtimeMs: now, atimeMs: now, mtimeMs: now});
    if (typeof node === 'number')
        this.table.freeChain([cluster]);
    else
        node.clusters = [cluster];
    return node;
};

// Removes the entry `name` of d (a file when wantDir is false, an empty
// directory when true) and frees its clusters. An open file's node becomes
// stale: its reads and writes give -ESTALE (FAT has no place to keep an
// unlinked file's clusters until it is closed).
FatFs.prototype._remove = function (d, name, wantDir) {
    if (this.readOnly)
        return -errno.EROFS;
    var node = this.lookup(d, name);
    if (typeof node === 'number')
        return node;
    if (wantDir && node.type !== 'dir')
        return -errno.ENOTDIR;
    if (!wantDir && node.type === 'dir')
        return -errno.EISDIR;
    if (wantDir) {
        var inside = this._listing(node);
        if (typeof inside === 'number')
            return inside;
        if (inside.entries.length)
            return -errno.ENOTEMPTY;
    }
    var chain = this._clusters(node) < 0 ? [] : node.clusters;
    this._erase(node);
    this.table.freeChain(chain);
    node.stale = true;
    return 0;
};

FatFs.prototype.unlink = function (d, name) { return this._remove(d, name, false); };
FatFs.prototype.rmdir = function (d, name) { return this._remove(d, name, true); };

// Is directory `a` the same as, or inside, directory `b`? (Moving b into
// its own subtree would cut it off.) Walks a's parents through ".." on disk.
FatFs.prototype._isWithin = function (a, b) {
    var cluster = a.isRoot ? 0 : a.cluster;
    var target = b.isRoot ? 0 : b.cluster;
    for (var steps = 0; steps < 4096; steps++) {
        if (cluster === target)
            return true;
        if (cluster === 0)
            return false;
        var dotdot = this.cache.u16(bpb.clusterOffset(this.g, cluster) + 32 + 26) |
            this.cache.u16(bpb.clusterOffset(this.g, cluster) + 32 + 20) << 16;
        if (dotdot === this.g.rootCluster)
            dotdot = 0;
        cluster = dotdot >>> 0;
    }
    return true;                         // a loop of ".." entries: refuse
};

FatFs.prototype.rename = function (oldDir, oldName, newDir, newName) {
    if (this.readOnly)
        return -errno.EROFS;
    var bad = names.checkLongName(newName);
    if (bad)
        return bad;
    var node = this.lookup(oldDir, oldName);
    if (typeof node === 'number')
        return node;
    var listing = this._listing(newDir);
    if (typeof listing === 'number')
        return listing;
    if (node.type === 'dir' && this._isWithin(newDir, node))
        return -errno.EINVAL;
    var existing = dir.find(listing, newName);
    var target = existing ? this._node(newDir, existing) : null;
    if (target === node) {
        if (node.name === newName)
            return 0;                    // the same entry under the same name
        target = null;                   // a change of case only
    }
    if (target) {
        if (target.type === 'dir' && node.type !== 'dir')
            return -errno.EISDIR;
        if (target.type !== 'dir' && node.type === 'dir')
            return -errno.ENOTDIR;
        var r = target.type === 'dir' ? this.rmdir(newDir, target.name)
            : this.unlink(newDir, target.name);
        if (r < 0)
            return r;
        listing = this._listing(newDir);
    }
    // The new entries first, then the old ones erased: a crash in between
    // leaves two names for one chain (fsck repairs that), never none.
    var oldPos = node.pos, oldParent = node.parent;
    var fields = {attr: node.attr, cluster: node.cluster, size: node.size,
        birthtimeMs: node.birthtimeMs, atimeMs: node.atimeMs, mtimeMs: node.mtimeMs};
    if (oldDir === newDir)              // erase first so the old entry's slots can be reused
        return this._renameInPlace(node, listing, newName, fields);
    var moved = this._insert(newDir, listing, newName, fields);
    if (typeof moved === 'number')
        return moved;
    var old = {pos: oldPos, parent: oldParent, firstSlot: node.firstSlot, slot: node.slot};
    this._erase(old);
    this._adopt(moved, node);
    if (node.type === 'dir') {           // its ".." now names the new parent
        var dotdot = bpb.clusterOffset(this.g, node.cluster) + 32;
        var parentCluster = newDir.isRoot ? 0 : newDir.cluster;
        this.cache.setU16(dotdot + 26, parentCluster & 0xFFFF);
        this.cache.setU16(dotdot + 20, parentCluster >>> 16);
    }
    return 0;
};

FatFs.prototype._renameInPlace = function (node, listing, newName, fields) {
    var old = {pos: node.pos, parent: node.parent, firstSlot: node.firstSlot, slot: node.slot};
    var keep = listing.entries.filter(function (e) { return e.pos !== node.pos; });
    var moved = this._insert(node.parent, {entries: keep, free: listing.free,
        count: listing.count}, newName, fields);
    if (typeof moved === 'number')
        return moved;
    if (moved.pos !== old.pos)
        this._erase(old);
    this._adopt(moved, node);
    return 0;
};

// After a rename: the node object the VFS holds takes over the new entry.
FatFs.prototype._adopt = function (fresh, node) {
    if (fresh === node)
        return;
    var keys = ['ino', 'parent', 'pos', 'slot', 'firstSlot', 'name', 'short', 'caseFlags'];
    for (var i = 0; i < keys.length; i++)
        node[keys[i]] = fresh[keys[i]];
    this.nodes[node.pos] = node;
};

// -- whole file system ---------------------------------------------------------

FatFs.prototype.fsync = function () { return this.sync(); };

FatFs.prototype.sync = function () {
    if (!this.readOnly)
        this.table.writeFsInfo();
    this.cache.flush();
    return 0;
};

FatFs.prototype.unmount = function () {
    var r = this.sync();
    this.cache.drop();
    this.nodes = {};
    this.root.listing = null;
    return r;
};

FatFs.prototype.statfs = function () {
    return {bsize: this.g.clusterSize, blocks: this.g.clusterCount, bfree: this.table.free(),
        files: 0, ffree: 0, namemax: names.MAX_LONG};
};

// A line about the volume (automount logs it).
FatFs.prototype.describe = function () {
    var g = this.g;
    return this.name + ': FAT' + g.type + (g.label && g.label !== 'NO NAME' ? ' "' + g.label + '"'
        : '') + ', ' + g.clusterCount + ' clusters of ' + g.clusterSize + ' bytes (' +
        (g.clusterCount * g.clusterSize / 1048576).toFixed(1) + ' MiB)';
};

function mount(dev, options) { return new FatFs(dev, options); }

module.exports = {mount: mount, FatFs: FatFs};
