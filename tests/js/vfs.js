// The VFS's mount table and path walk (js-drivers/fs/vfs.js) and ramfs
// against the file-system contract of docs/fs.md, hosted: no kernel is
// needed below them. (js.fs.kernel checks the same through the syscalls.)
'use strict';

var check = require('./lib/check.js');
var vfs = require('../../js-drivers/fs/vfs.js');
var ramfs = require('../../js-drivers/fs/ramfs.js');
var E = require('../../js-drivers/core/errno.js');

var clock = 1000;
function now() { return clock; }

// -- ramfs: the contract ---------------------------------------------------------

var fs = ramfs.create({ now: now });
var root = fs.root;
check.equal(fs.type, 'ramfs', 'type');
check.equal(fs.readOnly, false, 'readOnly');
check.equal(fs.lookup(root, 'x'), -E.ENOENT, 'lookup ENOENT');
var file = fs.create(root, 'f', 0x1a4);
check.equal(typeof file, 'object', 'create');
check.equal(fs.create(root, 'f', 0x1a4), -E.EEXIST, 'create EEXIST');
check.equal(fs.lookup(root, 'f'), file, 'lookup finds the node');
check.equal(fs.lookup(file, 'x'), -E.ENOTDIR, 'lookup in a file');
var dir = fs.mkdir(root, 'd', 0x1ed);
check.equal(fs.mkdir(root, 'd', 0x1ed), -E.EEXIST, 'mkdir EEXIST');
check.equal(fs.getattr(root).nlink, 3, 'a subdirectory adds a link to its parent');
var data = new Uint8Array([1, 2, 3, 4]);
clock = 2000;
check.equal(fs.write(file, 10, data, 1, 3), 3, 'write past the end');
var a = fs.getattr(file);
check.equal(a.size, 13, 'size after a write at 10');
check.equal(a.mtimeMs, 2000, 'write sets mtime');
check.equal(a.type, 'file', 'getattr type');
check.equal(a.mode & 0xfff, 0x1a4, 'getattr mode');
var out = new Uint8Array(20);
check.equal(fs.read(file, 8, out, 0, 20), 5, 'read to the end');
check.deepEqual(Array.prototype.slice.call(out, 0, 5), [0, 0, 2, 3, 4], 'the hole reads as zeros');
check.equal(fs.read(file, 13, out, 0, 1), 0, 'read at EOF');
check.equal(fs.read(dir, 0, out, 0, 1), -E.EISDIR, 'read a directory');
check.equal(fs.truncate(file, 11), 0, 'truncate down');
check.equal(fs.truncate(file, 14), 0, 'truncate up');
check.equal(fs.read(file, 10, out, 0, 4), 4, 'read after truncates');
check.deepEqual(Array.prototype.slice.call(out, 0, 4), [2, 0, 0, 0], 'truncate up zero-fills');
check.equal(fs.setattr(file, { atimeMs: 5, mtimeMs: 6 }), 0, 'setattr');
check.equal(fs.getattr(file).mtimeMs, 6, 'setattr mtime');

var inner = fs.create(dir, 'inner', 0x1a4);
check.equal(fs.rmdir(root, 'd'), -E.ENOTEMPTY, 'rmdir ENOTEMPTY');
check.equal(fs.rmdir(root, 'f'), -E.ENOTDIR, 'rmdir a file');
check.equal(fs.unlink(root, 'd'), -E.EISDIR, 'unlink a directory');
check.equal(fs.rename(root, 'd', dir, 'x'), -E.EINVAL, 'rename a directory into itself');
check.equal(fs.rename(root, 'f', root, 'd'), -E.EISDIR, 'rename a file over a directory');
check.equal(fs.rename(root, 'd', root, 'f'), -E.ENOTDIR, 'rename a directory over a file');
check.equal(fs.rename(dir, 'inner', root, 'f'), 0, 'rename over a file replaces it');
check.equal(fs.lookup(root, 'f'), inner, 'the target is the renamed node');
check.equal(fs.lookup(dir, 'inner'), -E.ENOENT, 'the old name is gone');
check.equal(fs.rename(root, 'missing', root, 'g'), -E.ENOENT, 'rename ENOENT');
var names = fs.readdir(root).map(function (e) { return e.name + ':' + e.type; }).sort();
check.deepEqual(names, ['d:dir', 'f:file'], 'readdir');
check.equal(fs.unlink(root, 'f'), 0, 'unlink');
check.equal(fs.rmdir(root, 'd'), 0, 'rmdir');
check.deepEqual(fs.readdir(root), [], 'empty again');
check.equal(fs.readdir(file), -E.ENOTDIR, 'readdir a file');
// An unlinked node keeps its bytes for whoever holds it (an open file).
check.equal(fs.read(inner, 0, out, 0, 4), 0, 'an unlinked node still reads');

// -- the VFS ---------------------------------------------------------------------

check.equal(vfs.mount('/tmp', ramfs.create({ now: now })), -E.ENOENT, 'no mount before /');
var rootFs = ramfs.create({ now: now });
check.equal(vfs.mount('/', rootFs), 0, 'mount /');
check.equal(vfs.mount('/', ramfs.create({ now: now })), -E.EBUSY, 'mount / twice');
rootFs.mkdir(rootFs.root, 'home', 0x1ed);
rootFs.create(rootFs.root, 'file', 0x1a4);
var tmp = ramfs.create({ now: now });
check.equal(vfs.mount('/tmp', tmp), 0, 'a mount point the fs below lacks');
check.equal(vfs.mount('/home', ramfs.create({ now: now })), 0, 'a mount on a directory');
check.equal(vfs.mount('/file', ramfs.create({ now: now })), -E.ENOTDIR, 'a mount on a file');
check.equal(vfs.mount('/none/x', ramfs.create({ now: now })), -E.ENOENT, 'a mount in a missing dir');
check.equal(vfs.mount('tmp2', ramfs.create({ now: now })), -E.EINVAL, 'a relative mount path');

var at = vfs.resolve('/tmp', '/');
check.equal(at.node, tmp.root, 'the walk enters the mount');
check.equal(at.path, '/tmp', 'canonical path');
at = vfs.resolve('/tmp/..//./file', '/');
check.equal(at.fs, rootFs, '".." leaves the mount');
check.equal(at.path, '/file', 'canonical path after ".."');
check.equal(vfs.resolve('../../..', '/tmp').node, rootFs.root, '".." stops at /');
check.equal(vfs.resolve('file/..', '/'), -E.ENOTDIR, '".." after a file');
check.equal(vfs.resolve('file/', '/'), -E.ENOTDIR, 'a trailing slash after a file');
check.equal(vfs.resolve('', '/'), -E.ENOENT, 'the empty path');
check.equal(vfs.resolve('/' + new Array(300).join('x'), '/'), -E.ENAMETOOLONG, 'a name over 255');
check.equal(vfs.mkdir('/tmp/a', 0x1ed), 0, 'vfs.mkdir');
check.equal(vfs.mkdir('/tmp/a', 0x1ed), -E.EEXIST, 'vfs.mkdir EEXIST');
check.equal(vfs.resolve('a', '/tmp').path, '/tmp/a', 'a relative path');
var p = vfs.resolveParent('/tmp/a/new', '/');
check.equal(p.dir.path, '/tmp/a', 'resolveParent dir');
check.equal(p.name, 'new', 'resolveParent name');
check.equal(p.node, -E.ENOENT, 'resolveParent: the last name is missing');
check.deepEqual(vfs.mountsBelow('/').map(function (m) { return m.name; }).sort(), ['home', 'tmp'],
    'mountsBelow');
check.ok(vfs.isMountPoint('/tmp') && !vfs.isMountPoint('/tmp/a'), 'isMountPoint');

check.equal(vfs.mount('/tmp/a', ramfs.create({ now: now })), 0, 'a mount in a mount');
check.equal(vfs.unmount('/tmp'), -E.EBUSY, 'unmount with a mount below: EBUSY');
check.equal(vfs.unmount('/tmp/a'), 0, 'unmount');
var mount = vfs.resolve('/tmp', '/').mount;
mount.openFiles++;
check.equal(vfs.unmount('/tmp'), -E.EBUSY, 'unmount with an open file: EBUSY');
mount.openFiles--;
check.equal(vfs.unmount('/nothing'), -E.EINVAL, 'unmount what is not mounted');
check.deepEqual(vfs.mounts(), [{ path: '/', type: 'ramfs', readOnly: false },
    { path: '/home', type: 'ramfs', readOnly: false }, { path: '/tmp', type: 'ramfs', readOnly: false }],
    'mounts()');
check.equal(vfs.unmount('/tmp'), 0, 'unmount /tmp');
check.equal(vfs.resolve('/tmp', '/'), -E.ENOENT, 'gone with its mount');
check.equal(vfs.syncAll(), 0, 'syncAll');
