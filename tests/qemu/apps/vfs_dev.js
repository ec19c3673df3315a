// Scenario qemu.vfs_dev (tests/qemu/scenarios/vfs.py): the device nodes
// of /dev, /dev/sda over the AHCI disk the scenario made, and the boot
// archive at /. Prints one line per fact; the scenario checks them.
'use strict';

var fs = require('fs');
var sys = require('sys');

function hex(u8) {
    var s = '';
    for (var i = 0; i < u8.length; i++)
        s += (u8[i] < 16 ? '0' : '') + u8[i].toString(16);
    return s;
}
function errorCode(fn) {
    try {
        fn();
        return 'no error';
    } catch (e) {
        return e.code;
    }
}

console.log('dev: ' + fs.readdirSync('/dev').sort().join(' '));
['null', 'zero', 'full', 'random', 'urandom', 'tty', 'console', 'sda'].forEach(function (name) {
    var st = fs.statSync('/dev/' + name);
    console.log('/dev/' + name + ' ' + (st.isCharacterDevice() ? 'chr' : st.isBlockDevice() ? 'blk' : '?') +
        ' ' + (st.rdev >> 8) + ':' + (st.rdev & 0xff) + ' mode ' + (st.mode & 0x1ff).toString(8));
});

var buf = Buffer.alloc(16, 0xaa);
var fd = fs.openSync('/dev/zero', 'r');
console.log('zero read ' + fs.readSync(fd, buf, 0, 16, null) + ' ' + hex(buf.subarray(0, 4)));
fs.closeSync(fd);
fd = fs.openSync('/dev/null', 'r+');
console.log('null read ' + fs.readSync(fd, buf, 0, 16, null) + ' write ' + fs.writeSync(fd, 'discarded'));
fs.closeSync(fd);
console.log('full write ' + errorCode(function () { fs.writeFileSync('/dev/full', 'x'); }));
fd = fs.openSync('/dev/urandom', 'r');
var a = Buffer.alloc(16), b = Buffer.alloc(16);
fs.readSync(fd, a, 0, 16, null);
fs.readSync(fd, b, 0, 16, null);
console.log('urandom differs ' + (hex(a) !== hex(b)));
fs.closeSync(fd);

// The tty: a write through /dev/tty reaches the console.
fd = fs.openSync('/dev/tty', 'w');
fs.writeSync(fd, 'written to /dev/tty\n');
console.log('tty lseek ' + errorCode(function () { fs.readSync(fd, buf, 0, 1, 0); }));
fs.closeSync(fd);

// /dev/sda: the scenario's image holds byte (i * 7) & 0xff at offset i.
// An unaligned read across a sector boundary, then an unaligned write
// that the scenario finds in the image after exit.
fd = fs.openSync('/dev/sda', 'r+');
var st = fs.fstatSync(fd);
console.log('sda size ' + sys.syscall(8, fd, 0, 2) + ' stat size ' + st.size);
var part = Buffer.alloc(8);
fs.readSync(fd, part, 0, 8, 1020);
var want = Buffer.alloc(8);
for (var i = 0; i < 8; i++)
    want[i] = ((1020 + i) * 7) & 0xff;
console.log('sda read at 1020 ' + (hex(part) === hex(want) ? 'ok' : hex(part) + ' != ' + hex(want)));
console.log('sda write ' + fs.writeSync(fd, Buffer.from('VFS WAS HERE'), 0, 12, 5000));
fs.fsyncSync(fd);
fs.closeSync(fd);

// The boot archive at /, read-only.
console.log('root: ' + fs.readdirSync('/').sort().join(' '));
console.log('app: ' + fs.readdirSync('/app').join(' '));
console.log('self: ' + fs.readFileSync('/app/vfs_dev.js', 'utf8').split('\n')[0]);
console.log('stdlib dir ' + fs.statSync('/stdlib').isDirectory() + ', file mode ' +
    (fs.statSync('/stdlib/node/fs.js').mode & 0x1ff).toString(8));
console.log('write to / ' + errorCode(function () { fs.writeFileSync('/app/new', 'x'); }));
console.log('mkdir in / ' + errorCode(function () { fs.mkdirSync('/stdlib/new'); }));
var vfs = require('/js-drivers/fs/vfs.js');
console.log('mounts: ' + vfs.mounts().map(function (m) {
    return m.path + '=' + m.type + (m.readOnly ? '(ro)' : '');
}).join(' '));
