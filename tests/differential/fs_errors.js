// fs errors: message, code, errno, syscall, path and dest as Node gives
// them (the temporary directory's name is replaced by <dir>).
'use strict';
var fs = require('fs');

var dir = fs.mkdtempSync('/tmp/fs-errors-');
function show(what, fn) {
    try {
        fn();
        console.log(what + ': no error');
    } catch (e) {
        var fields = ['code', 'errno', 'syscall', 'path', 'dest'].filter(function (k) {
            return e[k] !== undefined;
        }).map(function (k) { return k + '=' + String(e[k]).split(dir).join('<dir>'); });
        console.log(what + ': ' + e.name + ': ' + e.message.split(dir).join('<dir>'));
        console.log('  ' + fields.join(' ') + ' keys=' + Object.keys(e).join(','));
    }
}

fs.writeFileSync(dir + '/file', 'data');
fs.mkdirSync(dir + '/full');
fs.writeFileSync(dir + '/full/x', '');

show('open missing', function () { fs.openSync(dir + '/missing', 'r'); });
show('open wx existing', function () { fs.openSync(dir + '/file', 'wx'); });
show('open through a file', function () { fs.openSync(dir + '/file/x', 'r'); });
show('open a directory for writing', function () { fs.openSync(dir, 'w'); });
show('readFile a directory', function () { fs.readFileSync(dir); });
show('readFile missing', function () { fs.readFileSync(dir + '/missing', 'utf8'); });
show('writeFile in a missing directory', function () { fs.writeFileSync(dir + '/no/file', 'x'); });
show('mkdir existing', function () { fs.mkdirSync(dir + '/full'); });
show('mkdir in missing', function () { fs.mkdirSync(dir + '/no/sub'); });
show('mkdir recursive over a file', function () { fs.mkdirSync(dir + '/file/sub', { recursive: true }); });
show('rmdir not empty', function () { fs.rmdirSync(dir + '/full'); });
show('rmdir a file', function () { fs.rmdirSync(dir + '/file'); });
show('rmdir missing', function () { fs.rmdirSync(dir + '/missing'); });
show('unlink a directory', function () { fs.unlinkSync(dir + '/full'); });
show('unlink missing', function () { fs.unlinkSync(dir + '/missing'); });
show('rename missing', function () { fs.renameSync(dir + '/missing', dir + '/other'); });
show('rename into itself', function () { fs.renameSync(dir + '/full', dir + '/full/sub'); });
show('rename a file over a directory', function () { fs.renameSync(dir + '/file', dir + '/full'); });
show('readdir a file', function () { fs.readdirSync(dir + '/file'); });
show('readdir missing', function () { fs.readdirSync(dir + '/missing'); });
show('stat missing', function () { fs.statSync(dir + '/missing'); });
show('lstat missing', function () { fs.lstatSync(dir + '/missing'); });
show('access missing', function () { fs.accessSync(dir + '/missing'); });
show('copyFile missing', function () { fs.copyFileSync(dir + '/missing', dir + '/copy'); });
show('copyFile EXCL', function () {
    fs.copyFileSync(dir + '/file', dir + '/file', fs.constants.COPYFILE_EXCL);
});
show('utimes missing', function () { fs.utimesSync(dir + '/missing', 1, 1); });
show('chmod missing', function () { fs.chmodSync(dir + '/missing', 420); });
show('rm missing', function () { fs.rmSync(dir + '/missing'); });
show('rm missing, force', function () { fs.rmSync(dir + '/missing', { force: true }); });
show('mkdtemp in missing', function () { fs.mkdtempSync(dir + '/no/tmp-'); });
show('close a bad fd', function () { fs.closeSync(9999); });
show('fstat a bad fd', function () { fs.fstatSync(9999); });
show('read a bad fd', function () { fs.readSync(9999, Buffer.alloc(4), 0, 4, null); });
show('write a bad fd', function () { fs.writeSync(9999, 'x'); });
show('ftruncate a bad fd', function () { fs.ftruncateSync(9999, 0); });
show('fsync a bad fd', function () { fs.fsyncSync(9999); });
show('a number as path', function () { fs.openSync(42); });
show('a bad flag', function () { fs.openSync(dir + '/file', 'q'); });
var fd = fs.openSync(dir + '/file', 'r');
show('write to a read-only fd', function () { fs.writeSync(fd, 'x'); });
fs.closeSync(fd);
fs.stat(dir + '/missing', function (err) {
    console.log('callback: ' + err.message.split(dir).join('<dir>') + ' ' + err.code);
    fs.rmSync(dir, { recursive: true });
    console.log('removed: ' + !fs.existsSync(dir));
});
