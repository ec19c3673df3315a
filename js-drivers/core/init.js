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
var system = require('./system');

function registerAll(register, entries) {
    var names = Object.keys(entries);
    for (var i = 0; i < names.length; i++) {
        var nr = numbers[names[i]];
        if (nr === undefined)
            throw new Error('init: no system-call number for ' + names[i]);
        register(nr, entries[names[i]]);
    }
}

// A service that programs first use when they wait (epoll: the event
// loop's first wait, after the REPL's prompt) loads on its first system
// call: its names get entries that load it, put its real entries in the
// table (through the private registrar below) and make the call. Every
// module loaded before the prompt costs boot time.
function registerOnFirstCall(register, names, load) {
    var entries = null;
    names.forEach(function (name) {
        register(numbers[name], function () {
            if (!entries) {
                entries = load();
                registerAll(registrar, entries);
            }
            return entries[name].apply(null, arguments);
        });
    });
}

// fds 0, 1 and 2: the console, one open file shared by all three.
var consoleFile = tty.create(kernel);
fdtable.installAt(0, consoleFile);
fdtable.installAt(1, consoleFile);
fdtable.installAt(2, consoleFile);

registerAll(sys.register, fdtable.entries);
registerAll(sys.register, system.create(kernel));
registerOnFirstCall(sys.register,
    ['epoll_create', 'epoll_create1', 'epoll_ctl', 'epoll_wait', 'epoll_pwait'],
    function () { return require('./epoll').create(kernel); });
registerOnFirstCall(sys.register, ['socket', 'connect', 'accept', 'sendto', 'recvfrom',
    'shutdown', 'bind', 'listen', 'getsockname', 'getpeername', 'setsockopt', 'getsockopt',
    'accept4'], function () { return require('../net/socket_syscalls').create(kernel).entries; });

// Kept private to this module (exporting it would reopen the table to any
// program): the service manager will live here and use it for hot reload.
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
