// The line editor behind readline's terminal mode: decodes keystrokes
// (bytes already decoded to a string, possibly split anywhere, even inside
// an escape sequence) and keeps the line, the cursor and the history. It
// does no I/O itself: it renders through `write(text)` and reports through
// the callbacks `onLine(line)`, `onInterrupt()` (Ctrl-C) and `onEnd()`
// (Ctrl-D on an empty line).
//
// Keys:
//   printable text       insert at the cursor
//   Backspace (DEL, ^H)  delete before the cursor; Delete (ESC[3~), ^D delete at it
//   Left/Right, ^B/^F    move; Home/End (ESC[H ESC[F ESC[1~ ESC[4~ ESC[7~ ESC[8~,
//                        ESC OH ESC OF, ^A/^E)
//   Up/Down, ^P/^N       history (the line being typed is kept while browsing)
//   ^U / ^K              delete to the start / to the end; ^W deletes a word back
//   ^L                   clear the screen
//   Enter (CR, LF; CRLF counts once), ^C, ^D as described above
// The line is redrawn as one row ("\r" + prompt + line, erase to the end,
// cursor moved back); lines wider than the terminal are not handled.
'use strict';

var ESC = '\x1b';

function LineEditor(options) {
    options = options || {};
    this.write = options.write;
    this.onLine = options.onLine || function () {};
    this.onInterrupt = options.onInterrupt || function () {};
    this.onEnd = options.onEnd || function () {};
    this.historySize = options.historySize === undefined ? 30 : options.historySize;
    this.history = [];       // newest first
    this.historyIndex = -1;  // -1: the line being typed, not a history entry
    this.savedLine = '';     // the line being typed while browsing the history
    this.promptText = options.prompt === undefined ? '> ' : options.prompt;
    this.line = '';
    this.cursor = 0;
    this.pending = '';       // an unfinished escape sequence
    this.afterCR = false;    // the last key was CR: a following LF is the same Enter
    this.stopped = false;    // set when the reader closes: the rest of the input is dropped
}

LineEditor.prototype.setPrompt = function (prompt) { this.promptText = prompt; };

// Starts a new, empty line showing the prompt.
LineEditor.prototype.prompt = function () {
    this.line = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this.write(this.promptText);
};

LineEditor.prototype.refresh = function () {
    var back = this.line.length - this.cursor;
    this.write('\r' + this.promptText + this.line + ESC + '[K' +
        (back > 0 ? ESC + '[' + back + 'D' : ''));
};

LineEditor.prototype.setLine = function (line) {
    this.line = line;
    this.cursor = line.length;
    this.refresh();
};

LineEditor.prototype.insert = function (text) {
    if (this.cursor === this.line.length) {
        this.line += text;
        this.cursor = this.line.length;
        this.write(text);  // the common case: typing at the end
        return;
    }
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    this.refresh();
};

LineEditor.prototype.deleteRange = function (from, to) {
    if (from >= to)
        return;
    this.line = this.line.slice(0, from) + this.line.slice(to);
    this.cursor = from;
    this.refresh();
};

LineEditor.prototype.moveTo = function (position) {
    position = Math.max(0, Math.min(this.line.length, position));
    if (position === this.cursor)
        return;
    var delta = position - this.cursor;
    this.cursor = position;
    this.write(ESC + '[' + Math.abs(delta) + (delta > 0 ? 'C' : 'D'));
};

LineEditor.prototype.browseHistory = function (step) {
    var index = this.historyIndex + step;
    if (index < -1 || index >= this.history.length)
        return;
    if (this.historyIndex === -1)
        this.savedLine = this.line;
    this.historyIndex = index;
    this.setLine(index === -1 ? this.savedLine : this.history[index]);
};

LineEditor.prototype.addHistory = function (line) {
    if (this.historySize <= 0 || /^\s*$/.test(line) || this.history[0] === line)
        return;
    this.history.unshift(line);
    if (this.history.length > this.historySize)
        this.history.length = this.historySize;
};

LineEditor.prototype.enter = function () {
    var line = this.line;
    this.write('\r\n');
    this.addHistory(line);
    this.line = '';
    this.cursor = 0;
    this.historyIndex = -1;
    this.onLine(line);
};

// Feeds input text; returns nothing. Escape sequences may be split across calls.
LineEditor.prototype.feed = function (text) {
    text = this.pending + text;
    this.pending = '';
    var i = 0;
    while (i < text.length && !this.stopped) {
        var c = text.charAt(i);
        if (c === ESC) {
            var length = sequenceLength(text, i);
            if (length === 0) {  // unfinished: wait for the rest
                this.pending = text.slice(i);
                return;
            }
            this.afterCR = false;
            this.escape(text.slice(i, i + length));
            i += length;
            continue;
        }
        var wasCR = this.afterCR;
        this.afterCR = c === '\r';
        if (c === '\n' && wasCR) {
            i++;
            continue;
        }
        var code = c.charCodeAt(0);
        if (code >= 0x20 && code !== 0x7f) {
            // A run of printable characters is inserted at once.
            var end = i + 1;
            while (end < text.length && text.charCodeAt(end) >= 0x20 &&
                   text.charCodeAt(end) !== 0x7f)
                end++;
            this.insert(text.slice(i, end));
            i = end;
            continue;
        }
        i++;
        this.control(code);
    }
};

// The length of the escape sequence at text[i] (an ESC), 0 if unfinished.
function sequenceLength(text, i) {
    if (i + 1 >= text.length)
        return 0;
    var kind = text.charAt(i + 1);
    if (kind === 'O')  // SS3: ESC O x
        return i + 2 < text.length ? 3 : 0;
    if (kind !== '[')  // ESC x (Alt-x): consumed and ignored
        return 2;
    for (var j = i + 2; j < text.length; j++) {
        var code = text.charCodeAt(j);
        if (code >= 0x40 && code <= 0x7e)
            return j - i + 1;
    }
    return 0;
}

LineEditor.prototype.escape = function (sequence) {
    switch (sequence) {
    case ESC + '[A': case ESC + 'OA': this.browseHistory(1); break;
    case ESC + '[B': case ESC + 'OB': this.browseHistory(-1); break;
    case ESC + '[C': case ESC + 'OC': this.moveTo(this.cursor + 1); break;
    case ESC + '[D': case ESC + 'OD': this.moveTo(this.cursor - 1); break;
    case ESC + '[H': case ESC + 'OH': case ESC + '[1~': case ESC + '[7~':
        this.moveTo(0);
        break;
    case ESC + '[F': case ESC + 'OF': case ESC + '[4~': case ESC + '[8~':
        this.moveTo(this.line.length);
        break;
    case ESC + '[3~': this.deleteRange(this.cursor, this.cursor + 1); break;
    default: break;  // other keys are ignored
    }
};

LineEditor.prototype.control = function (code) {
    switch (code) {
    case 0x0d: case 0x0a: this.enter(); break;                        // Enter
    case 0x7f: case 0x08: this.deleteRange(this.cursor - 1, this.cursor); break;
    case 0x01: this.moveTo(0); break;                                 // ^A
    case 0x05: this.moveTo(this.line.length); break;                  // ^E
    case 0x02: this.moveTo(this.cursor - 1); break;                   // ^B
    case 0x06: this.moveTo(this.cursor + 1); break;                   // ^F
    case 0x10: this.browseHistory(1); break;                          // ^P
    case 0x0e: this.browseHistory(-1); break;                         // ^N
    case 0x15: this.deleteRange(0, this.cursor); break;               // ^U
    case 0x0b: this.deleteRange(this.cursor, this.line.length); break; // ^K
    case 0x17:                                                        // ^W
        var start = this.line.slice(0, this.cursor).replace(/\S+\s*$|\s+$/, '').length;
        this.deleteRange(start, this.cursor);
        break;
    case 0x0c: this.write(ESC + '[H' + ESC + '[2J'); this.refresh(); break; // ^L
    case 0x03: this.onInterrupt(); break;                             // ^C
    case 0x04:                                                        // ^D
        if (this.line === '')
            this.onEnd();
        else
            this.deleteRange(this.cursor, this.cursor + 1);
        break;
    default: break;  // Tab and other controls are ignored
    }
};

module.exports = LineEditor;
