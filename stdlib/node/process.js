// require('process'), the global `process`: an EventEmitter with argv,
// env, exit, nextTick, hrtime... built from native:engine's options and
// system calls only.
'use strict';

var sys = require('sys');
var EventEmitter = require('./events.js');
var loop = require('./internal/loop.js');

var options = require('native:engine').options;

var process = new EventEmitter();

// Writes all of text (UTF-8) to fd; writes are synchronous, so nothing is
// ever left to flush at exit.
function writeAll(fd, text) {
    return sys.writeAll(fd, String(text)) === 0;
}

// process.stdin, stdout and stderr are streams (stdlib/node/tty.js), made
// on first use: loading the stream classes is a measurable part of a
// program's start-up on bare metal, and most programs only print through
// console, which writes to the fd directly until process.stdout exists
// (see _stdioIfMade): then it goes through the stream, so a program that
// replaces process.stdout.write sees console's output too, as in Node.
var stdio = [null, null, null];
function stdioStream(fd) {
    if (stdio[fd] === null) {
        var tty = require('./tty.js');
        stdio[fd] = fd === 0 ? new tty.ReadStream(0) : new tty.WriteStream(fd);
    }
    return stdio[fd];
}
['stdin', 'stdout', 'stderr'].forEach(function (name, fd) {
    Object.defineProperty(process, name, { enumerable: true, configurable: true,
        get: function () { return stdioStream(fd); } });
});
process._stdioIfMade = function (fd) { return stdio[fd]; };
process._writeAll = writeAll;

process.argv = options.argv.slice();
process.argv0 = 'node';
process.execPath = options.argv[0];
process.execArgv = [];
process.title = 'unode';
process.version = 'v20.0.0';
process.versions = { node: '20.0.0', duktape: '2.7.0', unode: '0.1.0' };
process.release = { name: 'node' };
// 'linux' hosted, 'jskernel' on bare metal (DESIGN, unode). The system-call
// ABI is Linux's on both.
process.platform = options.platform;
process.arch = 'x64';
process.pid = sys.getpid();
process.config = { variables: {} };
process.features = {};
process.exitCode = undefined;

process.env = {};
for (var i = 0; i < options.environment.length; i++) {
    var entry = options.environment[i];
    var eq = entry.indexOf('=');
    if (eq > 0)
        process.env[entry.slice(0, eq)] = entry.slice(eq + 1);
}

process.cwd = function () {
    var buf = new Uint8Array(4096);
    var n = sys.syscall(79 /* getcwd */, buf, buf.length);
    if (n > 0)
        return sys.decodeUtf8(buf.subarray(0, n - 1));
    return options.cwd;
};

process.chdir = function (directory) {
    var r = sys.syscall(80 /* chdir */, String(directory));
    if (r < 0) {
        var error = new Error(sys.errnoName(r) + ': ' + sys.errnoMessage(r) +
            ", chdir '" + directory + "'");
        error.code = sys.errnoName(r);
        throw error;
    }
};

process.nextTick = loop.nextTick;

// [seconds, nanoseconds] of the monotonic clock, or the time since `prev`.
process.hrtime = function (prev) {
    var t = sys.clock_gettime(sys.CLOCK_MONOTONIC);
    var sec = t.sec;
    var nsec = t.nsec;
    if (prev) {
        sec -= prev[0];
        nsec -= prev[1];
        if (nsec < 0) {
            sec--;
            nsec += 1e9;
        }
    }
    return [sec, nsec];
};

// hrtime.bigint() needs BigInt, which Duktape 2.7 does not have.
process.hrtime.bigint = function () {
    throw new Error('process.hrtime.bigint is not supported in unode (no BigInt in Duktape)');
};

process.uptime = function () { return (loop.monotonicMs() - loop.startedMs) / 1000; };

// rss: the peak resident size from getrusage on Linux; on bare metal (no
// getrusage) the RAM in use, from sysinfo: the whole machine is this one
// process. Duktape does not report its heap: heapTotal/heapUsed are 0.
process.memoryUsage = function () {
    return { rss: process.memoryUsage.rss(), heapTotal: 0, heapUsed: 0, external: 0,
        arrayBuffers: 0 };
};
process.memoryUsage.rss = function () {
    var usage = new Uint8Array(144);
    if (sys.syscall(98 /* getrusage */, 0 /* RUSAGE_SELF */, usage) === 0) {
        var dv = new DataView(usage.buffer);
        return (dv.getUint32(32, true) + dv.getUint32(36, true) * 4294967296) * 1024;
    }
    var info = new Uint8Array(112);
    if (sys.syscall(99 /* sysinfo */, info) === 0) {
        var view = new DataView(info.buffer);
        var unit = view.getUint32(104, true) || 1;
        return (view.getUint32(32, true) - view.getUint32(40, true)) * unit;
    }
    return 0;
};

// emitWarning(warning[, type[, code]][, ctor]) or (warning, {type, code,
// detail}): on the next tick, 'warning' listeners get the Error and the
// default handler prints it as Node does, with the "(Use `node
// --trace-...`" hint after the first one.
var warningHintShown = false;
process.noDeprecation = false;
process.emitWarning = function (warning, type, code) {
    var detail;
    if (type !== null && typeof type === 'object') {
        code = type.code;
        detail = type.detail;
        type = type.type;
    } else if (typeof type === 'function') {
        type = undefined;
        code = undefined;
    } else if (typeof code === 'function') {
        code = undefined;
    }
    if (typeof warning === 'string') {
        var error = new Error(warning);
        error.name = String(type || 'Warning');
        if (code !== undefined)
            error.code = code;
        if (detail !== undefined)
            error.detail = detail;
        warning = error;
    } else if (!(warning instanceof Error)) {
        var typeError = new TypeError('The "warning" argument must be of type string or an ' +
            'instance of Error');
        typeError.code = 'ERR_INVALID_ARG_TYPE';
        throw typeError;
    }
    if (warning.name === 'DeprecationWarning' && process.noDeprecation)
        return;
    loop.nextTick(function () {
        process.emit('warning', warning);
        printWarning(warning);
    });
};

function printWarning(warning) {
    var text = '(node:' + process.pid + ') ' +
        (warning.code !== undefined ? '[' + warning.code + '] ' : '') +
        warning.name + ': ' + warning.message + '\n';
    if (typeof warning.detail === 'string')
        text += warning.detail + '\n';
    if (!warningHintShown) {
        warningHintShown = true;
        text += '(Use `node --trace-' + (warning.name === 'DeprecationWarning' ? 'deprecation' :
            'warnings') + ' ...` to show where the warning was created)\n';
    }
    writeAll(2, text);
}

// exit(code): runs the 'exit' listeners once, then ends the process.
var exiting = false;
process.exit = function (code) {
    if (code !== undefined)
        process.exitCode = code;
    if (!exiting) {
        exiting = true;
        process._exiting = true;
        try {
            process.emit('exit', exitStatus());
        } catch (error) {
            writeAll(2, 'Uncaught ' + (error && error.stack || String(error)) + '\n');
            process.exitCode = 7;  // Node's status for a throwing exit handler
        }
    }
    sys.exit_group(exitStatus());
};
process.reallyExit = function (code) { sys.exit_group(code | 0); };

function exitStatus() {
    var code = Number(process.exitCode);
    return code === code ? code & 0xff : 0;
}
process._exitStatus = exitStatus;

process.abort = function () { sys.exit_group(134); };
process.kill = function () { throw new Error('process.kill is not supported in unode'); };

module.exports = process;
