// The first JavaScript on bare metal: the engine's loader runs this file
// (the kernel names it, /js-drivers/core/init.js) before unode's standard
// library, which reaches the machine only through the system calls
// registered here.
//
// The table: native:sys holds one function per Linux x86_64 system-call
// number, called with the caller's own arguments (buffers by reference);
// unknown numbers give -ENOSYS, and a service that throws is reported on
// the console and gives -EIO. Registration is open only while this file
// runs: sys.lock() closes sys.register for everyone else (programs can
// require('native:sys') too) and hands back a private registrar, kept
// here for re-registering services when they are hot-reloaded.
//
// Nothing here requires stdlib/node: the services sit below the table.
'use strict';

var sys = require('native:sys');
var kernel = require('native:kernel');
var numbers = require('./syscalls');
var fdtable = require('./fdtable');
var tty = require('../tty/console');

// The file systems (js-drivers/fs: the archive at /, /tmp, /dev, /mnt) and
// the file system calls are set up on the first file system call (the
// names are in fs/lazy.js; registerOnFirstCall below): booting to the
// REPL's prompt does not pay for them.
var fileSystems = null;  // {vfs, devfs} once set up
var driversApi = null;   // the driver manager's API once the drivers run
function setUpFileSystems() {
    if (!fileSystems) {
        var mounts = require('../fs/mounts');
        fileSystems = { vfs: require('../fs/vfs'), devfs: mounts.setup(kernel).devfs };
        if (driversApi)  // disks appear as /dev/sda... (js-drivers/fs/devfs.js)
            mounts.watchDisks(driversApi, fileSystems.devfs);
    }
    return fileSystems;
}

function loadFileCalls() {
    setUpFileSystems();
    return require('../fs/syscalls').create(kernel,
        { cwd: require('native:engine').options.cwd });
}

function registerAll(register, entries) {
    var names = Object.keys(entries);
    for (var i = 0; i < names.length; i++) {
        var nr = numbers[names[i]];
        if (nr === undefined)
            throw new Error('init: no system-call number for ' + names[i]);
        register(nr, entries[names[i]]);
    }
}

// The names a service's entries lack, and the entries it has beyond
// `names`: both must be empty, or some calls would give ENOSYS.
function mismatch(names, entries) {
    var missing = names.filter(function (n) { return typeof entries[n] !== 'function'; });
    var extra = Object.keys(entries).filter(function (n) { return names.indexOf(n) < 0; });
    return missing.concat(extra);
}

// A service that programs first use after the REPL's prompt (the clocks
// and epoll: the event loop's start and first wait), or that many never
// use (the file system calls, sockets), loads on its first system call:
// native:sys keeps one loader for all its numbers, which puts the real
// entries in the table (through the private registrar below) and the call
// goes on to them. Every module loaded before the prompt costs boot time.
// The service must serve every name it was deferred for.
function registerOnFirstCall(names, load) {
    var nrs = [];
    for (var i = 0; i < names.length; i++) {
        var nr = numbers[names[i]];
        if (nr === undefined)
            throw new Error('init: no system-call number for ' + names[i]);
        nrs.push(nr);
    }
    var loading = false;
    sys.registerDeferred(nrs, function (nr) {
        if (loading)  // the service's own loading made one of its calls
            throw new Error('init: system call ' + nr + ' used while its service loads');
        loading = true;
        try {
            var entries = load();
            var wrong = mismatch(names, entries);
            if (wrong.length)
                throw new Error('init: the service deferred for ' + names.join(', ') +
                    ' disagrees with that list on ' + wrong.join(', '));
            registerAll(registrar, entries);
        } finally {
            loading = false;
        }
    });
}

// fds 0, 1 and 2: the console, one open file shared by all three.
var consoleFile = tty.create(kernel);
fdtable.installAt(0, consoleFile);
fdtable.installAt(1, consoleFile);
fdtable.installAt(2, consoleFile);

registerAll(sys.register, fdtable.entries);
registerOnFirstCall(require('../fs/lazy').NAMES, loadFileCalls);
// Clocks, sleeping, random bytes, uname, ids and exit (core/system.js).
registerOnFirstCall(['clock_gettime', 'clock_getres', 'nanosleep', 'clock_nanosleep',
    'gettimeofday', 'time', 'getrandom', 'uname', 'sysinfo', 'sched_getaffinity', 'exit_group',
    'exit', 'getpid', 'gettid', 'getppid', 'getuid', 'geteuid', 'getgid', 'getegid',
    'sched_yield'], function () {
    return require('./system').create(kernel, {
        beforeExit: function () {
            var r = fileSystems ? fileSystems.vfs.syncAll() : 0;
            // Sockets' last bytes leave (at most 2 s) when the network was used.
            var net = netUsed ? require('../net/socket_syscalls').current() : null;
            if (net)
                net.drain(2000);
            return r;
        } });
});
registerOnFirstCall(['epoll_create', 'epoll_create1', 'epoll_ctl', 'epoll_wait', 'epoll_pwait'],
    function () { return require('./epoll').create(kernel); });
var netUsed = false;  // the stack's modules load only when a program uses a socket
registerOnFirstCall(['socket', 'connect', 'accept', 'sendto', 'recvfrom',
    'shutdown', 'bind', 'listen', 'getsockname', 'getpeername', 'setsockopt', 'getsockopt',
    'accept4'], function () {
    netUsed = true;
    return require('../net/socket_syscalls').create(kernel).entries;
});

// Kept private to this module (exporting it would reopen the table to any
// program): loadFileCalls uses it, and the service manager will for hot
// reload.
var registrar = sys.lock();

// The driver manager (js-drivers/core/drivers.js, docs/drivers.md): starts
// the drivers in js-drivers/dev (index.json, listed by tools/mkinitrd.py) for the devices present and
// fills native:drivers, which bare require('drivers') returns, with its API.
// Its backoff timers run from the waits (core/timers.js wraps
// kernel.waitForEvent). Not on a platform without the HAL.
var driversStarted = false;
function startDrivers() {
    if (driversStarted)
        return;
    driversStarted = true;
    var hal;
    try {
        hal = require('hal');
    } catch (e) {
        return;
    }
    var api = require('./drivers').boot({hal: hal, kernel: kernel,
        log: function (msg) { kernel.consoleWrite(msg); }});
    var exported = require('native:drivers');
    Object.keys(api).forEach(function (k) {
        if (typeof api[k] === 'function')
            exported[k] = api[k];
        else  // settings (budgetMs) stay the manager's
            Object.defineProperty(exported, k, {enumerable: true,
                get: function () { return api[k]; }, set: function (v) { api[k] = v; }});
    });
    // The keyboard (js-drivers/dev/ps2.js) feeds the console (fd 0): its
    // `input` interface, through the proxy, so the console stays attached
    // across reloads and restarts of the driver. A machine without an
    // i8042 (or a failing one) only loses the keyboard; one whose first
    // start failed is attached when a restart provides it.
    // Disks appear as /dev/sda... (js-drivers/fs/devfs.js), now or when
    // the file systems are set up.
    driversApi = api;
    if (fileSystems)
        require('../fs/mounts').watchDisks(api, fileSystems.devfs);
    // FAT volumes on the disks mount at /mnt/sda1... (js-drivers/fs/automount.js,
    // docs/fs-fat.md): this sets up the file systems, after the prompt.
    require('../fs/automount').start({ drivers: api, vfs: setUpFileSystems().vfs,
        log: function (line) { kernel.consoleWrite(line + '\n'); } });
    var keyboard = null;
    api.whenProvided('input', function (input) {
        if (!keyboard)
            keyboard = require('../tty/keyboard').attach(input, tty.feed);
    });
    // tools/jsk push: driver sources over COM2 when the machine has one.
    require('./reload_channel').start(hal, api);
}

// A program (`jsk run app.js`) finds its drivers started, as it would on
// any OS. At the REPL they start at the first wait, the moment the machine
// would otherwise go idle, which is right after the prompt: the prompt
// appears before the devices are probed and reset (docs/drivers.md, "When
// drivers start"). Input typed ahead can reach the REPL before any wait,
// so require('drivers') starts them too, on its first use.
var DRIVERS_API = ['list', 'get', 'whenProvided', 'stop', 'start', 'reload', 'load'];

function startDriversLoudly() {
    try {
        startDrivers();  // may wrap kernel.waitForEvent (core/timers.js)
    } catch (e) {
        kernel.consoleWrite('init: the driver manager did not start: ' +
            (e && e.stack || e) + '\n');
    }
}

if (require('native:engine').options.mode === 'repl') {
    var waitForEvent = kernel.waitForEvent;
    kernel.waitForEvent = function firstWait(timeout, wakeOn) {
        kernel.waitForEvent = waitForEvent;
        startDriversLoudly();
        return kernel.waitForEvent(timeout, wakeOn);
    };
    var exported = require('native:drivers');
    DRIVERS_API.forEach(function (name) {
        var stub = function () {
            startDriversLoudly();  // replaces the stubs with the manager's API
            if (exported[name] === stub)
                throw new Error('drivers.' + name + ': the driver manager is not running');
            return exported[name].apply(exported, arguments);
        };
        exported[name] = stub;
    });
} else {
    startDrivers();
}
