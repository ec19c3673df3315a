// require('readline'): a line reader on file descriptors or streams.
// (Completers, the keypress events and the promises API are not there.)
//
//   var rl = readline.createInterface({input: process.stdin, output: process.stdout});
//   rl.on('line', function (line) { ... }); rl.on('close', ...); rl.on('SIGINT', ...)
//   rl.question('name? ', function (answer) { ... });
//   rl.prompt(); rl.setPrompt(p); rl.getPrompt(); rl.write(data); rl.close()
//
// input/output are file descriptors, or streams. A terminal (process.stdin
// on a tty, or any fd on bare metal) is read through its fd, in raw mode
// with the line editor; any other readable stream (a pipe's process.stdin,
// fs.createReadStream, a PassThrough) is read through its 'data' and 'end'
// events. Output goes to the fd of an object that has one (process.stdout),
// else to its write(). Terminal mode (the default when the input is a tty, and
// always on bare metal, whose console is a raw serial line with no termios)
// puts a Linux tty into raw mode like libuv does (no ICANON, ECHO, ISIG,
// IEXTEN; output post-processing kept so "\n" still moves to column 0),
// echoes and edits the line itself (internal/line_editor.js), and reads
// Ctrl-C as a key: it emits 'SIGINT' (or closes when nobody listens). The
// tty settings are restored on close. Otherwise (a pipe, a file) lines end
// at LF, CRLF or CR, nothing is echoed, and end of input closes.
//
// Reading an fd: the interface watches it in the event loop
// (internal/loop.js watchReadable), reads once each time it is readable
// (readOnce) and unwatches it on close.
'use strict';

var sys = require('sys');
var LineEditor = require('./internal/line_editor.js');
var EventEmitter = require('./events.js');
var loop = require('./internal/loop.js');

var SYS_read = 0;
var SYS_write = 1;
var SYS_ioctl = 16;
var TCGETS = 0x5401;
var TCSETS = 0x5402;
var EINTR = 4;
var EAGAIN = 11;

var encoder = new TextEncoder();

function fdOf(stream, fallback) {
    if (typeof stream === 'number')
        return stream;
    if (stream && typeof stream.fd === 'number')
        return stream.fd;
    return fallback;
}

function writeAll(fd, text) {
    var bytes = encoder.encode(text);
    var offset = 0;
    while (offset < bytes.length) {
        var n = sys.syscall(SYS_write, fd, bytes.subarray(offset), bytes.length - offset);
        if (n === -EINTR || n === -EAGAIN)
            continue;
        if (n <= 0)
            return;
        offset += n;
    }
}

// Raw mode for a tty. Returns the saved termios, or null when fd is not a
// terminal (or the platform has no termios).
function makeRaw(fd) {
    var saved = new Uint8Array(60);
    if (sys.syscall(SYS_ioctl, fd, TCGETS, saved) < 0)
        return null;
    var raw = new Uint8Array(saved);
    var view = new DataView(raw.buffer);
    // c_iflag: no BRKINT, ICRNL, INPCK, ISTRIP, IXON
    view.setUint32(0, view.getUint32(0, true) & ~(0x2 | 0x100 | 0x10 | 0x20 | 0x400), true);
    // c_cflag: CS8
    view.setUint32(8, view.getUint32(8, true) | 0x30, true);
    // c_lflag: no ISIG, ICANON, ECHO, IEXTEN
    view.setUint32(12, view.getUint32(12, true) & ~(0x1 | 0x2 | 0x8 | 0x8000), true);
    raw[17 + 6] = 1;  // c_cc[VMIN]: a read returns after one byte
    raw[17 + 5] = 0;  // c_cc[VTIME]: no timer
    if (sys.syscall(SYS_ioctl, fd, TCSETS, raw) < 0)
        return null;
    return saved;
}

function isatty(fd) {
    return sys.syscall(SYS_ioctl, fd, TCGETS, new Uint8Array(60)) >= 0;
}

function Interface(options) {
    if (!(this instanceof Interface))
        return new Interface(options);
    EventEmitter.call(this);
    options = options || {};
    var self = this;
    this.input = options.input === undefined ? 0 : options.input;
    this.output = options.output === undefined ? 1 : options.output;
    this.fd = fdOf(this.input, -1);
    this.outputFd = fdOf(this.output, -1);
    this.outputStream = this.outputFd < 0 && this.output && typeof this.output.write === 'function'
        ? this.output : null;
    var consoleFd = this.fd >= 0 && (isatty(this.fd) || sys.platform !== 'linux');
    this.terminal = options.terminal === undefined ? consoleFd : !!options.terminal;
    // A stream that is not a terminal's fd is read through its events.
    this.inputStream = this.input && typeof this.input.on === 'function' &&
        !(this.terminal && this.fd >= 0) ? this.input : null;
    if (this.inputStream)
        this.fd = -1;
    else if (this.fd < 0)
        throw new TypeError('readline: input must be a file descriptor or a readable stream');
    this.closed = false;
    this.paused = false;
    this.decoder = new TextDecoder('utf-8');
    this.buffer = new Uint8Array(4096);
    this.partial = '';     // non-terminal mode: the line read so far
    this.afterCR = false;  // non-terminal mode: the last character was CR
    this.promptText = options.prompt === undefined ? '> ' : String(options.prompt);
    this.savedTermios = this.terminal && this.fd >= 0 ? makeRaw(this.fd) : null;
    this.questionCallback = null;  // question(): the next line is its answer
    if (this.terminal) {
        this.editor = new LineEditor({
            prompt: this.promptText,
            historySize: options.historySize,
            write: function (text) { self.writeOutput(text); },
            onLine: function (line) { self.onLine(line); },
            onInterrupt: function () {
                if (self.listenerCount('SIGINT') > 0)
                    self.emit('SIGINT');
                else
                    self.close();
            },
            onEnd: function () {  // Ctrl-D on an empty line
                self.writeOutput('\r\n');
                self.close();
            }
        });
        this.history = this.editor.history;
    }
    if (this.inputStream) {
        this.onData = function (chunk) {
            self.write(typeof chunk === 'string' ? chunk :
                self.decoder.decode(chunk, { stream: true }));
        };
        this.onEnd = function () { self.endOfInput(); };
        this.inputStream.on('data', this.onData);
        this.inputStream.on('end', this.onEnd);
        if (typeof this.inputStream.resume === 'function')
            this.inputStream.resume();
    } else {
        // The callback runs outside the watchdog's budget: the REPL's
        // evaluation arms its own (a nested callWithBudget would not, and
        // the RangeError would then unwind past the REPL instead of ending
        // only the entry).
        loop.watchReadable(this.fd, function () { self.readOnce(); }, { budget: false });
    }
    if (typeof process === 'object' && process && typeof process.on === 'function')
        process.on('exit', function () { self.restoreTerminal(); });
}
Interface.prototype = Object.create(EventEmitter.prototype);
Interface.prototype.constructor = Interface;

Object.defineProperty(Interface.prototype, 'line', {
    get: function () { return this.editor ? this.editor.line : this.partial; }
});
Object.defineProperty(Interface.prototype, 'cursor', {
    get: function () { return this.editor ? this.editor.cursor : this.partial.length; }
});

Interface.prototype.writeOutput = function (text) {
    if (this.outputStream)
        this.outputStream.write(text);
    else if (this.outputFd >= 0)
        writeAll(this.outputFd, text);
};

// A complete line: the answer to a pending question(), else a 'line' event.
Interface.prototype.onLine = function (line) {
    var answer = this.questionCallback;
    if (answer) {
        this.questionCallback = null;
        this.setPrompt(this.promptBeforeQuestion);
        answer(line);
        return;
    }
    this.emit('line', line);
};

// question(query[, options], callback): writes query and hands the next
// line to callback instead of the 'line' listeners. A question asked while
// one is pending only shows the prompt again, as in Node.
Interface.prototype.question = function (query, options, callback) {
    if (typeof options === 'function')
        callback = options;
    if (this.closed) {
        var error = new Error('readline was closed');
        error.code = 'ERR_USE_AFTER_CLOSE';
        throw error;
    }
    if (typeof callback !== 'function')
        return;
    if (this.questionCallback) {
        this.prompt();
        return;
    }
    this.promptBeforeQuestion = this.promptText;
    this.questionCallback = callback;
    this.setPrompt(String(query));
    this.prompt();
};

// End of a stream input: a last line without its newline counts.
Interface.prototype.endOfInput = function () {
    var rest = this.decoder.decode();
    if (rest)
        this.write(rest);
    if (!this.editor && this.partial !== '' && !this.closed) {
        var line = this.partial;
        this.partial = '';
        this.onLine(line);
    }
    this.close();
};

Interface.prototype.setPrompt = function (prompt) {
    this.promptText = String(prompt);
    if (this.editor)
        this.editor.setPrompt(this.promptText);
};

Interface.prototype.getPrompt = function () { return this.promptText; };

Interface.prototype.prompt = function () {
    if (this.closed)
        return;
    if (this.editor)
        this.editor.prompt();
    else
        this.writeOutput(this.promptText);
};

// Handles text as if it had been typed.
Interface.prototype.write = function (data) {
    if (this.closed || data === undefined || data === null)
        return;
    data = String(data);
    if (this.editor) {
        this.editor.feed(data);
        return;
    }
    for (var i = 0; i < data.length && !this.closed; i++) {
        var c = data.charAt(i);
        var wasCR = this.afterCR;
        this.afterCR = c === '\r';
        if (c === '\n' && wasCR)
            continue;
        if (c === '\n' || c === '\r') {
            var line = this.partial;
            this.partial = '';
            this.onLine(line);
        } else {
            this.partial += c;
        }
    }
};

// One read from the input (blocking unless the loop said it is readable).
// Returns false once the interface is closed.
Interface.prototype.readOnce = function () {
    if (this.closed)
        return false;
    var n = sys.syscall(SYS_read, this.fd, this.buffer, this.buffer.length);
    if (n === -EINTR || n === -EAGAIN)
        return true;
    if (n <= 0) {  // end of input, or an error that will not go away
        this.endOfInput();
        return false;
    }
    this.write(this.decoder.decode(this.buffer.subarray(0, n), { stream: true }));
    return !this.closed;
};

Interface.prototype.pause = function () { this.paused = true; this.emit('pause'); return this; };
Interface.prototype.resume = function () { this.paused = false; this.emit('resume'); return this; };

Interface.prototype.restoreTerminal = function () {
    if (this.savedTermios) {
        sys.syscall(SYS_ioctl, this.fd, TCSETS, this.savedTermios);
        this.savedTermios = null;
    }
};

Interface.prototype.close = function () {
    if (this.closed)
        return;
    this.closed = true;
    if (this.editor)
        this.editor.stopped = true;
    if (this.inputStream) {
        this.inputStream.removeListener('data', this.onData);
        this.inputStream.removeListener('end', this.onEnd);
        if (typeof this.inputStream.pause === 'function')
            this.inputStream.pause();
    } else {
        loop.unwatch(this.fd);
    }
    this.restoreTerminal();
    this.emit('close');
};

exports.Interface = Interface;
exports.createInterface = function (options) { return new Interface(options); };
exports.isatty = isatty;
