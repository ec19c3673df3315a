// The console tty: serial (COM1) in and out, and the VGA text screen out,
// as one open file shared by fds 0, 1 and 2.
//
// Input bytes come from the kernel's console input ring (filled by the
// COM1 interrupt handler, and by feed() below: the keyboard, through
// js-drivers/tty/keyboard.js). Fed bytes go into the same ring, so reads,
// poll() and epoll_wait see them and a waiting read wakes up. There is no line discipline yet: the tty
// behaves as in raw mode whatever termios says (no echo, no line editing,
// no signals, '\r' arrives as typed), and TCGETS reports raw mode
// accordingly; TCSETS* store the termios the program sets, so TCGETS
// returns it, but do not change the behaviour. Output gets ONLCR ('\n' is
// sent as "\r\n"), which raw mode in Node/libuv keeps on too.
'use strict';

var abi = require('../core/abi');
var E = require('../core/errno');

var TCGETS = 0x5401, TCSETS = 0x5402, TCSETSW = 0x5403, TCSETSF = 0x5404;
var TIOCGPGRP = 0x540F, TIOCSPGRP = 0x5410, TIOCGWINSZ = 0x5413, TIOCSWINSZ = 0x5414;
var FIONREAD = 0x541B, FIONBIO = 0x5421;
var O_NONBLOCK = 0x800;
var EPOLLIN = 0x001, EPOLLOUT = 0x004, EPOLLRDNORM = 0x040, EPOLLWRNORM = 0x100;
var WAKE_INPUT = 1;  // native:kernel.waitForEvent: console input
var TERMIOS_SIZE = 36;  // the kernel's struct termios: 4 flags, c_line, c_cc[19]

// struct termios in raw mode, as after cfmakeraw() on a Linux serial tty
// (B38400 CS8 CREAD HUPCL; OPOST ONLCR kept, as libuv's raw mode does).
function rawTermios() {
    var t = new Uint8Array(TERMIOS_SIZE);
    var dv = new DataView(t.buffer);
    dv.setUint32(0, 0, true);                      // c_iflag
    dv.setUint32(4, 0x0001 | 0x0004, true);        // c_oflag: OPOST | ONLCR
    dv.setUint32(8, 0x000F | 0x0030 | 0x0080 | 0x0400, true);  // c_cflag: B38400 CS8 CREAD HUPCL
    dv.setUint32(12, 0, true);                     // c_lflag: no ICANON, ECHO, ISIG, IEXTEN
    t[16] = 0;                                     // c_line: N_TTY
    var cc = [3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0];
    for (var i = 0; i < cc.length; i++)            // VINTR ... VEOL2; VTIME 0, VMIN 1
        t[17 + i] = cc[i];
    return t;
}

var feedKernel = null;

// feed(bytes): queues bytes (a string of char codes < 0x100, or a
// Uint8Array) as console input, as if typed on the serial line. Returns how
// many were queued (a full ring drops the rest, as for COM1).
function feed(bytes) {
    if (feedKernel === null)
        feedKernel = require('native:kernel');
    return feedKernel.consoleInject(bytes);
}

function create(kernel) {
    if (kernel.consoleInject)
        feedKernel = kernel;
    var termios = rawTermios();
    var rows = 25, cols = 80;  // the VGA text screen; a serial terminal may differ

    function blocking(file) { return !(file.flags & O_NONBLOCK); }

    var file = {
        kind: 'tty',
        flags: 2,  // O_RDWR
        read: function (u8, count) {
            if (count === 0)
                return 0;
            for (;;) {
                var n = kernel.consoleRead(u8, 0, count);
                if (n > 0)
                    return n;
                if (!blocking(file))
                    return -E.EAGAIN;
                kernel.waitForEvent(-1, WAKE_INPUT);
            }
        },
        write: function (data, count) {
            return kernel.consoleWrite(data, 0, count);
        },
        ioctl: function (request, arg) {
            var dv;
            switch (request) {
            case TCGETS:
                var out = abi.bytes(arg);
                if (out === null || out.byteLength < TERMIOS_SIZE)
                    return -E.EFAULT;
                out.set(termios);
                return 0;
            case TCSETS:
            case TCSETSW:
            case TCSETSF:
                var from = abi.bytes(arg);
                if (from === null || from.byteLength < TERMIOS_SIZE)
                    return -E.EFAULT;
                termios.set(from.subarray(0, TERMIOS_SIZE));
                if (request === TCSETSF)  // flush pending input
                    while (kernel.consoleRead(new Uint8Array(64)) > 0) { }
                return 0;
            case TIOCGWINSZ:
                dv = abi.view(arg, 8);
                if (dv === null)
                    return -E.EFAULT;
                dv.setUint16(0, rows, true);
                dv.setUint16(2, cols, true);
                dv.setUint16(4, 0, true);
                dv.setUint16(6, 0, true);
                return 0;
            case TIOCSWINSZ:
                dv = abi.view(arg, 8);
                if (dv === null)
                    return -E.EFAULT;
                rows = dv.getUint16(0, true);
                cols = dv.getUint16(2, true);
                return 0;
            case TIOCGPGRP:
                dv = abi.view(arg, 4);
                if (dv === null)
                    return -E.EFAULT;
                dv.setInt32(0, 1, true);  // the one process is the foreground group
                return 0;
            case TIOCSPGRP:
                return abi.view(arg, 4) === null ? -E.EFAULT : 0;
            case FIONREAD:
                dv = abi.view(arg, 4);
                if (dv === null)
                    return -E.EFAULT;
                dv.setInt32(0, kernel.consoleAvailable(), true);
                return 0;
            case FIONBIO:
                dv = abi.view(arg, 4);
                if (dv === null)
                    return -E.EFAULT;
                file.flags = dv.getInt32(0, true) ? file.flags | O_NONBLOCK :
                    file.flags & ~O_NONBLOCK;
                return 0;
            default:
                return -E.ENOTTY;
            }
        },
        stat: function (dv) {
            dv.setUint32(0, 6, true);           // st_dev: devtmpfs-like
            dv.setUint32(8, 64, true);          // st_ino
            dv.setUint32(16, 1, true);          // st_nlink
            dv.setUint32(24, 0x2000 | 0x190, true);  // st_mode: S_IFCHR | 0620
            dv.setUint32(40, (4 << 8) | 64, true);   // st_rdev: 4:64, ttyS0
            dv.setUint32(56, 1024, true);       // st_blksize
        },
        poll: function () {
            var ready = EPOLLOUT | EPOLLWRNORM;
            if (kernel.consoleAvailable() > 0)
                ready |= EPOLLIN | EPOLLRDNORM;
            return ready;
        },
        wakeOn: function (events) {
            return events & (EPOLLIN | EPOLLRDNORM) ? WAKE_INPUT : 0;
        }
    };
    return file;
}

module.exports = { create: create, rawTermios: rawTermios, feed: feed };
