// Copies stdin (COM1, fed from what is piped into tools/jsk run) to stdout
// until a '.', then prints the byte count. read(0) and write(1) directly.
var sys = require('sys');
var buf = new Uint8Array(64), total = 0;
for (;;) {
    var n = sys.syscall(0, 0, buf, 64);
    if (n <= 0)
        break;
    total += n;
    sys.syscall(1, 1, buf, n);
    if (buf[n - 1] === 0x2e)
        break;
}
console.log('\nread', total);
