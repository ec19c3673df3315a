// require('repl'): the read-eval-print loop of `build/unode` with no
// program and of the bare-metal console.
//
//   var server = repl.start({prompt: '> ', input: 0, output: 1, terminal: ...});
//   server.on('exit', function () { ... });   // .exit, Ctrl-D, end of input
//
// Input is evaluated in the global scope, each entry under the watchdog
// budget (callWithBudget: an endless loop ends with a RangeError and the
// prompt returns). Unfinished input (a SyntaxError at the end of the input,
// like `function f() {`) continues on a `... ` prompt. Results print like
// Node's REPL (util.inspect); `_` holds the last result and `_error` the
// last error; a thrown error prints as `Uncaught ` + its stack, without the
// frames of the REPL itself.
'use strict';

var readline = require('readline');
var engine = require('native:engine');

var global = require('native:engine').global;

function loadInspect() {
    try {
        var util = require('util');
        if (typeof util.inspect === 'function')
            return util.inspect;
    } catch (error) {
        // fall through to the small formatter
    }
    return inspect;
}

// A small formatter for when util is missing: Node's shapes, one line.
function inspect(value, depth, seen) {
    depth = depth === undefined ? 2 : depth;
    seen = seen || [];
    switch (typeof value) {
    case 'string':
        return "'" + value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'";
    case 'number':
        return value === 0 && 1 / value < 0 ? '-0' : String(value);
    case 'function':
        return '[Function: ' + (value.name || '(anonymous)') + ']';
    case 'object':
        break;
    default:
        return String(value);
    }
    if (value === null)
        return 'null';
    if (value instanceof Error)
        return value.stack || String(value);
    if (value instanceof Date)
        return value.toISOString();
    if (value instanceof RegExp)
        return String(value);
    if (seen.indexOf(value) >= 0)
        return '[Circular]';
    var isArray = Array.isArray(value);
    if (depth < 0)
        return isArray ? '[Array]' : '[Object]';
    seen.push(value);
    var parts = [];
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        var text = inspect(value[key], depth - 1, seen);
        if (isArray && String(+key) === key)
            parts.push(text);
        else
            parts.push((/^[A-Za-z_$][\w$]*$/.test(key) ? key : inspect(key)) + ': ' + text);
    }
    seen.pop();
    if (parts.length === 0)
        return isArray ? '[]' : '{}';
    return isArray ? '[ ' + parts.join(', ') + ' ]' : '{ ' + parts.join(', ') + ' }';
}

// Is `error` (from compiling `name`) a SyntaxError only because the input
// ended too soon? Duktape's messages end with "(line N, end of input)", but
// also for `1 1`; so the source is compiled again with an invalid token on
// a new line: if the parser gets that far, the input was unfinished. (The
// probe never runs: nothing runs when the source does not compile.)
function isUnfinished(error, source, name) {
    if (!(error instanceof SyntaxError) || error.fileName !== name ||
        !/end of input\)$/.test(error.message))
        return false;
    try {
        engine.compile(source + '\n@', name);
    } catch (probe) {
        return /end of input\)$/.test(probe.message) ||
            probe.lineNumber > source.split('\n').length;
    }
    return false;
}

// The error's stack without the frames of the REPL and Duktape's internals.
function formatError(error) {
    var stack = typeof error.stack === 'string' ? error.stack : String(error);
    var lines = stack.split('\n');
    var out = [lines[0]];
    for (var i = 1; i < lines.length; i++) {
        var line = lines[i];
        if (/\) internal$/.test(line))
            continue;
        if (/^\s*at (eval|\[anon\]) \(REPL\d+:\d+\)/.test(line) || / native( |$)/.test(line))
            break;  // the entry's own code, then the REPL that called it
        out.push(line);
    }
    return out.join('\n');
}

var HELP = [
    ['break', 'Sometimes you get stuck, this gets you out'],
    ['clear', 'Alias for .break'],
    ['exit', 'Exit the REPL'],
    ['help', 'Print this help message']
];

function REPLServer(options) {
    if (!(this instanceof REPLServer))
        return new REPLServer(options);
    if (typeof options === 'string')
        options = { prompt: options };
    options = options || {};
    var self = this;
    this.promptText = options.prompt === undefined ? '> ' : String(options.prompt);
    // util is loaded with the first result, not before the first prompt.
    this.writer = options.writer || function (value) { return loadInspect()(value); };
    this.ignoreUndefined = !!options.ignoreUndefined;
    this.bufferedCommand = '';
    this.entries = 0;           // names the entries REPL1, REPL2, ...
    this.interrupted = false;   // the last key was Ctrl-C on an empty line
    this.commands = {};
    this.rl = readline.createInterface({
        input: options.input, output: options.output, terminal: options.terminal,
        prompt: this.promptText, historySize: options.historySize
    });
    this.terminal = this.rl.terminal;
    this.on = function () { self.rl.on.apply(self.rl, arguments); return self; };
    this.once = function () { self.rl.once.apply(self.rl, arguments); return self; };
    this.emit = function () { return self.rl.emit.apply(self.rl, arguments); };

    this.defineCommand('break', {
        help: HELP[0][1],
        action: function () { self.bufferedCommand = ''; self.displayPrompt(); }
    });
    this.defineCommand('clear', {
        help: HELP[1][1],
        action: function () { self.bufferedCommand = ''; self.displayPrompt(); }
    });
    this.defineCommand('exit', { help: HELP[2][1], action: function () { self.close(); } });
    this.defineCommand('help', {
        help: HELP[3][1],
        action: function () {
            var names = Object.keys(self.commands).sort();
            var width = 0;
            names.forEach(function (name) { width = Math.max(width, name.length); });
            var text = '';
            names.forEach(function (name) {
                var padding = new Array(width - name.length + 4).join(' ');
                text += '.' + name + padding + (self.commands[name].help || '') + '\n';
            });
            self.output(text + '\nPress Ctrl+C to abort current expression, ' +
                'Ctrl+D to exit the REPL\n');
            self.displayPrompt();
        }
    });

    this.rl.on('line', function (line) { self.onLine(line); });
    this.rl.on('SIGINT', function () { self.onInterrupt(); });
    this.rl.on('close', function () { self.emit('exit'); });
    // unode's own option: the program start wrote the first prompt already
    // (stdlib/node/internal/main.js, bare metal).
    if (!options._promptShown)
        this.displayPrompt();
}

REPLServer.prototype.output = function (text) { this.rl.writeOutput(text); };

REPLServer.prototype.close = function () { this.rl.close(); };

REPLServer.prototype.defineCommand = function (keyword, command) {
    if (typeof command === 'function')
        command = { action: command };
    this.commands[keyword] = command;
};

REPLServer.prototype.setPrompt = function (prompt) { this.promptText = String(prompt); };

REPLServer.prototype.displayPrompt = function () {
    this.rl.setPrompt(this.bufferedCommand ? '... ' : this.promptText);
    this.rl.prompt();
};

REPLServer.prototype.onInterrupt = function () {
    if (this.rl.line !== '' || this.bufferedCommand !== '') {
        this.interrupted = false;
        this.bufferedCommand = '';
        this.output('\r\n');
        this.displayPrompt();
        return;
    }
    if (this.interrupted) {
        this.close();
        return;
    }
    this.interrupted = true;
    this.output('\r\n(To exit, press Ctrl+C again or Ctrl+D or type .exit)\r\n');
    this.displayPrompt();
};

REPLServer.prototype.onLine = function (line) {
    this.interrupted = false;
    var match = /^\.([\w-]+)\s*(.*)$/.exec(line);
    if (match && this.commands[match[1]]) {
        this.commands[match[1]].action.call(this, match[2]);
        return;
    }
    if (match && this.bufferedCommand === '' && !/^\.\d/.test(line)) {
        this.output('Invalid REPL keyword\n');
        this.displayPrompt();
        return;
    }
    var source = this.bufferedCommand + line + '\n';
    if (/^\s*$/.test(source)) {
        this.displayPrompt();
        return;
    }
    var outcome = this.evaluate(source);
    if (outcome.unfinished) {
        this.bufferedCommand = source;
    } else {
        this.bufferedCommand = '';
        this.print(outcome);
    }
    if (!this.rl.closed)
        this.displayPrompt();
};

// Evaluates source in the global scope: {value}, {error} or {unfinished}.
REPLServer.prototype.evaluate = function (source) {
    var name = 'REPL' + (++this.entries);
    // `{a: 1}` is an object, not a block (like Node): try it in parentheses first.
    if (/^\s*\{/.test(source) && /\}\s*$/.test(source) && !/;\s*$/.test(source)) {
        var wrapped = run('(' + source.replace(/\s*$/, '') + ')\n', name);
        if (!wrapped.compileError)
            return wrapped;
    }
    return run(source, name);
};

function run(source, name) {
    try {
        return { value: engine.callWithBudget(engine.compile, null, [source, name]) };
    } catch (error) {
        if (isUnfinished(error, source, name))
            return { unfinished: true, compileError: true };
        return {
            error: error,
            compileError: error instanceof SyntaxError && error.fileName === name
        };
    }
}

REPLServer.prototype.print = function (outcome) {
    var text;
    if ('error' in outcome) {
        var error = outcome.error;
        global._error = error;
        try {
            text = error instanceof Error ? formatError(error) : this.writer(error);
        } catch (e) {
            text = String(error);
        }
        this.output('Uncaught ' + text + '\n');
        return;
    }
    global._ = outcome.value;
    if (outcome.value === undefined && this.ignoreUndefined)
        return;
    try {
        text = this.writer(outcome.value);
    } catch (e) {
        text = '[value that cannot be inspected: ' + e + ']';
    }
    this.output(text + '\n');
};

exports.REPLServer = REPLServer;
exports.start = function (options) { return new REPLServer(options); };
// The REPL's own formatter (util.inspect replaces it when present).
exports._inspect = inspect;
