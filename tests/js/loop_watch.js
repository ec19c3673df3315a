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

// Refs are counted as they change (no turn of the loop walks the watched
// fds): a second watched pipe, unref'd twice and ref'd and unref'd again,
// must not hold the loop, and must not cancel the first pipe's hold either.
// The only timer is unref'd, so the first pipe alone keeps the loop alive
// until its data arrives; a count gone wrong ends the loop before that.
var other = new Int32Array(2);
check.equal(sys.syscall(293 /* pipe2 */, other, 0), 0, 'pipe2 (unref\'d)');
check.equal(loop.watchReadable(other[0], function () {
    throw new Error('the unref\'d pipe has no data');
}), 0, 'watchReadable (unref\'d)');
loop.setWatchRef(other[0], false);
loop.setWatchRef(other[0], false);
loop.setWatchRef(other[0], true);
loop.setWatchRef(other[0], false);
var held = new Int32Array(2);
check.equal(sys.syscall(293 /* pipe2 */, held, 0), 0, 'pipe2 (held)');
var heldData = false;
check.equal(loop.watchReadable(held[0], function (fd) {
    var buf = new Uint8Array(8);
    sys.read(fd, buf);
    heldData = true;
    loop.unwatch(fd);
    loop.unwatch(other[0]);
    [held[0], held[1], other[0], other[1]].forEach(function (f) { sys.close(f); });
}), 0, 'watchReadable (held)');
setTimeout(function () { sys.write(held[1], 'x'); }, 30).unref();
process.on('exit', function () {
    check.equal(heldData, true, 'the ref\'d pipe kept the loop alive until its data');
});
