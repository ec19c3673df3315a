// loop.watchReadable/unwatch (the REPL's stdin API) over a pipe, and the
// loop staying alive while an fd is watched.
'use strict';

var check = require('./lib/check.js');
var sys = require('sys');
var loop = require('internal/loop');  // unode's own module, not Node's

var fds = new Int32Array(2);
check.equal(sys.syscall(293 /* pipe2 */, fds, 0), 0, 'pipe2');
var received = '';
check.equal(loop.watchReadable(fds[0], check.expectCall('readable', function (fd) {
    var buf = new Uint8Array(64);
    var n = sys.read(fd, buf);
    received += sys.decodeUtf8(buf.subarray(0, n));
    if (received === 'ping') {
        loop.unwatch(fd);
        sys.close(fds[0]);
        sys.close(fds[1]);
    }
})), 0, 'watchReadable');
setTimeout(function () { sys.write(fds[1], 'pi'); }, 5);
setTimeout(function () { sys.write(fds[1], 'ng'); }, 15);
process.on('exit', function () { check.equal(received, 'ping', 'data through the loop'); });
