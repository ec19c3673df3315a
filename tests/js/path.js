// require('path'): POSIX path functions, results recorded from Node 20.
'use strict';

var check = require('./lib/check.js');
var cases = require('./lib/cases.js');
var path = require('path');

var samples = ['', '/', '//', '.', '..', './', 'a', 'a/', '/a', '//a', '///a//b///', 'a/b/', '/a/b/c',
    'a/./b', 'a/../b', '../a/..', '/../a', '/a/../../b', './a/./b/.', '.a', 'a.', '.a.b', 'a.b.c',
    '/x/y.tar.gz', 'x/.profile', 'x/..', 'file.txt/', 'dir/file.', '...', '/a b/c d.e'];
var list = [];
samples.forEach(function (p) {
    var s = JSON.stringify(p);
    ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath'].forEach(
        function (fn) { list.push('path.' + fn + '(' + s + ')'); });
    list.push('path.basename(' + s + ", '.gz')", 'path.basename(' + s + ", 'b')",
        'path.format(path.parse(' + s + '))', "path.join('/base', " + s + ')',
        "path.resolve('/base/dir', " + s + ')', "path.relative('/a/b/c', path.resolve('/', " + s + '))');
});
list.push("path.join()", "path.join('a', '', 'b')", "path.join('a', 5)", "path.resolve('/a', '/b', 'c')",
    "path.relative('/a', '/a')", "path.relative('/foo/bar', '/foo/barbaz')", "path.relative('', '')",
    "path.format({ dir: '/x', base: 'y' })", "path.format({ root: '/', name: 'n', ext: 'e' })",
    "path.format({ name: 'n', ext: '.e' })", "path.format(null)", "path.basename(1)", "path.dirname({})",
    "path.sep", "path.delimiter", "path.posix === path", "path.extname('a.b', 1)");

cases.run('path', list, { path: path });

check.equal(path.resolve('x'), path.join(process.cwd(), 'x'), 'resolve uses the working directory');
check.equal(path.resolve(), process.cwd(), 'resolve() is the working directory');
check.throws(function () { path.win32.join('a', 'b'); }, /not supported in unode/, 'win32');
