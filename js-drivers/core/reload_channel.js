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
    io.out8(2, 0xC7);                 // FIFOs on and cleared, trigger at 14 bytes
    io.out8(4, 0x0B);                 // DTR, RTS, OUT2 (the IRQ gate)

    var header = '';                  // the header line so far
    var body = null, got = 0, name = null;

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

    function take(byte) {
        if (body) {
            body[got++] = byte;
            if (got === body.length) {
                var source = decode(body);
                body = null;
                frame(source);
            }
            return;
        }
        if (byte !== 10) {
            if (header.length < MAX_HEADER)
                header += String.fromCharCode(byte);
            return;
        }
        var m = /^PUSH (\S+) (\d+)\s*$/.exec(header);
        header = '';
        if (!m) {
            send('ERR - 0 bad header\n');
            return;
        }
        name = m[1];
        body = new Uint8Array(Number(m[2]));
        got = 0;
        if (body.length === 0) {
            body = null;
            frame('');
        }
    }

    owner.irq.claim(IRQ, function () {
        while (io.in8(5) & 0x01)      // LSR: data ready
            take(io.in8(0));
    });
    io.out8(1, 0x01);                 // received-data interrupt on
    while (io.in8(5) & 0x01)
        take(io.in8(0));
    return true;
}

module.exports = {start: start};
