// Keyboard -> console: turns `input` key events (js-drivers/dev/ps2.js)
// into the bytes a terminal sends and feeds them to the console's input
// (fd 0), where they join what arrives on COM1.
//
//   printable keys   their character (Shift and Caps Lock already applied)
//   Enter            '\r' (also keypad Enter); Tab '\t'; Escape ESC
//   Backspace        0x7f; Delete ESC [3~; Insert ESC [2~
//   arrows           ESC [A / [B / [C / [D; Home ESC [H; End ESC [F;
//                    PageUp ESC [5~; PageDown ESC [6~
//   Ctrl-letter      the control code (Ctrl-C 0x03, Ctrl-D 0x04, ...);
//                    Ctrl-[ \ ] ^ _ and Ctrl-Space as a terminal does
//   Alt-key          ESC then the key (meta sends escape)
// Releases and modifier keys send nothing; typematic repeats send again.
'use strict';

var ESC = '\x1b';
var SEQUENCES = {
    Enter: '\r', NumpadEnter: '\r', Tab: '\t', Escape: ESC, Backspace: '\x7f',
    Delete: ESC + '[3~', Insert: ESC + '[2~',
    ArrowUp: ESC + '[A', ArrowDown: ESC + '[B', ArrowRight: ESC + '[C', ArrowLeft: ESC + '[D',
    Home: ESC + '[H', End: ESC + '[F', PageUp: ESC + '[5~', PageDown: ESC + '[6~'
};

// The bytes (as a string of char codes < 0x80) a key event sends, '' for none.
function bytesFor(ev) {
    if (!ev.pressed)
        return '';
    var out = '';
    if (ev.ctrl && ev.char) {
        var c = ev.char.toUpperCase().charCodeAt(0);
        if (c >= 0x40 && c <= 0x5f)       // @ A-Z [ \ ] ^ _
            out = String.fromCharCode(c - 0x40);
        else if (ev.char === ' ' || ev.char === '2')
            out = '\x00';
        else if (ev.char === '/' || ev.char === '?')
            out = '\x1f';
        else
            out = ev.char;
    } else if (ev.char) {
        out = ev.char;
    } else if (SEQUENCES[ev.key] !== undefined) {
        out = SEQUENCES[ev.key];
    }
    if (out && ev.alt && !ev.ctrl)
        out = ESC + out;
    return out;
}

var attached = null;  // the input interface feeding the console

// attach(input, feed): subscribes to an input interface and sends each key's
// bytes to feed(string). Returns a function that detaches it.
function attach(input, feed) {
    attached = input;
    function onKey(ev) {
        var bytes = bytesFor(ev);
        if (bytes)
            feed(bytes);
    }
    input.on('key', onKey);
    return function detach() {
        input.off('key', onKey);
        if (attached === input)
            attached = null;
    };
}

// input(): the interface attached last (null when none), e.g. for the REPL:
// require('/js-drivers/tty/keyboard.js').input().on('key', console.log).
function input() { return attached; }

module.exports = { attach: attach, bytesFor: bytesFor, input: input };
