// The driver manager (docs/drivers.md): loads the driver modules of
// /js-drivers/dev at boot, matches them to the PCI functions and legacy
// devices present, starts each with its own HAL owner, keeps the interfaces
// they provide behind stable proxies, reloads them (with rollback), and
// restarts a driver whose handler throws or overruns its budget, with
// exponential backoff, until it has failed MAX_FAILURES times.
//
// Its API is what require('drivers') returns on bare metal (init.js copies
// it into native:drivers): list, get, reload, stop, start, load.
'use strict';

var engine = require('native:engine');
var timers = require('./timers');

var DEV_DIR = '/js-drivers/dev/';
var INDEX = DEV_DIR + 'index.json';     // the driver files loaded at boot (written by tools/mkinitrd.py)
var LEGACY = ['i8042', 'rtc'];          // always there on QEMU's pc and q35
var BACKOFF_MS = 50;                    // 50, 100, 200, 400 ms
var MAX_FAILURES = 5;                   // the 5th failure in a row leaves it 'failed'
var HEALTHY_MS = 10000;                 // running this long forgets past failures

var hal = null;
var logSink = null;
var entries = {};    // name -> entry
var order = [];      // names, in load order
var slots = {};      // kind -> [slot]; a slot keeps its proxy across restarts
var watchers = {};   // kind -> [fn]: whenProvided

var api = {budgetMs: 1000};

function now() { return timers.now(); }

function log(msg) {
    if (logSink)
        logSink('drivers: ' + msg + '\n');
}

function errorText(e) {
    return e instanceof Error ? e.name + ': ' + e.message : String(e);
}

// -- proxies ------------------------------------------------------------------
var SUBSCRIBE = /^(on|addListener|addEventListener|on[A-Z].*)$/;
var UNSUBSCRIBE = /^(off|removeListener|removeEventListener)$/;

function newSlot(kind, driver) {
    var slot = {kind: kind, driver: driver, impl: null, subs: [], props: {}, wrappers: {}};
    function current() {
        if (!slot.impl)
            throw new Error(kind + ': driver ' + driver + ' is not running');
        return slot.impl;
    }
    slot.proxy = new Proxy({}, {
        get: function (target, p) {
            if (p === 'driver')
                return driver;
            if (!slot.impl) {
                if (Object.prototype.hasOwnProperty.call(slot.props, p))
                    return slot.props[p];
                return slot.wrappers[p];  // a method seen before: it throws 'not running'
            }
            var v = slot.impl[p];
            if (typeof v !== 'function')
                return v;
            if (!slot.wrappers[p]) {
                // Which kind of method p is, decided once: most calls (a
                // NIC's send, per frame) are neither and go straight through.
                var subscribe = SUBSCRIBE.test(p), unsubscribe = UNSUBSCRIBE.test(p);
                slot.wrappers[p] = function () {
                    var impl = current();
                    if (!subscribe && !unsubscribe)
                        return impl[p].apply(impl, arguments);
                    var args = Array.prototype.slice.call(arguments);
                    // Called first: a subscription the driver refused
                    // (it threw) is not repeated on the next version.
                    var result = impl[p].apply(impl, args);
                    if (subscribe) {
                        slot.subs.push({method: p, args: args});
                    } else {
                        slot.subs = slot.subs.filter(function (s) {
                            return !(s.args[0] === args[0] && s.args[1] === args[1]);
                        });
                    }
                    return result;
                };
            }
            return slot.wrappers[p];
        },
        set: function (target, p, v) {
            slot.props[p] = v;  // e.g. netif.onReceive = fn: kept for the next version
            if (slot.impl)
                slot.impl[p] = v;
            return true;
        },
        has: function (target, p) {
            return slot.impl ? p in slot.impl : false;
        }
    });
    return slot;
}

function attach(slot, impl) {
    slot.impl = impl;
    for (var p in slot.props)
        if (Object.prototype.hasOwnProperty.call(slot.props, p))
            impl[p] = slot.props[p];
    slot.subs.forEach(function (s) {
        if (typeof impl[s.method] === 'function')
            impl[s.method].apply(impl, s.args);
    });
}

function detachAll(e) {
    for (var kind in slots)
        slots[kind].forEach(function (s) {
            if (s.driver === e.name)
                s.impl = null;
        });
}

// -- evaluation ---------------------------------------------------------------
function driverRequire(id) {
    if (id.charAt(0) === '.')
        id = DEV_DIR + id;
    return require(id);
}

// At boot the file's precompiled bytecode (X.jsbc beside X.js in the boot
// archive, made with the same wrapper) is used when there is one, as the
// loader does; a reload compiles the source it is given.
function evaluate(source, filename, fromArchive) {
    var fn = fromArchive && engine.stat(filename + 'bc') === 'file' ?
        engine.loadBytecode(filename + 'bc') :
        engine.compile('(function (exports, require, module, __filename, __dirname) {' +
            source + '\n})', filename);
    var module = {exports: {}};
    fn.call(module.exports, module.exports, driverRequire, module, filename, DEV_DIR);
    var mod = module.exports;
    if (!mod || typeof mod.name !== 'string' || typeof mod.start !== 'function')
        throw new TypeError(filename + ': a driver exports {name, match, start, stop}');
    return mod;
}

// -- matching -----------------------------------------------------------------
function findDevice(mod) {
    var match = mod.match || [];
    var pci = hal.pci.devices();
    for (var i = 0; i < match.length; i++) {
        var m = match[i];
        if (m.legacy !== void 0) {
            if (LEGACY.indexOf(m.legacy) >= 0)
                return {legacy: m.legacy};
            continue;
        }
        if (!m.pci)
            continue;
        for (var j = 0; j < pci.length; j++) {
            var d = pci[j], ok = true;
            for (var k in m.pci)
                if (Object.prototype.hasOwnProperty.call(m.pci, k) && d[k] !== m.pci[k])
                    ok = false;
            if (ok)
                return {pci: d.address};
        }
    }
    return null;
}

function describe(dev) {
    if (!dev)
        return null;
    return dev.legacy !== void 0 ? dev.legacy : 'pci ' + dev.pci;
}

// -- the context a driver gets ------------------------------------------------
function guard(e, gen, fn) {
    if (typeof fn !== 'function')
        return fn;
    return function () {
        if (e.gen !== gen || e.state !== 'running')
            return void 0;  // quiesced: an event left over from before the stop
        try {
            return engine.callWithBudget(fn, this, arguments, api.budgetMs);
        } catch (err) {
            fault(e, gen, err);
        }
        return void 0;
    };
}

// The owner's PciDevice with claimIrq guarded. Its methods are read-only
// properties (hal_module.cpp), so the device is copied property by property
// (descriptors included) with claimIrq defined anew.
function wrapPciDevice(e, gen, d) {
    var w = Object.create(Object.getPrototypeOf(d));
    Object.getOwnPropertyNames(d).forEach(function (k) {
        if (k !== 'claimIrq')
            Object.defineProperty(w, k, Object.getOwnPropertyDescriptor(d, k));
    });
    Object.defineProperty(w, 'claimIrq', {value: function (handler) {
        return d.claimIrq(guard(e, gen, handler));
    }});
    return w;
}

function makeContext(e, gen, owner) {
    var irq = Object.create(owner.irq);
    irq.claim = function (line, handler, options) {
        return owner.irq.claim(line, guard(e, gen, handler), options);
    };
    var pci = Object.create(owner.pci);
    pci.devices = function () {
        return owner.pci.devices().map(function (d) { return wrapPciDevice(e, gen, d); });
    };
    pci.find = function (filter) {
        return owner.pci.find(filter).map(function (d) { return wrapPciDevice(e, gen, d); });
    };
    var wrapped = {name: owner.name, io: owner.io, mmio: owner.mmio, dma: owner.dma, irq: irq,
        pci: pci, clock: hal.clock, close: function () { owner.close(); }};
    var provided = 0;
    return {
        name: e.name,
        hal: wrapped,
        log: function (msg) { if (e.gen === gen) log(e.name + ': ' + msg); },
        // Callbacks of the driver's own (timers, listeners it sets up) can
        // go through ctx.guard(fn) to get the same fault handling.
        guard: function (fn) { return guard(e, gen, fn); },
        provide: function (kind, impl) {
            if (e.gen !== gen)
                return void 0;
            var list = slots[kind] || (slots[kind] = []);
            var n = provided++, seen = 0, slot = null;
            for (var i = 0; i < list.length && !slot; i++)
                if (list[i].driver === e.name && seen++ === n)
                    slot = list[i];
            var fresh = !slot;
            if (!slot)
                list.push(slot = newSlot(kind, e.name));
            attach(slot, impl);
            if (fresh)
                (watchers[kind] || []).slice().forEach(function (fn) {
                    try {
                        fn(slot.proxy);
                    } catch (err) {
                        log('whenProvided(' + kind + '): ' + errorText(err));
                    }
                });
            return slot.proxy;
        }
    };
}

function deviceFor(e, owner) {
    if (!e.dev || e.dev.legacy !== void 0)
        return e.dev;
    return owner.pci.devices().filter(function (d) { return d.address === e.dev.pci; })[0];
}

// -- lifecycle ----------------------------------------------------------------
// Starts e.mod on e.dev with a fresh owner; throws what start threw (with
// the owner closed again).
function launch(e, handover) {
    var gen = ++e.gen;
    var owner = hal.owner(e.name);
    e.owner = owner;
    var ctx = makeContext(e, gen, owner);
    e.state = 'running';
    e.startedAt = now();
    try {
        engine.callWithBudget(e.mod.start, e.mod, [deviceFor(e, ctx.hal), ctx, handover],
            api.budgetMs);
    } catch (err) {
        e.gen++;
        detachAll(e);
        owner.close();
        e.owner = null;
        e.state = 'stopped';
        throw err;
    }
}

// Stops delivery to the running version, takes its handover, closes what it
// owned. stop() failing loses the handover, nothing else.
function quiesce(e, callStop) {
    var handover;
    if (e.state !== 'running') {
        if (e.timer) {
            timers.cancel(e.timer);
            e.timer = null;
        }
        return void 0;
    }
    e.gen++;  // guarded handlers of the old generation return at once
    e.state = 'stopping';
    if (callStop && typeof e.mod.stop === 'function') {
        try {
            handover = engine.callWithBudget(e.mod.stop, e.mod, [], api.budgetMs);
        } catch (err) {
            log(e.name + ': stop() threw: ' + errorText(err));
            e.lastError = 'stop: ' + errorText(err);
        }
    }
    detachAll(e);
    try {
        if (e.owner)
            e.owner.close();
    } catch (err) {
        log(e.name + ': closing its resources: ' + errorText(err));
    }
    e.owner = null;
    e.state = 'stopped';
    return handover;
}

function fault(e, gen, err) {
    if (e.gen !== gen)
        return;
    e.lastError = errorText(err);
    log(e.name + ' failed: ' + e.lastError);
    if (e.startedAt !== void 0 && now() - e.startedAt > HEALTHY_MS)
        e.failures = 0;
    quiesce(e, true);
    failed(e);
}

function failed(e) {
    e.failures++;
    if (e.failures >= MAX_FAILURES) {
        e.state = 'failed';
        log(e.name + ' stays stopped after ' + e.failures + ' failures');
        return;
    }
    var delay = BACKOFF_MS * Math.pow(2, e.failures - 1);
    e.state = 'backoff';
    e.timer = timers.after(delay, function () {
        e.timer = null;
        if (e.state !== 'backoff')
            return;
        e.restarts++;
        try {
            launch(e, void 0);
        } catch (err) {
            e.lastError = errorText(err);
            log(e.name + ' failed to restart: ' + e.lastError);
            failed(e);
        }
    });
}

function newEntry(mod, source, filename) {
    var e = {name: mod.name, mod: mod, source: source, filename: filename, dev: findDevice(mod),
        state: 'stopped', restarts: 0, failures: 0, lastError: null, gen: 0, owner: null,
        timer: null};
    if (!entries[e.name])
        order.push(e.name);
    entries[e.name] = e;
    return e;
}

// Starts a freshly added entry if its device is present.
function startNew(e) {
    if (!e.dev) {
        e.lastError = 'no matching device';
        return;
    }
    try {
        launch(e, void 0);
    } catch (err) {
        e.lastError = errorText(err);
        log(e.name + ' failed to start: ' + e.lastError);
        failed(e);
    }
}

// -- the API ------------------------------------------------------------------
function entry(name) {
    var e = entries[name];
    if (!e)
        throw new Error("drivers: no driver '" + name + "'");
    return e;
}

api.list = function () {
    return order.map(function (name) {
        var e = entries[name];
        return {name: e.name, state: e.state === 'stopping' ? 'stopped' : e.state,
            device: describe(e.dev), restarts: e.restarts, lastError: e.lastError};
    });
};

api.get = function (kind) {
    return (slots[kind] || []).map(function (s) { return s.proxy; });
};

// whenProvided(kind, fn): fn(proxy) for each interface of that kind, those
// there now and those provided later (a driver that starts late, or after
// a failed first start). Each proxy is given once.
api.whenProvided = function (kind, fn) {
    (watchers[kind] || (watchers[kind] = [])).push(fn);
    api.get(kind).forEach(function (proxy) { fn(proxy); });
};

api.stop = function (name) {
    var e = entry(name);
    quiesce(e, true);
    e.state = 'stopped';
};

api.start = function (name) {
    var e = entry(name);
    if (e.state === 'running')
        return;
    quiesce(e, false);
    e.failures = 0;
    if (!e.dev)
        e.dev = findDevice(e.mod);
    if (!e.dev)
        throw new Error("drivers: no device for '" + name + "'");
    try {
        launch(e, void 0);
    } catch (err) {
        e.lastError = errorText(err);
        throw err;
    }
};

// reload(name[, source]) -> {name, ok, ms, error}. Without source the
// driver's file is read again. A name not loaded yet adds the driver (a
// pushed new driver). If the new version fails to evaluate or start, the
// old one is started again with the handover, and ok is false.
api.reload = function (name, source) {
    var t0 = now();
    function done(ok, error) {
        var r = {name: name, ok: ok, ms: now() - t0};
        if (error !== void 0)
            r.error = error;
        log((ok ? 'reloaded ' : 'reload of ') + name + (ok ? '' : ' failed: ' + error) +
            ' (' + r.ms.toFixed(3) + ' ms)');
        return r;
    }
    var e = entries[name];
    var filename = e ? e.filename : DEV_DIR + name + '.js';
    if (source === void 0) {
        source = engine.readFile(filename);
        if (source === void 0)
            return done(false, 'cannot read ' + filename);
    }
    if (!e) {
        var fresh;
        try {
            fresh = evaluate(source, filename);
            if (fresh.name !== name)
                throw new Error('the module is named ' + fresh.name + ', not ' + name);
        } catch (err) {
            return done(false, errorText(err));
        }
        e = newEntry(fresh, source, filename);
        if (!e.dev)
            return done(false, 'no matching device');
        try {
            launch(e, void 0);
        } catch (err) {
            e.lastError = errorText(err);
            return done(false, e.lastError);
        }
        return done(true);
    }
    if (e.state === 'stopping')   // asked from inside its own stop() (a listener it calls)
        return done(false, name + ' is stopping: a reload from inside its stop() is refused');
    var old = {mod: e.mod, source: e.source, wasRunning: e.state === 'running'};
    var handover = quiesce(e, true);
    var why;
    try {
        var mod = evaluate(source, filename);
        if (mod.name !== name)
            throw new Error('the module is named ' + mod.name + ', not ' + name);
        e.mod = mod;
        if (!e.dev)
            e.dev = findDevice(mod);
        if (!e.dev)
            throw new Error('no matching device');
        launch(e, handover);
        e.source = source;
        e.failures = 0;
        e.lastError = null;
        return done(true);
    } catch (err) {
        why = errorText(err);
    }
    // Roll back: the old version, with the handover it gave.
    e.mod = old.mod;
    e.lastError = 'reload: ' + why;
    if (old.wasRunning) {
        try {
            launch(e, handover);
        } catch (err) {
            e.lastError = 'reload: ' + why + '; rollback: ' + errorText(err);
            failed(e);
        }
    }
    return done(false, why);
};

// load(filename): evaluates a driver file and starts it on its device.
api.load = function (filename, source) {
    if (source === void 0)
        source = engine.readFile(filename);
    if (source === void 0)
        throw new Error('drivers: cannot read ' + filename);
    var mod = evaluate(source, filename);
    if (entries[mod.name])
        throw new Error("drivers: '" + mod.name + "' is loaded already (reload it)");
    var e = newEntry(mod, source, filename);
    startNew(e);
    return api.list().filter(function (x) { return x.name === e.name; })[0];
};

// Boot: every file that /js-drivers/dev/index.json names (written by
// tools/mkinitrd.py; missing files are skipped), so a failing driver is
// reported and the others still start.
function boot(options) {
    hal = options.hal;
    logSink = options.log || null;
    timers.install(options.kernel);
    timers.sliceWhile(function () {
        for (var name in entries)
            if (entries[name].state === 'running')
                return true;
        return false;
    });
    var index = engine.readFile(INDEX);
    var files = [];
    try {
        files = index === void 0 ? [] : JSON.parse(index);
    } catch (err) {
        log(INDEX + ': ' + errorText(err));
    }
    files.forEach(function (f) {
        var filename = DEV_DIR + f;
        var source = engine.readFile(filename);
        if (source === void 0)
            return;
        try {
            var mod = evaluate(source, filename, true);
            startNew(newEntry(mod, source, filename));
        } catch (err) {
            log(filename + ': ' + errorText(err));
        }
    });
    return api;
}

module.exports = {boot: boot, api: api};
