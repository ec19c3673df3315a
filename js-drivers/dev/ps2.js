// The PS/2 keyboard behind the i8042 controller, in JavaScript on the HAL.
//
// Initialisation follows the OSDev "8042 PS/2 Controller" steps: disable
// both ports, flush the output buffer, configuration byte with IRQs and
// translation off, controller self-test (0xAA -> 0x55; the configuration
// byte is written again after it), interface test of port 1 (0xAB -> 0x00),
// enable port 1, keyboard reset (0xFF -> 0xFA, 0xAA), then translation and
// IRQ 1 on in the configuration byte. Every wait is a bounded loop with
// hal.clock.delayMicros and fails with an Error naming the step.
//
// Scancodes: the keyboard stays in its power-on set 2 and the controller
// translates to set 1 (configuration bit 6), which every PC keyboard and
// emulator supports; this file decodes set 1 (make = code, break = code |
// 0x80, 0xE0 prefixes the extended keys, 0xE1 starts Pause).
//
// Provides `input` (ctx.provide('input', impl)): impl.on('key', fn) /
// impl.off('key', fn), fn({key, code, pressed, char, shift, ctrl, alt,
// repeat}); key is a name ('a', '1', 'Enter', 'ArrowUp', 'ShiftLeft'),
// code the set 1 code (0xE0xx for extended keys), char the character a
// printable key types with Shift and Caps Lock applied ('' otherwise).
// A make code for a key already down is a typematic repeat (repeat: true).
// stop() returns {initialized, shiftLeft, shiftRight, ctrlLeft, ctrlRight,
// altLeft, altRight, caps, num, scroll, down, prefix, pauseSkip} and start()
// takes it back, so a reloaded version keeps Caps Lock and held modifiers,
// and does not reset the controller: bytes that arrive during the swap wait
// in the controller and are decoded by the new version (no key lost).
'use strict';

var DATA = 0, STATUS = 0;        // offsets in their one-port ranges
var ST_OUT = 0x01, ST_IN = 0x02, ST_AUX = 0x20;
var CFG_IRQ1 = 0x01, CFG_IRQ12 = 0x02, CFG_CLK2_OFF = 0x20, CFG_XLATE = 0x40;
var TIMEOUT_US = 100000;         // controller and keyboard answers
var RESET_TIMEOUT_US = 1000000;  // keyboard self-test after 0xFF
var STEP_US = 50;

// Set 1, unshifted: [name, char, shifted char].
var BASE = {
    0x01: ['Escape'], 0x0E: ['Backspace'], 0x0F: ['Tab'], 0x1C: ['Enter'],
    0x1D: ['ControlLeft'], 0x2A: ['ShiftLeft'], 0x36: ['ShiftRight'], 0x38: ['AltLeft'],
    0x39: ['Space', ' ', ' '], 0x3A: ['CapsLock'], 0x45: ['NumLock'], 0x46: ['ScrollLock'],
    0x37: ['NumpadMultiply', '*', '*'], 0x4A: ['NumpadSubtract', '-', '-'],
    0x4E: ['NumpadAdd', '+', '+'], 0x57: ['F11'], 0x58: ['F12'], 0x56: ['IntlBackslash', '\\', '|']
};
(function () {
    function row(start, plain, shifted) {
        for (var i = 0; i < plain.length; i++)
            BASE[start + i] = [plain.charAt(i), plain.charAt(i), shifted.charAt(i)];
    }
    row(0x02, '1234567890-=', '!@#$%^&*()_+');
    row(0x10, 'qwertyuiop[]', 'QWERTYUIOP{}');
    row(0x1E, "asdfghjkl;'`", 'ASDFGHJKL:"~');
    row(0x2B, '\\zxcvbnm,./', '|ZXCVBNM<>?');
    for (var f = 0; f < 10; f++)
        BASE[0x3B + f] = ['F' + (f + 1)];
    var pad = { 0x47: '7', 0x48: '8', 0x49: '9', 0x4B: '4', 0x4C: '5', 0x4D: '6',
                0x4F: '1', 0x50: '2', 0x51: '3', 0x52: '0', 0x53: '.' };
    for (var c in pad)
        BASE[c] = [pad[c] === '.' ? 'NumpadDecimal' : 'Numpad' + pad[c], pad[c], pad[c], 'pad'];
})();

var EXTENDED = {
    0x1C: ['NumpadEnter'], 0x1D: ['ControlRight'], 0x35: ['NumpadDivide', '/', '/'],
    0x38: ['AltRight'], 0x47: ['Home'], 0x48: ['ArrowUp'], 0x49: ['PageUp'],
    0x4B: ['ArrowLeft'], 0x4D: ['ArrowRight'], 0x4F: ['End'], 0x50: ['ArrowDown'],
    0x51: ['PageDown'], 0x52: ['Insert'], 0x53: ['Delete'], 0x5B: ['MetaLeft'],
    0x5C: ['MetaRight'], 0x5D: ['ContextMenu'], 0x37: ['PrintScreen']
};

var MODIFIERS = {
    ShiftLeft: 'shiftLeft', ShiftRight: 'shiftRight', ControlLeft: 'ctrlLeft',
    ControlRight: 'ctrlRight', AltLeft: 'altLeft', AltRight: 'altRight'
};

function hex(v) { return '0x' + v.toString(16); }

var state = null;   // the running instance

function Emitter() { this.listeners = []; }
Emitter.prototype.on = function (event, fn) {
    if (event === 'key' && typeof fn === 'function')
        this.listeners.push(fn);
    return this;
};
Emitter.prototype.off = function (event, fn) {
    var i = this.listeners.indexOf(fn);
    if (event === 'key' && i >= 0)
        this.listeners.splice(i, 1);
    return this;
};
Emitter.prototype.emit = function (ev) {
    var list = this.listeners.slice();
    for (var i = 0; i < list.length; i++)
        list[i](ev);
};

function start(dev, ctx, handover) {
    var hal = ctx.hal;
    var data = hal.io.claim(0x60, 1);
    var cmdPort = hal.io.claim(0x64, 1);
    var mods = { shiftLeft: false, shiftRight: false, ctrlLeft: false, ctrlRight: false,
                 altLeft: false, altRight: false, caps: false, num: false, scroll: false };
    if (handover)
        for (var k in mods)
            if (Object.prototype.hasOwnProperty.call(handover, k))
                mods[k] = !!handover[k];
    var down = {};       // code -> true while pressed (typematic repeat detection)
    var prefix = 0;      // 0xE0 seen
    var pauseSkip = 0;   // bytes left of the Pause sequence (E1 1D 45 E1 9D C5)
    if (handover && handover.down)
        for (var d in handover.down) down[d] = true;
    if (handover) {
        prefix = handover.prefix ? 1 : 0;
        pauseSkip = handover.pauseSkip | 0;
    }
    var ledState = 0;    // 0 idle, 1 sent 0xED, 2 sent the LED byte
    var ledWanted = -1;  // LED byte to send once the last one is acknowledged
    var emitter = new Emitter();

    function wait(mask, want, us, what) {
        for (var t = 0; t < us; t += STEP_US) {
            if ((cmdPort.in8(STATUS) & mask) === want)
                return;
            hal.clock.delayMicros(STEP_US);
        }
        throw new Error('ps2: timeout ' + what);
    }
    function command(c, what) {
        wait(ST_IN, 0, TIMEOUT_US, 'waiting to send ' + what);
        cmdPort.out8(0, c);
    }
    function writeData(v, what) {
        wait(ST_IN, 0, TIMEOUT_US, 'waiting to send ' + what);
        data.out8(DATA, v);
    }
    function readData(what, us) {
        wait(ST_OUT, ST_OUT, us || TIMEOUT_US, 'waiting for ' + what);
        return data.in8(DATA);
    }
    function flush() {
        for (var i = 0; i < 64 && (cmdPort.in8(STATUS) & ST_OUT); i++)
            data.in8(DATA);
    }
    function readConfig() { command(0x20, 'read configuration (0x20)'); return readData('the configuration byte'); }
    function writeConfig(v) { command(0x60, 'write configuration (0x60)'); writeData(v, 'the configuration byte'); }
    function expect(got, want, what) {
        if (got !== want)
            throw new Error('ps2: ' + what + ' answered ' + hex(got) + ', expected ' + hex(want));
    }
    // A keyboard command: retried on 0xFE (resend), as keyboards ask.
    function kbd(c, what) {
        for (var tries = 0; tries < 3; tries++) {
            writeData(c, what);
            var r = readData('the keyboard to acknowledge ' + what);
            if (r === 0xFA)
                return;
            if (r !== 0xFE)
                throw new Error('ps2: keyboard answered ' + hex(r) + ' to ' + what);
        }
        throw new Error('ps2: keyboard kept asking to resend ' + what);
    }

    function leds() {
        return (mods.scroll ? 1 : 0) | (mods.num ? 2 : 0) | (mods.caps ? 4 : 0);
    }
    // LED updates run from the IRQ handler: 0xED, its 0xFA, the LED byte, its 0xFA.
    function setLeds() {
        ledWanted = leds();
        if (ledState === 0) {
            ledState = 1;
            data.out8(DATA, 0xED);
        }
    }

    function init() {
        command(0xAD, 'disable port 1 (0xAD)');
        command(0xA7, 'disable port 2 (0xA7)');
        flush();
        var cfg = readConfig();
        cfg &= ~(CFG_IRQ1 | CFG_IRQ12 | CFG_XLATE);
        writeConfig(cfg);
        command(0xAA, 'controller self-test (0xAA)');
        expect(readData('the controller self-test', RESET_TIMEOUT_US), 0x55, 'controller self-test (0xAA)');
        writeConfig(cfg);  // some controllers reset it on self-test
        command(0xAB, 'port 1 interface test (0xAB)');
        expect(readData('the port 1 interface test'), 0x00, 'port 1 interface test (0xAB)');
        command(0xAE, 'enable port 1 (0xAE)');
        flush();
        kbd(0xFF, 'reset (0xFF)');
        expect(readData('the keyboard self-test', RESET_TIMEOUT_US), 0xAA, 'keyboard self-test');
        flush();
        kbd(0xED, 'set LEDs (0xED)');
        kbd(leds(), 'the LED byte');
        kbd(0xF4, 'enable scanning (0xF4)');
        flush();
        cfg = readConfig();
        writeConfig((cfg | CFG_IRQ1 | CFG_XLATE) & ~CFG_IRQ12);
    }

    function modifiers(ev) {
        ev.shift = mods.shiftLeft || mods.shiftRight;
        ev.ctrl = mods.ctrlLeft || mods.ctrlRight;
        ev.alt = mods.altLeft || mods.altRight;
    }

    function key(code, extended) {
        var pressed = !(code & 0x80);
        code &= 0x7f;
        var full = extended ? 0xE000 | code : code;
        var entry = (extended ? EXTENDED : BASE)[code];
        if (extended && (code === 0x2A || code === 0x36))
            return;  // the fake shifts around PrintScreen and friends
        var name = entry ? entry[0] : 'Unknown' + hex(full);
        var repeat = pressed && !!down[full];
        if (pressed) down[full] = true; else delete down[full];
        if (MODIFIERS[name])
            mods[MODIFIERS[name]] = pressed;
        if (pressed && !repeat) {
            if (name === 'CapsLock') { mods.caps = !mods.caps; setLeds(); }
            else if (name === 'NumLock') { mods.num = !mods.num; setLeds(); }
            else if (name === 'ScrollLock') { mods.scroll = !mods.scroll; setLeds(); }
        }
        var ev = { key: name, code: full, pressed: pressed, char: '', repeat: repeat };
        modifiers(ev);
        if (pressed && entry && entry[1] !== undefined && (entry[3] !== 'pad' || mods.num)) {
            var shifted = ev.shift;
            if (/^[a-z]$/.test(entry[1]) && mods.caps)
                shifted = !shifted;
            ev.char = shifted ? entry[2] : entry[1];
        }
        emitter.emit(ev);
    }

    function onByte(b) {
        if (pauseSkip > 0) {
            if (--pauseSkip === 0) {
                var ev = { key: 'Pause', code: 0xE11D, pressed: true, char: '', repeat: false };
                modifiers(ev);
                emitter.emit(ev);
            }
            return;
        }
        if (b === 0xFA && ledState !== 0) {  // acknowledges an LED command
            if (ledState === 1) {
                ledState = 2;
                var v = ledWanted;
                ledWanted = -1;
                data.out8(DATA, v);
            } else if (ledWanted >= 0) {
                ledState = 1;
                data.out8(DATA, 0xED);
            } else {
                ledState = 0;
            }
            return;
        }
        if (b === 0xFE && ledState !== 0) {  // resend: start the LED update again
            ledState = 1;
            if (ledWanted < 0) ledWanted = leds();
            data.out8(DATA, 0xED);
            return;
        }
        if (b === 0xFA || b === 0xFE || b === 0x00 || b === 0xFF)
            return;  // stray answers, key detection error / buffer overrun
        if (b === 0xE0) { prefix = 1; return; }
        if (b === 0xE1) { pauseSkip = 5; return; }
        var ext = prefix;
        prefix = 0;
        key(b, ext);
    }

    // A reload (a handover from a version that had initialised the
    // controller) keeps the controller and keyboard as they are: no reset,
    // no flush, so keys typed during the swap wait in the controller and are
    // decoded below. A first start initialises everything.
    // (Not even the configuration byte is read: its answer would queue
    // behind a waiting key byte.)
    var warm = !!(handover && handover.initialized);
    if (!warm)
        init();
    function drain() {
        // One interrupt per byte, but read all that is waiting (bounded).
        for (var i = 0; i < 16; i++) {
            var st = cmdPort.in8(STATUS);
            if (!(st & ST_OUT))
                break;
            var b = data.in8(DATA);
            if (st & ST_AUX)
                continue;  // mouse bytes: port 2 is off, ignore any
            onByte(b);
        }
    }
    hal.irq.claim(1, drain);

    var impl = {
        on: function (event, fn) { emitter.on(event, fn); return impl; },
        off: function (event, fn) { emitter.off(event, fn); return impl; },
        state: function () {
            var s = {};
            for (var k in mods) s[k] = mods[k];
            return s;
        }
    };
    ctx.provide('input', impl);
    if (warm)
        drain();  // what arrived while no version ran, now that listeners are back
    state = { mods: mods, emitter: emitter, down: down,
              decoder: function () { return {prefix: prefix, pauseSkip: pauseSkip}; } };
}

function stop() {
    if (!state)
        return undefined;
    var out = {initialized: true, down: {}};
    for (var k in state.mods)
        out[k] = state.mods[k];
    for (var c in state.down)
        out.down[c] = true;
    var dec = state.decoder();
    out.prefix = dec.prefix;
    out.pauseSkip = dec.pauseSkip;
    state.emitter.listeners = [];
    state = null;
    return out;
}

module.exports = {
    name: 'ps2',
    match: [{legacy: 'i8042'}],
    start: start,
    stop: stop,
    // For tests: the tables.
    _tables: { base: BASE, extended: EXTENDED }
};
