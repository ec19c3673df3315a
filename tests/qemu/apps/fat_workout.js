// What the FAT tests do with a mounted volume (a js-drivers/fs/fat.js file
// system object), shared by the hosted test (tests/js/fat.js, a disk in
// memory) and the QEMU scenarios (tests/qemu/scenarios/fat.py, an AHCI
// disk). The host side knows the same steps (tests/qemu/fat_workout.py) and
// checks the lines printed here and the image afterwards with mtools and
// fsck.fat.
'use strict';

// FNV-1a, 32-bit, over little-endian 32-bit words and then the 0-3 bytes
// left (tools/jsklib/fatimage.py fnv): a quarter of the steps of a hash of
// bytes, which matters under QEMU's TCG.
function fnv(u8, length) {
    var h = 0x811C9DC5 | 0, words = length >> 2, imul = Math.imul;
    var w32 = new Int32Array(u8.buffer, u8.byteOffset, words);
    for (var i = 0; i < words; i++)
        h = imul(h ^ w32[i], 0x01000193);
    for (var j = words * 4; j < length; j++)
        h = imul(h ^ u8[j], 0x01000193);
    return ('0000000' + (h >>> 0).toString(16)).slice(-8);
}

// Deterministic contents (fat_workout.py pattern()).
function pattern(length, seed) {
    var u8 = new Uint8Array(length);
    for (var i = 0; i < length; i++)
        u8[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
    return u8;
}

function bytes(s) {        // ASCII
    var u8 = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++)
        u8[i] = s.charCodeAt(i);
    return u8;
}

function must(value, what) {
    if (typeof value === 'number' && value < 0)
        throw new Error(what + ': error ' + value);
    return value;
}

// The node at a '/'-separated path.
function walk(fs, path) {
    var node = fs.root;
    path.split('/').forEach(function (part) {
        if (part)
            node = must(fs.lookup(node, part), 'lookup ' + path);
    });
    return node;
}

function parentOf(fs, path) {
    var slash = path.lastIndexOf('/');
    return {dir: slash < 0 ? fs.root : walk(fs, path.slice(0, slash)),
        name: path.slice(slash + 1)};
}

function readAll(fs, node) {
    var u8 = new Uint8Array(node.size), done = 0;
    while (done < node.size) {        // in pieces of 64 KiB, as read() calls come
        var n = must(fs.read(node, done, u8, done, Math.min(65536, node.size - done)), 'read');
        if (n === 0)
            throw new Error('read: early end at ' + done + ' of ' + node.size);
        done += n;
    }
    return u8;
}

// Files larger than this are listed without a hash (hashing 5 MiB in
// JavaScript takes seconds under TCG): copyBig() copies them and the host
// compares the copy with the original.
var HASH_LIMIT = 262144;

// Every file and directory: 'D path' or 'F path size hash', sorted.
function list(fs) {
    var lines = [];
    (function visit(dir, prefix) {
        must(fs.readdir(dir), 'readdir ' + prefix).forEach(function (e) {
            var path = prefix + e.name;
            var node = must(fs.lookup(dir, e.name), 'lookup ' + path);
            if (e.type === 'dir') {
                lines.push('D ' + path);
                visit(node, path + '/');
            } else {
                lines.push('F ' + path + ' ' + node.size + ' ' + (node.size > HASH_LIMIT ? '-'
                    : fnv(readAll(fs, node), node.size)));
            }
        });
    })(fs.root, '');
    return lines.sort();
}

function writeFile(fs, path, u8, chunk) {
    var p = parentOf(fs, path);
    var node = fs.lookup(p.dir, p.name);
    if (typeof node === 'number')
        node = must(fs.create(p.dir, p.name, 0x1A4), 'create ' + path);
    chunk = chunk || u8.length;
    for (var at = 0; at < u8.length; at += chunk) {
        var n = Math.min(chunk, u8.length - at);
        var w = must(fs.write(node, at, u8.subarray(at, at + n), 0, n), 'write ' + path);
        if (w !== n)
            throw new Error('write ' + path + ': ' + w + ' of ' + n);
    }
    return node;
}

function code(r) {
    var names = {2: 'ENOENT', 5: 'EIO', 17: 'EEXIST', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL',
        28: 'ENOSPC', 36: 'ENAMETOOLONG', 39: 'ENOTEMPTY'};
    return typeof r === 'number' && r < 0 ? names[-r] || String(r) : 'ok';
}

// The changes (fat_workout.py apply_changes() makes the same to its tree).
function modify(fs, print) {
    var root = fs.root;
    // A copy of big.bin read and written in pieces of 64 KiB: the host
    // compares it with its original, byte for byte.
    var big = walk(fs, 'big.bin'), copy = must(fs.create(root, 'copy of big.bin', 0x1A4), 'create');
    var piece = new Uint8Array(65536);
    for (var at = 0; at < big.size; at += piece.length) {
        var n = must(fs.read(big, at, piece, 0, piece.length), 'read big.bin');
        if (must(fs.write(copy, at, piece, 0, n), 'write the copy') !== n)
            throw new Error('short write of the copy at ' + at);
    }
    var fresh = must(fs.mkdir(root, 'new', 0x1ED), 'mkdir new');
    writeFile(fs, 'new/created with a long name.txt', pattern(10000, 2), 999);
    var hello = walk(fs, 'hello.txt');
    must(fs.write(hello, hello.size, bytes('more\n'), 0, 5), 'append');
    must(fs.truncate(walk(fs, 'big.bin'), 1048576 + 123), 'truncate big.bin');
    must(fs.rename(root, 'A Long File Name With Spaces.txt', fresh, 'renamed long.txt'),
        'rename across directories');
    must(fs.rename(walk(fs, 'dir1'), 'sub dir', root, 'moved dir'), 'rename a directory');
    writeFile(fs, 'moved dir/deep/after move.txt', bytes('after\n'));
    must(fs.unlink(root, 'UPPER.TXT'), 'unlink');
    var many = walk(fs, 'many'), i;
    for (i = 0; i < 30; i++)
        must(fs.unlink(many, 'file_' + ('00' + i).slice(-3) + '.txt'), 'unlink many');
    must(fs.mkdir(root, 'empty', 0x1ED), 'mkdir empty');
    must(fs.rmdir(root, 'empty'), 'rmdir empty');
    writeFile(fs, 'new.txt', bytes('replacement\n'));
    must(fs.rename(root, 'new.txt', root, 'replace_me.txt'), 'rename over a file');
    must(fs.write(must(fs.create(root, 'hole.bin', 0x1A4), 'create'), 70000, bytes('end'), 0, 3),
        'write past the end');
    must(fs.rename(root, 'mixed.Case.Name.md', root, 'MIXED.case.name.md'), 'change of case');
    writeFile(fs, 'grow.bin', pattern(300000, 3), 4096 + 17);
    for (var k = 0; k < 40; k++)      // a directory that needs more clusters
        writeFile(fs, 'new/entry number ' + k + ' with a long name', bytes('n' + k + '\n'));

    print('case-insensitive lookup: ' + fs.lookup(root, 'HELLO.TXT').name);
    var inner = must(fs.mkdir(fresh, 'inner', 0x1ED), 'mkdir new/inner');
    var errs = [
        ['lookup missing', fs.lookup(root, 'missing.txt')],
        ['create existing', fs.create(root, 'Hello.TXT', 0x1A4)],
        ['name of 256', fs.create(root, new Array(257).join('n'), 0x1A4)],
        ['name with *', fs.create(root, 'a*b', 0x1A4)],
        ['unlink a directory', fs.unlink(root, 'new')],
        ['rmdir a file', fs.rmdir(root, 'hello.txt')],
        ['rmdir not empty', fs.rmdir(root, 'many')],
        ['move into itself', fs.rename(root, 'new', inner, 'x')],
        ['file over directory', fs.rename(root, 'hello.txt', root, 'many')]
    ];
    must(fs.rmdir(fresh, 'inner'), 'rmdir inner');
    print('errors: ' + errs.map(function (e) { return e[0] + ' ' + code(e[1]); }).join(', '));
    must(fs.sync(), 'sync');
}

// Fills the volume: one file grows by 64 KiB writes until the disk is full.
function fill(fs, print) {
    var before = fs.statfs();
    var node = must(fs.create(fs.root, 'fill.bin', 0x1A4), 'create fill.bin');
    var chunk = pattern(65536, 4), at = 0, last = 0;
    for (var n = 0; n < 100000; n++) {
        last = fs.write(node, at, chunk, 0, chunk.length);
        if (last <= 0)
            break;
        at += last;
    }
    var after = fs.statfs();
    var extra = must(fs.create(fs.root, 'one more.txt', 0x1A4), 'create one more');
    var more = fs.write(extra, 0, bytes('x'), 0, 1);
    print('fill: wrote ' + at + ' bytes, then ' + code(last) + '; free clusters ' + after.bfree +
        '; one more byte: ' + code(more));
    // 8 KiB given back; a write 1 MiB into an empty file cannot place even
    // its first byte: ENOSPC, and the clusters it tried stay free.
    must(fs.truncate(node, at - 8192), 'truncate fill.bin');
    var freed = fs.statfs().bfree;
    var far = fs.write(extra, 1048576, bytes('x'), 0, 1);
    print('fill: write 1 MiB into an empty file: ' + code(far) + ', free clusters kept: ' +
        (fs.statfs().bfree === freed && freed > 0) + ', size ' + extra.size);
    must(fs.sync(), 'sync');
    print('fill: size ' + node.size + ', cluster size ' + fs.g.clusterSize + ', clusters ' +
        before.blocks + ', free before ' + before.bfree);
}

module.exports = {fnv: fnv, pattern: pattern, list: list, modify: modify, fill: fill,
    walk: walk, writeFile: writeFile, bytes: bytes, readAll: readAll, code: code};
