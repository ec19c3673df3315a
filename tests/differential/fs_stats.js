// fs.Stats and fs.Dirent: own keys, types, the is*() answers, modes after
// the umask (022), sizes and the times utimes sets.
'use strict';
var fs = require('fs');

var dir = fs.mkdtempSync('/tmp/fs-stats-');
fs.writeFileSync(dir + '/file', 'hello', { mode: 416 });  // 0640
fs.mkdirSync(dir + '/sub');
var st = fs.statSync(dir + '/file');
console.log(st.constructor.name, Object.keys(st).join(','));
console.log(Object.keys(st).map(function (k) {
    return k + ':' + (st[k] instanceof Date ? 'Date' : typeof st[k]);
}).join(' '));
console.log('file', st.isFile(), st.isDirectory(), st.isSymbolicLink(), st.isCharacterDevice(),
    st.isBlockDevice(), st.isFIFO(), st.isSocket());
console.log('size', st.size, 'nlink', st.nlink, 'mode', (st.mode & 0xfff).toString(8),
    'type', (st.mode & 0xf000).toString(16), 'blksize', st.blksize);
console.log('mtime is mtimeMs rounded', st.mtime.getTime() === Math.round(st.mtimeMs),
    'recent', Math.abs(Date.now() - st.mtimeMs) < 600000);
var ds = fs.statSync(dir + '/sub');
console.log('dir', ds.isFile(), ds.isDirectory(), 'mode', (ds.mode & 0xfff).toString(8), 'nlink', ds.nlink);
var fd = fs.openSync(dir + '/file', 'r');
var fst = fs.fstatSync(fd);
console.log('fstat same ino', fst.ino === st.ino, 'same dev', fst.dev === st.dev, 'size', fst.size);
fs.closeSync(fd);
var ls = fs.lstatSync(dir + '/file');
console.log('lstat', ls.isFile(), ls.size);
fs.utimesSync(dir + '/file', 1000.5, new Date(2000250));
var ut = fs.statSync(dir + '/file');
console.log('utimes', ut.atimeMs, ut.mtimeMs, ut.atime.toISOString(), ut.mtime.toISOString());
fs.truncateSync(dir + '/file', 2);
console.log('truncated', fs.statSync(dir + '/file').size);
fs.appendFileSync(dir + '/file', 'abc');
console.log('appended', fs.statSync(dir + '/file').size, fs.readFileSync(dir + '/file', 'utf8'));
var ents = fs.readdirSync(dir, { withFileTypes: true }).sort(function (a, b) {
    return a.name < b.name ? -1 : 1;
});
ents.forEach(function (d) {
    console.log('dirent', d.constructor.name, d.name, Object.keys(d).join(','),
        d.parentPath === dir, d.isFile(), d.isDirectory());
});
console.log(fs.readdirSync(dir).sort().join(','));
console.log('exists', fs.existsSync(dir + '/file'), fs.existsSync(dir + '/none'));
console.log('constants', fs.constants.O_CREAT, fs.constants.O_EXCL, fs.constants.S_IFDIR,
    fs.constants.F_OK, fs.constants.R_OK, fs.constants.W_OK, fs.constants.X_OK,
    fs.constants.COPYFILE_EXCL);
fs.rmSync(dir, { recursive: true });
console.log('removed', !fs.existsSync(dir));
