// The virtual file system: the mount table and the path walk. Every file
// system mounted here is an object with the interface of docs/fs.md
// (ramfs.js, devfs.js, archivefs.js, fat*.js); the VFS turns paths into
// (fs, node) pairs and leaves the rest to them. The file system calls
// that use this are in fs/syscalls.js, the open files in fs/file.js.
//
// Paths are walked one component at a time from the root (or from a
// start directory, given by its canonical path), so "file/x" is ENOTDIR
// and ".." goes back across a mount point as the walk came. There are no
// symbolic links. A mount point need not exist in the file system below
// it: the walk asks the mount table first, so the read-only boot archive
// at / gets /tmp, /dev and /mnt on top without having those directories.
'use strict';

var E = require('../core/errno');

var PATH_MAX = 4096, NAME_MAX = 255;

var table = Object.create(null);  // canonical path -> {path, fs, dev, openFiles}
var nextDev = 1;

function root() { return table['/']; }

function join(dir, name) { return dir === '/' ? '/' + name : dir + '/' + name; }

function parentPath(path) {
    var i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
}

function typeOf(fs, node) {
    var attr = fs.getattr(node);
    return typeof attr === 'number' ? attr : attr.type;
}

// A walk position: the file system, its node, the canonical path and the
// mount it lies in.
function frame(mount, fs, node, path) { return { mount: mount, fs: fs, node: node, path: path }; }

// Splits a path argument into components; -errno for an empty or too long
// path or name.
function components(path) {
    if (path.length === 0)
        return -E.ENOENT;
    if (path.length >= PATH_MAX)
        return -E.ENAMETOOLONG;
    var parts = path.split('/');
    var out = [];
    for (var i = 0; i < parts.length; i++) {
        if (parts[i] === '')
            continue;
        if (parts[i].length > NAME_MAX)
            return -E.ENAMETOOLONG;
        out.push(parts[i]);
    }
    return out;
}

// Takes one step from the top of `stack` to `name`.
function step(stack, name) {
    var top = stack[stack.length - 1];
    if (name === '.' || name === '..') {
        var t = typeOf(top.fs, top.node);
        if (t !== 'dir')
            return typeof t === 'number' ? t : -E.ENOTDIR;
        if (name === '..' && stack.length > 1)
            stack.pop();
        return 0;
    }
    var path = join(top.path, name);
    var mount = table[path];
    if (mount) {
        stack.push(frame(mount, mount.fs, mount.fs.root, path));
        return 0;
    }
    var node = top.fs.lookup(top.node, name);
    if (typeof node === 'number')
        return node;
    stack.push(frame(top.mount, top.fs, node, path));
    return 0;
}

// The stack of frames for the canonical directory path `base`.
function walkFrom(base) {
    var r = root();
    if (!r)
        return -E.ENOENT;
    var stack = [frame(r, r.fs, r.fs.root, '/')];
    var parts = base === '/' ? [] : base.slice(1).split('/');
    for (var i = 0; i < parts.length; i++) {
        var err = step(stack, parts[i]);
        if (err < 0)
            return err;
    }
    return stack;
}

// The walk of `path` from `base` (or from / for an absolute path), up to
// but not including its last `keep` components: {stack, parts} or -errno.
function walkTo(path, base, keep) {
    var parts = components(path);
    if (typeof parts === 'number')
        return parts;
    var stack = walkFrom(path.charAt(0) === '/' ? '/' : base);
    if (typeof stack === 'number')
        return stack;
    for (var i = 0; i < parts.length - keep; i++) {
        var err = step(stack, parts[i]);
        if (err < 0)
            return err;
    }
    return { stack: stack, parts: parts };
}

// resolve(path, base) -> {mount, fs, node, path} or -errno. `base` is the
// canonical directory a relative path starts from (the cwd or a dirfd's).
function resolve(path, base) {
    var w = walkTo(path, base, 0);
    if (typeof w === 'number')
        return w;
    var last = w.stack[w.stack.length - 1];
    if (path.charAt(path.length - 1) === '/' && typeOf(last.fs, last.node) !== 'dir')
        return -E.ENOTDIR;
    return last;
}

// resolveParent(path, base) -> {dir: frame of the parent directory, name,
// path (canonical, of the last component), node (frame) or -ENOENT,
// trailingSlash} or -errno. A last component of '.' or '..' has no parent
// entry to create or remove: name is then '.' or '..' (callers say EINVAL,
// EEXIST or EBUSY as Linux does).
function resolveParent(path, base) {
    var w = walkTo(path, base, 1);
    if (typeof w === 'number')
        return w;
    var stack = w.stack;
    var name = w.parts.length ? w.parts[w.parts.length - 1] : '.';  // "/" itself
    var dir = stack[stack.length - 1];
    var t = typeOf(dir.fs, dir.node);
    if (t !== 'dir')
        return typeof t === 'number' ? t : -E.ENOTDIR;
    var result = { dir: dir, name: name, path: join(dir.path, name),
        trailingSlash: path.length > 1 && path.charAt(path.length - 1) === '/' };
    var err = step(stack, name);
    result.node = err < 0 ? err : stack[stack.length - 1];
    if (name === '.' || name === '..')
        result.path = result.node.path;
    return result;
}

// The mount points directly below the directory `path` (readdir lists
// them even when the file system below has no such entry).
function mountsBelow(path) {
    var out = [];
    for (var p in table) {
        if (p !== '/' && parentPath(p) === path)
            out.push({ name: p.slice(p.lastIndexOf('/') + 1), mount: table[p] });
    }
    return out;
}

function isMountPoint(path) { return table[path] !== undefined; }

// mount(path, fs): '/' first; then `path` must be an existing directory,
// or a name the parent directory does not have (a mount point the file
// system below does not hold, like /dev on the read-only archive).
function mount(path, fs) {
    if (!fs || !fs.root || typeof fs.lookup !== 'function')
        return -E.EINVAL;
    if (path !== '/') {
        if (!root())
            return -E.ENOENT;
        if (path.charAt(0) !== '/')
            return -E.EINVAL;
        var at = resolveParent(path, '/');
        if (typeof at === 'number')
            return at;
        if (at.name === '.' || at.name === '..')
            return -E.EINVAL;
        path = at.path;
        if (typeof at.node !== 'number' && typeOf(at.node.fs, at.node.node) !== 'dir')
            return -E.ENOTDIR;
        if (typeof at.node === 'number' && at.node !== -E.ENOENT)
            return at.node;
    }
    if (table[path])
        return -E.EBUSY;
    table[path] = { path: path, fs: fs, dev: nextDev++, openFiles: 0 };
    return 0;
}

// unmount(path): -EBUSY while a file in it is open or something is
// mounted below it.
function unmount(path) {
    var m = table[path];
    if (!m)
        return -E.EINVAL;
    if (m.openFiles > 0)
        return -E.EBUSY;
    for (var p in table) {
        if (p !== path && p.indexOf(path === '/' ? '/' : path + '/') === 0)
            return -E.EBUSY;
    }
    var r = m.fs.unmount ? m.fs.unmount() : 0;
    if (r < 0)
        return r;
    delete table[path];
    return 0;
}

// mkdir(path, mode) -> 0 | -errno: for kernel code making mount points
// (automount's /mnt/sda1); `path` is absolute, no umask applies.
function mkdir(path, mode) {
    if (path.charAt(0) !== '/')
        return -E.EINVAL;
    var at = resolveParent(path, '/');
    if (typeof at === 'number')
        return at;
    if (typeof at.node !== 'number' || at.name === '.' || at.name === '..')
        return -E.EEXIST;
    if (at.node !== -E.ENOENT)
        return at.node;
    if (at.dir.fs.readOnly)
        return -E.EROFS;
    var made = at.dir.fs.mkdir(at.dir.node, at.name, mode & 0xfff);
    return typeof made === 'number' ? made : 0;
}

function mounts() {
    return Object.keys(table).sort().map(function (p) {
        return { path: p, type: table[p].fs.type, readOnly: !!table[p].fs.readOnly };
    });
}

// Writes everything back (the sync system call, and exit_group).
function syncAll() {
    for (var p in table) {
        var fs = table[p].fs;
        if (!fs.readOnly && fs.sync)
            fs.sync();
    }
    return 0;
}

module.exports = {
    PATH_MAX: PATH_MAX, NAME_MAX: NAME_MAX,
    mount: mount, unmount: unmount, mounts: mounts, syncAll: syncAll, mkdir: mkdir,
    resolve: resolve, resolveParent: resolveParent, mountsBelow: mountsBelow,
    isMountPoint: isMountPoint, typeOf: typeOf, root: root
};
