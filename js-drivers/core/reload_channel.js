// The hot-reload channel on COM2 (0x2F8, IRQ 3), which `tools/jsk run`
// connects to a unix socket (build/com2.sock) that `tools/jsk push FILE`
// writes to. Framing, host to guest:
//
//   PUSH <name> <length>\n<length bytes of driver source>
//
// and the answer, guest to host, one line:
//
//   OK <name> <ms>\n            reloaded (or added) in <ms> ms in the guest
//   ERR <name> <ms> <message>\n not reloaded (rolled back when it ran before)
//
// <ms> is drivers.reload's own measure: quiesce, stop, close, evaluate,
// start. The UART is driven through the HAL like any driver (owner 'com2');
// the frame is handled from its IRQ handler, in the pump.
'use strict';

var BASE = 0x2F8, IRQ = 3;
var MAX_HEADER = 256;
// A driver's source: the largest in js-drivers/dev is about 35 kB. A
// larger length is a mistake (or a corrupted header), not a buffer to make.
var MAX_SOURCE = 4 * 1024 * 1024;
// Reading: see the IRQ handler.
var BODY_WAIT_MS = 2, BODY_SLICE_MS = 50, DISCARD_QUIET_MS = 50;

function decode(bytes) {
    if (typeof TextDecoder === 'function')
        return new TextDecoder().decode(bytes);
    var s = '';
    for (var i = 0; i < bytes.length; i++)
        s += String.fromCharCode(bytes[i]);
    return s;
}

// start(hal, drivers) -> true when a UART answers at COM2.
function start(hal, drivers, log) {
    var owner = hal.owner('com2');
    var io;
    try {
        io = owner.io.claim(BASE, 8);
        io.out8(7, 0x5A);             // scratch register: is there a UART?
        if (io.in8(7) !== 0x5A) {
            owner.close();
            return false;
        }
    } catch (e) {
        owner.close();
        return false;
    }
    io.out8(1, 0x00);                 // interrupts off while setting up
    io.out8(3, 0x80);                 // DLAB: 115200 baud
    io.out8(0, 0x01);
    io.out8(1, 0x00);
    io.out8(3, 0x03);                 // 8N1
    // The FIFO control register (2) is left alone: the kernel turned the
    // FIFOs on at boot (kernel/main.cpp), before the ready line. Writing it
    // here could clear them (QEMU does whenever the enable bit changes), and
    // a push sent right after the ready line, before the drivers start, is
    // already arriving: its first bytes, and with them the frame, were lost.
    io.out8(4, 0x0B);                 // DTR, RTS, OUT2 (the IRQ gate)

    var header = '';                  // the header line so far
    var body = null, got = 0, name = null;
    var discarding = false;           // after a bad header: the rest of its frame
    var lastHeard = 0;                // while discarding: when the last byte came
    var chunk = new Uint8Array(256);  // what one read of the FIFO brought

    function send(text) {
        for (var i = 0; i < text.length; i++) {
            for (var spin = 0; spin < 100000 && !(io.in8(5) & 0x20); spin++) { }
            io.out8(0, text.charCodeAt(i) & 0xFF);
        }
    }

    function frame(source) {
        var r;
        try {
            r = drivers.reload(name, source);
        } catch (e) {
            r = {ok: false, ms: 0, error: String(e)};
        }
        var ms = r.ms.toFixed(3);
        send(r.ok ? 'OK ' + name + ' ' + ms + '\n' :
            'ERR ' + name + ' ' + ms + ' ' + String(r.error).replace(/\n/g, ' ') + '\n');
    }

    // A byte outside a body: a header's, or a bad frame's being dropped.
    function take(byte) {
        if (discarding) {
            var now = hal.clock.now();
            if (now - lastHeard > DISCARD_QUIET_MS) {
                discarding = false;   // the line was quiet: this byte begins a frame
                header = '';
            }
            lastHeard = now;
        }
        if (byte !== 10) {
            if (header.length < MAX_HEADER)
                header += String.fromCharCode(byte);
            return;
        }
        var line = header;
        header = '';
        // While discarding, the next frame may follow a bad one's last
        // line with no newline between them: its header ends this line.
        var at = discarding ? line.lastIndexOf('PUSH ') : 0;
        var m = /^PUSH (\S+) (\d+)\s*$/.exec(at > 0 ? line.slice(at) : line);
        var tooLarge = m && Number(m[2]) > MAX_SOURCE;
        if (!m || tooLarge) {
            if (discarding)
                return;               // a line of the bad frame
            send(tooLarge ? 'ERR ' + m[1] + ' 0 source of ' + m[2] + ' bytes is over the limit of ' +
                MAX_SOURCE + '\n' : 'ERR - 0 bad header ' + JSON.stringify(line.slice(0, 40)) + '\n');
            // Whatever follows belongs to the bad frame (a body read as
            // header lines would give an ERR per line): its lines are
            // dropped until the line has been quiet for DISCARD_QUIET_MS or
            // a line is, or ends with, a good header (no JavaScript line
            // is or does). Quiet alone is not enough: a guest that reads
            // late (a busy host) finds the next frame right behind the bad
            // one.
            discarding = true;
            lastHeard = hal.clock.now();
            return;
        }
        discarding = false;
        name = m[1];
        body = new Uint8Array(Number(m[2]));
        got = 0;
        if (body.length === 0) {
            body = null;
            frame('');
        }
    }

    // Reads what the receive FIFO holds: RBR while LSR says data ready, in
    // one native loop (two register accesses a byte from JS were most of a
    // push's time). A body's bytes are copied in one go. -> how many.
    function readAvailable() {
        var n = io.in8While(0, 5, 0x01, chunk);
        for (var i = 0; i < n; ) {
            if (!body) {
                take(chunk[i++]);
                continue;
            }
            var k = Math.min(n - i, body.length - got);
            body.set(chunk.subarray(i, i + k), got);
            got += k;
            i += k;
            if (got === body.length) {
                var source = decode(body);
                body = null;
                frame(source);
            }
        }
        return n;
    }

    // While a frame is coming in, the handler goes on reading after the
    // FIFO empties: QEMU refills it within microseconds, but the next
    // interrupt is handled only in the pump's next round. At a FIFO's
    // worth a round, a 35 kB driver took as long as a 16 MiB download that
    // kept the pump busy (tens of seconds). Bounded: BODY_WAIT_MS without
    // a byte, or BODY_SLICE_MS in all, then the pump goes on and the next
    // interrupt continues.
    function readFrames() {
        var sliceStart = hal.clock.now(), emptySince = -1;
        for (;;) {
            if (readAvailable() > 0) {
                emptySince = -1;
                if (hal.clock.now() - sliceStart > BODY_SLICE_MS)
                    break;
            } else {
                if (!body && !discarding)
                    break;
                var now = hal.clock.now();
                if (emptySince < 0)
                    emptySince = now;
                else if (now - emptySince > BODY_WAIT_MS)
                    break;
            }
        }
    }

    // The received-data interrupt is off while the handler reads: each
    // refill of the FIFO would raise it again, and those interrupts, queued
    // behind the handler (one per 14 bytes: some 2,500 for e1000.js),
    // overflowed the HAL's event ring of 256, leaving no room for other
    // devices' interrupts. Turned back on, it fires at once if data is
    // waiting.
    owner.irq.claim(IRQ, function () {
        io.out8(1, 0x00);
        try {
            readFrames();
        } finally {
            io.out8(1, 0x01);
        }
    });
    while (readAvailable() > 0) { }   // what came before the channel started
    io.out8(1, 0x01);                 // received-data interrupt on
    return true;
}

module.exports = {start: start};
