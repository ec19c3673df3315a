// Serial console input end to end (tests/qemu/scenario.py qemu.svc_serial_echo):
// bytes written to QEMU's stdin reach COM1, the IRQ 4 handler queues them,
// and the tty service hands them to read(0). Phase 1 waits with epoll and
// reads non-blocking; phase 2 reads blocking until a 'q'.
var syscall = require('sys').syscall;

function out(text) { syscall(1, 1, text, text.length); }
function hex(bytes) {
    var parts = [];
    for (var i = 0; i < bytes.length; i++)
        parts.push((bytes[i] < 16 ? '0' : '') + bytes[i].toString(16));
    return parts.join(' ');
}

var buf = new Uint8Array(256);
// Non-blocking: no input yet gives -EAGAIN.
syscall(72, 0, 4, 0x800);  // fcntl(0, F_SETFL, O_NONBLOCK)
out('eagain ' + syscall(0, 0, buf, 256) + '\n');

var ep = syscall(291, 0);
var ev = new DataView(new ArrayBuffer(12));
ev.setUint32(0, 1, true);  // EPOLLIN
ev.setUint32(4, 1234, true);
out('ctl ' + syscall(233, ep, 1, 0, ev) + '\n');
var events = new DataView(new ArrayBuffer(12));
out('echo ready\n');

var line = [];
while (line.indexOf(10) < 0) {
    var n = syscall(232, ep, events, 1, -1);
    if (n !== 1 || events.getUint32(0, true) !== 1 || events.getUint32(4, true) !== 1234) {
        out('bad epoll_wait ' + n + '\n');
        syscall(231, 2);
    }
    var got = syscall(0, 0, buf, 256);
    for (var i = 0; i < got; i++)
        line.push(buf[i]);
}
out('line1 ' + hex(line) + '\n');

// Blocking reads until a 'q': a burst of bytes must arrive complete.
syscall(72, 0, 4, 0);
out('blocking\n');
var count = 0, sum = 0, done = false;
while (!done) {
    var k = syscall(0, 0, buf, 256);
    if (k <= 0) {
        out('bad read ' + k + '\n');
        syscall(231, 3);
    }
    for (var j = 0; j < k; j++) {
        if (buf[j] === 0x71) { done = true; break; }
        count++;
        sum = (sum + buf[j] * (count % 251)) % 1000003;
    }
}
var stats = require('native:kernel').stats();
out('burst ' + count + ' ' + sum + ' overflows ' + stats.inputOverflows + '\n');
syscall(231, 0);
