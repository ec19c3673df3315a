'use strict';
// File system throughput through unode's fs: 8 MiB written and read back
// in 64 KiB chunks, then 1000 small files created, stat'ed, read and
// removed. Hosted this measures Linux (/tmp); under `tools/jsk run` the
// VFS and ramfs. Usage: build/unode fs_files.js [dir]
var fs = require('fs');
var report = console.log;

var dir = fs.mkdtempSync((process.argv[2] || '/tmp') + '/bench-fs-');
var chunk = Buffer.alloc(65536, 'x');
var total = 8 << 20;

var start = Date.now();
var fd = fs.openSync(dir + '/big', 'w');
for (var done = 0; done < total; done += chunk.length)
    fs.writeSync(fd, chunk, 0, chunk.length, null);
fs.closeSync(fd);
var writeMs = Date.now() - start;

start = Date.now();
fd = fs.openSync(dir + '/big', 'r');
var read = 0, n;
while ((n = fs.readSync(fd, chunk, 0, chunk.length, null)) > 0)
    read += n;
fs.closeSync(fd);
var readMs = Date.now() - start;
if (read !== total)
    throw new Error('read ' + read + ' bytes, wrote ' + total);

var files = 1000;
start = Date.now();
for (var i = 0; i < files; i++)
    fs.writeFileSync(dir + '/f' + i, 'small file ' + i);
var createMs = Date.now() - start;
start = Date.now();
var bytes = 0;
for (i = 0; i < files; i++) {
    bytes += fs.statSync(dir + '/f' + i).size;
    bytes += fs.readFileSync(dir + '/f' + i).length;
}
var statReadMs = Date.now() - start;
start = Date.now();
var listed = fs.readdirSync(dir).length;
for (i = 0; i < files; i++)
    fs.unlinkSync(dir + '/f' + i);
var unlinkMs = Date.now() - start;
fs.rmSync(dir, { recursive: true });

function rate(bytesMoved, ms) { return (bytesMoved / 1048576 / (Math.max(ms, 1) / 1000)).toFixed(1); }
function perSecond(count, ms) { return Math.round(count / (Math.max(ms, 1) / 1000)); }
report('sequential write 8 MiB in 64 KiB: ' + writeMs + ' ms (' + rate(total, writeMs) + ' MiB/s)');
report('sequential read  8 MiB in 64 KiB: ' + readMs + ' ms (' + rate(total, readMs) + ' MiB/s)');
report('create+write ' + files + ' small files: ' + createMs + ' ms (' + perSecond(files, createMs) + '/s)');
report('stat+readFile ' + files + ' small files: ' + statReadMs + ' ms (' + perSecond(files, statReadMs) + '/s), ' + bytes + ' bytes');
report('readdir (' + listed + ' entries) + unlink ' + files + ': ' + unlinkMs + ' ms');
// The line `tools/jsk bench js --suite unode` reads: all phases, and what
// was read back (the same under every engine).
report('fs_files ' + (writeMs + readMs + createMs + statReadMs + unlinkMs) + ' ms check=' +
    (read + bytes + listed));
