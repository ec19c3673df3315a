// require('os'): facts about the machine, from system calls only: uname
// (hostname, type, release, version, machine), sysinfo (uptime, memory),
// sched_getaffinity (how many CPUs). The same code on Linux and on bare
// metal, where js-drivers/core/system.js serves these calls.
'use strict';

var sys = require('sys');

var SYSINFO = 99;
var SCHED_GETAFFINITY = 204;

function uname() {
    var info = sys.uname();
    if (typeof info === 'number')
        throw systemError('uname', info);
    return info;
}

function systemError(call, errno) {
    var error = new Error('A system error occurred: ' + call + ' returned ' +
        sys.errnoName(errno) + ' (' + sys.errnoMessage(errno) + ')');
    error.code = 'ERR_SYSTEM_ERROR';
    error.errno = errno;
    error.syscall = call;
    return error;
}

// struct sysinfo as numbers (x86_64 layout, 112 bytes).
function sysinfo() {
    var buf = new Uint8Array(112);
    var r = sys.syscall(SYSINFO, buf);
    if (r < 0)
        throw systemError('sysinfo', r);
    var dv = new DataView(buf.buffer);
    function u64(offset) {
        return dv.getUint32(offset, true) + dv.getUint32(offset + 4, true) * 4294967296;
    }
    var unit = dv.getUint32(104, true) || 1;
    return {
        uptime: u64(0),
        loads: [u64(8) / 65536, u64(16) / 65536, u64(24) / 65536],
        totalram: u64(32) * unit,
        freeram: u64(40) * unit
    };
}

exports.EOL = '\n';
exports.devNull = '/dev/null';

exports.hostname = function () { return uname().nodename; };
exports.type = function () { return uname().sysname; };
exports.release = function () { return uname().release; };
exports.version = function () { return uname().version; };
exports.machine = function () { return uname().machine; };
// process.platform: 'linux' hosted, 'jskernel' on bare metal.
exports.platform = function () { return process.platform; };
exports.arch = function () { return 'x64'; };
exports.endianness = function () { return 'LE'; };

exports.uptime = function () { return sysinfo().uptime; };
exports.totalmem = function () { return sysinfo().totalram; };
exports.freemem = function () { return sysinfo().freeram; };
exports.loadavg = function () { return sysinfo().loads; };

// The CPUs this process may run on. Model, speed and times are not
// available through system calls: 'unknown', 0 and zeros.
exports.availableParallelism = function () {
    var mask = new Uint8Array(128);
    var n = sys.syscall(SCHED_GETAFFINITY, 0, mask.length, mask);
    if (n <= 0)
        return 1;
    var count = 0;
    for (var i = 0; i < n; i++) {
        for (var b = mask[i]; b !== 0; b >>= 1)
            count += b & 1;
    }
    return Math.max(count, 1);
};

exports.cpus = function () {
    var list = [];
    var count = exports.availableParallelism();
    for (var i = 0; i < count; i++)
        list.push({ model: 'unknown', speed: 0,
            times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } });
    return list;
};

exports.tmpdir = function () {
    var path = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
    if (path.length > 1 && path.charAt(path.length - 1) === '/')
        path = path.slice(0, -1);
    return path;
};

exports.homedir = function () { return process.env.HOME || '/'; };

exports.userInfo = function () {
    var uid = sys.syscall(102 /* getuid */);
    var gid = sys.syscall(104 /* getgid */);
    return { uid: uid, gid: gid, username: process.env.USER || process.env.LOGNAME ||
        (uid === 0 ? 'root' : String(uid)), homedir: exports.homedir(),
        shell: process.env.SHELL || null };
};

exports.networkInterfaces = function () {
    throw new Error('os.networkInterfaces is not supported in unode');
};
exports.getPriority = function () { return 0; };
exports.setPriority = function () {
    throw new Error('os.setPriority is not supported in unode');
};

exports.constants = {
    signals: { SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6,
        SIGBUS: 7, SIGFPE: 8, SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13,
        SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20 },
    errno: sys.errno,
    priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
        PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 }
};
