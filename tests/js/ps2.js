// js-drivers/dev/ps2.js against a fake i8042 (the real one is driven by
// qemu.ps2_keyboard and qemu.ps2_events), and js-drivers/tty/keyboard.js's
// key -> terminal bytes.
'use strict';

var check = require('./lib/check.js');
var ps2 = require('../../js-drivers/dev/ps2.js');
var keyboard = require('../../js-drivers/tty/keyboard.js');

// A fake controller and keyboard: records commands and answers as a real
// one does; `silent` makes it never answer `silent` (a command byte).
function fakeI8042(options) {
    options = options || {};
    var out = [];            // bytes waiting in the output buffer
    var log = [];            // 'c:aa' controller commands, 'd:ff' data bytes
    var config = 0x47;       // IRQ1, IRQ12, translation, system flag (as firmware leaves it)
    var expectConfig = false;
    var irq = null;
    function answer(b) { out.push(b); }
    var dataPort = {
        in8: function () { return out.length ? out.shift() : 0; },
        out8: function (off, v) {
            log.push('d:' + v.toString(16));
            if (expectConfig) { config = v; expectConfig = false; return; }
            if (options.silent === v) return;
            if (v === 0xFF) { answer(0xFA); answer(0xAA); }
            else answer(0xFA);   // 0xED, the LED byte, 0xF4
        }
    };
    var cmdPort = {
        in8: function () { return (out.length ? 1 : 0); },
        out8: function (off, v) {
            log.push('c:' + v.toString(16));
            if (options.silent === v) return;
            if (v === 0x20) answer(config);
            else if (v === 0x60) expectConfig = true;
            else if (v === 0xAA) { answer(0x55); config = 0x47; }  // resets the config byte
            else if (v === 0xAB) answer(options.interface === undefined ? 0 : options.interface);
        }
    };
    var waited = 0;
    var hal = {
        io: { claim: function (base, count) {
            check.equal(count, 1, 'one port per claim');
            return base === 0x60 ? dataPort : cmdPort;
        } },
        irq: { claim: function (line, fn) { check.equal(line, 1, 'IRQ 1'); irq = fn; return {line: 1}; } },
        clock: { delayMicros: function (us) { waited += us; } }
    };
    return {
        hal: hal, log: log,
        config: function () { return config; },
        waited: function () { return waited; },
        // The keyboard sends bytes: each raises IRQ 1 (the handler drains them all).
        send: function () {
            for (var i = 0; i < arguments.length; i++) answer(arguments[i]);
            irq.call({line: 1}, 1);
        },
        pending: function () { return out.slice(); }
    };
}

function startWith(fake, handover) {
    var provided = null;
    ps2.start({legacy: 'i8042'}, {
        name: 'ps2', hal: fake.hal, log: function () {},
        provide: function (kind, impl) { check.equal(kind, 'input', 'provides input'); provided = impl; }
    }, handover);
    return provided;
}

// Initialisation: the OSDev steps, in order, and the final configuration.
var fake = fakeI8042();
var input = startWith(fake);
check.equal(fake.log.join(' '),
    'c:ad c:a7 c:20 c:60 d:4 c:aa c:60 d:4 c:ab c:ae d:ff d:ed d:0 d:f4 c:20 c:60 d:45',
    'init sequence: disable, config (IRQs, translation off), self-test, config again, ' +
    'interface test, enable, reset, LEDs, scanning, config (IRQ 1, translation on)');
check.equal(fake.config(), 0x45, 'configuration: IRQ 1 and translation on, IRQ 12 off');
check.equal(typeof input.on, 'function', 'input.on');

var events = [];
function record(e) { events.push(e); }
input.on('key', record);
function keys() {
    var s = events.map(function (e) {
        return e.key + (e.pressed ? '+' : '-') + (e.repeat ? 'r' : '') + ':' +
            e.code.toString(16) + ':' + e.char + (e.shift ? 'S' : '') + (e.ctrl ? 'C' : '') +
            (e.alt ? 'A' : '');
    }).join(' ');
    events = [];
    return s;
}

fake.send(0x1E, 0x9E);
check.equal(keys(), 'a+:1e:a a-:1e:', 'make and break');
fake.send(0x2A, 0x03, 0x83, 0xAA);
check.equal(keys(), 'ShiftLeft+:2a:S 2+:3:@S 2-:3:S ShiftLeft-:2a:', 'Shift: 2 -> @ (0xAA is a break)');
fake.send(0xE0, 0x48, 0xE0, 0xC8, 0xE0, 0x1C, 0xE0, 0x53);
check.equal(keys(), 'ArrowUp+:e048: ArrowUp-:e048: NumpadEnter+:e01c: Delete+:e053:', 'E0 keys');
fake.send(0xE0, 0x1D, 0x2E, 0xAE, 0xE0, 0x9D, 0xE0, 0x38, 0x10, 0xE0, 0xB8);
check.equal(keys(), 'ControlRight+:e01d:C c+:2e:cC c-:2e:C ControlRight-:e01d: ' +
    'AltRight+:e038:A q+:10:qA AltRight-:e038:', 'right Ctrl and Alt');
fake.send(0x2C, 0x2C, 0x2C, 0xAC);
check.equal(keys(), 'z+:2c:z z+r:2c:z z+r:2c:z z-:2c:', 'typematic repeats');
fake.send(0xE0, 0x2A, 0xE0, 0x37, 0xE0, 0xB7, 0xE0, 0xAA);
check.equal(keys(), 'PrintScreen+:e037: PrintScreen-:e037:', 'fake shifts dropped');
fake.send(0x47, 0xC7);
check.equal(keys(), 'Numpad7+:47: Numpad7-:47:', 'keypad without Num Lock types nothing');

// Caps Lock: toggles, and the LED update (0xED, its 0xFA, the LED byte 4,
// its 0xFA) runs from the IRQ handler (the fake acknowledges at once).
fake.log.length = 0;
fake.send(0x3A, 0xBA);
check.equal(fake.log.join(' '), 'd:ed d:4', 'Caps Lock sends 0xED then the LED byte 4');
check.equal(fake.pending().length, 0, 'the acknowledgements were taken');
check.equal(keys(), 'CapsLock+:3a: CapsLock-:3a:', 'Caps Lock events');
check.equal(input.state().caps, true, 'Caps Lock on');
fake.send(0x1E, 0x9E, 0x2A, 0x1E, 0x9E, 0xAA, 0x02, 0x82);
check.equal(keys(), 'a+:1e:A a-:1e: ShiftLeft+:2a:S a+:1e:aS a-:1e:S ShiftLeft-:2a: 1+:2:1 1-:2:',
    'Caps Lock: letters upper case, Shift inverts, digits unchanged');
input.off('key', record);
fake.send(0x1E);
check.equal(events.length, 0, 'off() unsubscribes');

// stop() hands the state over; a new start takes it back.
var handover = ps2.stop();
check.equal(handover.caps, true, 'handover keeps Caps Lock');
var fake2 = fakeI8042();
var input2 = startWith(fake2, handover);
check.equal(input2.state().caps, true, 'restarted with Caps Lock');
check.equal(fake2.log.join(' '), '', 'a reload does not touch the controller (no reset, no flush)');
var events2 = [];
input2.on('key', function (e) { events2.push(e.key + (e.pressed ? '+' : '-') + e.char); });
fake2.send(0x1E, 0x9E);
check.equal(events2.join(' '), 'a+A a-', 'the reloaded driver decodes, with Caps Lock');

// A key that arrived during the swap (waiting in the controller) is decoded
// by the new version at start; a held Shift stays held.
events2 = [];
fake2.send(0x2A);
var h2 = ps2.stop();
check.equal(h2.shiftLeft, true, 'handover: Shift held');
var fake3 = fakeI8042();
var early = [];
var pendingByte = [0x10];  // q, made while no version ran
var realIn = fake3.hal.io.claim(0x60, 1), realSt = fake3.hal.io.claim(0x64, 1);
fake3.hal.io.claim = function (base) {
    if (base === 0x60)
        return { in8: function () { return pendingByte.length ? pendingByte.shift() : realIn.in8(0); },
                 out8: realIn.out8 };
    return { in8: function () { return pendingByte.length ? 1 : realSt.in8(0); }, out8: realSt.out8 };
};
ps2.start({legacy: 'i8042'}, {name: 'ps2', hal: fake3.hal, log: function () {},
    provide: function (kind, impl) {
        impl.on('key', function (e) { early.push(e.key + (e.pressed ? '+' : '-') + e.char + (e.shift ? 'S' : '')); });
    }}, h2);
check.equal(early.join(' '), 'q+qS', 'the byte waiting at reload is decoded; Shift still held ' +
    '(and Caps Lock: lower case)');
check.equal(pendingByte.length, 0, 'and taken from the controller');
ps2.stop();

// A cold start after a crash (no handover) sets the LEDs from scratch.
var fake4 = fakeI8042();
startWith(fake4, {caps: true});
check.ok(fake4.log.join(' ').indexOf('d:ed d:4') >= 0, 'cold start with caps: the LED is set at init');
ps2.stop();

// Failures name the step.
check.throws(function () { startWith(fakeI8042({silent: 0xAA})); },
    /ps2: timeout waiting for the controller self-test/, 'a silent controller times out');
check.throws(function () { startWith(fakeI8042({interface: 1})); },
    /port 1 interface test \(0xAB\) answered 0x1, expected 0x0/, 'interface test failure');
check.throws(function () { startWith(fakeI8042({silent: 0xFF})); },
    /ps2: timeout waiting for the keyboard to acknowledge reset \(0xFF\)/, 'no keyboard');

// keyboard.js: key events -> terminal bytes.
function b(key, char, mods) {
    mods = mods || {};
    return keyboard.bytesFor({key: key, char: char || '', pressed: mods.up ? false : true,
        shift: !!mods.shift, ctrl: !!mods.ctrl, alt: !!mods.alt});
}
check.equal(b('a', 'a'), 'a', 'printable');
check.equal(b('a', 'a', {up: true}), '', 'release sends nothing');
check.equal(b('Enter'), '\r', 'Enter');
check.equal(b('NumpadEnter'), '\r', 'keypad Enter');
check.equal(b('Backspace'), '\x7f', 'Backspace');
check.equal(b('ArrowUp'), '\x1b[A', 'Up');
check.equal(b('ArrowLeft'), '\x1b[D', 'Left');
check.equal(b('Home'), '\x1b[H', 'Home');
check.equal(b('End'), '\x1b[F', 'End');
check.equal(b('Delete'), '\x1b[3~', 'Delete');
check.equal(b('c', 'c', {ctrl: true}), '\x03', 'Ctrl-C');
check.equal(b('d', 'D', {ctrl: true, shift: true}), '\x04', 'Ctrl-Shift-D');
check.equal(b('x', 'x', {alt: true}), '\x1bx', 'Alt-x');
check.equal(b('ShiftLeft', '', {shift: true}), '', 'a lone modifier sends nothing');
