'use strict';
// path (posix) against Node: every function over a set of awkward paths.
var path = require('path');
var samples = ['', '/', '//', '///', '.', '..', './', '../', 'a', 'a/', 'a//', '/a', '/a/', '//a',
    '///a//b///', 'a/b', 'a/b/', '/a/b/c', 'a/./b', 'a/../b', '../a/..', '/../a', '/a/../../b',
    'a/b/../../..', './a/./b/.', '.a', '..a', 'a.', 'a..', '.a.b', 'a.b.c', '/x/y.tar.gz',
    'x/.profile', 'x/..', 'x/.', 'file.txt/', 'dir/file.', '/a b/c d.e f', 'é/ü.js', '...', '.../a'];
function show(value) { return JSON.stringify(value); }
samples.forEach(function (p) {
    console.log(show(p), show(path.normalize(p)), show(path.isAbsolute(p)), show(path.dirname(p)),
        show(path.basename(p)), show(path.extname(p)), show(path.parse(p)),
        show(path.format(path.parse(p))), show(path.basename(p, '.js')),
        show(path.basename(p, 'b')), show(path.toNamespacedPath(p)));
});
var pairs = [['a', 'b'], ['/a', 'b'], ['a', '/b'], ['', ''], ['', 'a'], ['a/', '/b'], ['/a/b', '../c'],
    ['a', '..', '..'], ['/', '..'], ['a', '', 'b'], ['./', './'], ['/a/b/c', '/a/d'], ['/a', '/a'],
    ['/a/b', '/a/b/c/d'], ['/a/b/c', '/a'], ['/', '/x'], ['/x', '/'], ['/foo/bar', '/foo/barbaz']];
pairs.forEach(function (pair) {
    console.log(show(pair), show(path.join.apply(null, pair)),
        show(path.resolve.apply(null, ['/base/dir'].concat(pair))),
        show(path.relative(pair[0] === '' ? '/' : '/' + pair[0], pair[1] === '' ? '/' : '/' + pair[1])));
});
console.log(show(path.join()), show(path.resolve('/x', '/y', 'z')), show(path.relative('/a/b', '/a/b')));
console.log(path.sep, path.delimiter, path.posix === path, typeof path.win32);
console.log(show(path.format({ root: '/', dir: '/home', base: 'f.txt' })),
    show(path.format({ root: '/', name: 'f', ext: 'txt' })), show(path.format({ name: 'x', ext: '.y' })),
    show(path.format({ dir: 'd', name: 'n', ext: '.e', base: '' })), show(path.format({})));
function error(fn) {
    try { fn(); } catch (e) { console.log(e.name, e.code, e.message); }
}
error(function () { path.join('a', 5); });
error(function () { path.basename(null); });
error(function () { path.basename('a', 1); });
error(function () { path.format(null); });
error(function () { path.relative({}, 'a'); });
