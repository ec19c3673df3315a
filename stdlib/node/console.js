// require('console'): console.log/info/debug to stdout, warn/error/trace
// to stderr, each one util.format() line written synchronously.
'use strict';

// util is large: loaded on the first call that formats, not at start-up
// (the REPL's prompt appears sooner on bare metal).
var loadedUtil = null;
function util() { return loadedUtil || (loadedUtil = require('./util.js')); }
var loop = require('./internal/loop.js');

// A stream is anything with write(string) (process.stdout, stderr).
// new Console(stdout[, stderr]) or new Console({stdout, stderr,
// groupIndentation, inspectOptions}).
function Console(stdout, stderr) {
    if (!(this instanceof Console))
        return new Console(stdout, stderr);
    var options = {};
    if (stdout && typeof stdout.write !== 'function') {
        options = stdout;
        stdout = options.stdout;
        stderr = options.stderr;
    }
    if (!stdout || typeof stdout.write !== 'function') {
        var error = new TypeError('The "stdout" argument must be an instance of Stream');
        error.code = 'ERR_CONSOLE_WRITABLE_STREAM';
        throw error;
    }
    this._stdout = stdout;
    this._stderr = stderr || stdout;
    this._indent = '';
    this._groupIndentation = typeof options.groupIndentation === 'number' ?
        options.groupIndentation : 2;
    this._inspectOptions = options.inspectOptions;
    this._counts = {};
    this._times = {};
    // Methods work detached (arr.forEach(console.log)), as in Node.
    var self = this;
    var names = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'dirxml', 'assert',
        'time', 'timeEnd', 'timeLog', 'count', 'countReset', 'group', 'groupCollapsed',
        'groupEnd', 'table'];
    names.forEach(function (name) {
        var bound = Console.prototype[name].bind(self);
        Object.defineProperty(bound, 'name', { value: name });
        self[name] = bound;
    });
}

Console.prototype._write = function (stream, text) {
    if (this._indent !== '') {
        if (text.indexOf('\n') !== -1)
            text = text.replace(/\n/g, '\n' + this._indent);
        text = this._indent + text;
    }
    stream.write(text + '\n');
};

Console.prototype._format = function (args) {
    if (this._inspectOptions)
        return util().formatWithOptions.apply(null, [this._inspectOptions].concat(
            Array.prototype.slice.call(args)));
    return util().format.apply(null, args);
};

Console.prototype.log = function () {
    this._write(this._stdout, this._format(arguments));
};
Console.prototype.info = Console.prototype.log;
Console.prototype.debug = Console.prototype.log;
Console.prototype.dirxml = Console.prototype.log;

Console.prototype.warn = function () {
    this._write(this._stderr, this._format(arguments));
};
Console.prototype.error = Console.prototype.warn;

Console.prototype.trace = function () {
    var error = new Error(this._format(arguments));
    error.name = 'Trace';
    var stack = String(error.stack);
    // Leave out the frame of trace() itself.
    var lines = stack.split('\n');
    if (lines.length > 1 && /console\.js/.test(lines[1]))
        lines.splice(1, 1);
    this._write(this._stderr, lines.join('\n'));
};

Console.prototype.dir = function (object, options) {
    var merged = { customInspect: false };
    var key;
    for (key in this._inspectOptions)
        merged[key] = this._inspectOptions[key];
    for (key in options)
        merged[key] = options[key];
    this._write(this._stdout, util().inspect(object, merged));
};

Console.prototype.assert = function (condition) {
    if (condition)
        return;
    var args = Array.prototype.slice.call(arguments, 1);
    args[0] = 'Assertion failed' + (args.length === 0 ? '' : ': ' + args[0]);
    this.warn.apply(this, args);
};

function warnLabel(message) {
    require('./process.js').emitWarning(message);
}

Console.prototype.count = function (label) {
    label = label === undefined ? 'default' : String(label);
    this._counts[label] = (this._counts[label] || 0) + 1;
    this.log(label + ': ' + this._counts[label]);
};
Console.prototype.countReset = function (label) {
    label = label === undefined ? 'default' : String(label);
    if (this._counts[label] === undefined) {
        warnLabel("Count for '" + label + "' does not exist");
        return;
    }
    delete this._counts[label];
};

Console.prototype.group = function () {
    if (arguments.length > 0)
        this.log.apply(this, arguments);
    for (var i = 0; i < this._groupIndentation; i++)
        this._indent += ' ';
};
Console.prototype.groupCollapsed = Console.prototype.group;
Console.prototype.groupEnd = function () {
    this._indent = this._indent.slice(0, Math.max(0, this._indent.length -
        this._groupIndentation));
};

// Node prints durations in the largest unit that fits: "1.234ms",
// "1.234s", "1:02.345 (m:ss.mmm)", "1:02:03.456 (h:mm:ss.mmm)".
function pad(n, width) {
    var s = String(n);
    while (s.length < width)
        s = '0' + s;
    return s;
}

function formatDuration(ms) {
    var hours = 0;
    var minutes = 0;
    var seconds = 0;
    if (ms >= 1000) {
        if (ms >= 60000) {
            if (ms >= 3600000) {
                hours = Math.floor(ms / 3600000);
                ms -= hours * 3600000;
            }
            minutes = Math.floor(ms / 60000);
            ms -= minutes * 60000;
        }
        seconds = ms / 1000;
    }
    if (hours !== 0 || minutes !== 0) {
        var parts = seconds.toFixed(3).split('.');
        var res = hours !== 0 ? hours + ':' + pad(minutes, 2) : String(minutes);
        return res + ':' + pad(parts[0], 2) + '.' + parts[1] + ' (' +
            (hours !== 0 ? 'h:m' : '') + 'm:ss.mmm)';
    }
    if (seconds !== 0)
        return seconds.toFixed(3) + 's';
    return Number(ms.toFixed(3)) + 'ms';
}
Console._formatDuration = formatDuration;

Console.prototype.time = function (label) {
    label = label === undefined ? 'default' : String(label);
    if (this._times[label] !== undefined) {
        warnLabel("Label '" + label + "' already exists for console.time()");
        return;
    }
    this._times[label] = loop.monotonicMs();
};

Console.prototype._timeLog = function (name, label, extra) {
    label = label === undefined ? 'default' : String(label);
    if (this._times[label] === undefined) {
        warnLabel("No such label '" + label + "' for console." + name + '()');
        return false;
    }
    var text = label + ': ' + formatDuration(loop.monotonicMs() - this._times[label]);
    this.log.apply(this, [text].concat(extra));
    return true;
};
Console.prototype.timeLog = function (label) {
    this._timeLog('timeLog', label, Array.prototype.slice.call(arguments, 1));
};
Console.prototype.timeEnd = function (label) {
    if (this._timeLog('timeEnd', label, []))
        delete this._times[label === undefined ? 'default' : String(label)];
};

Console.prototype.table = function (data, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
        var error = new TypeError('The "properties" argument must be an instance of Array');
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
    }
    if (data === null || typeof data !== 'object')
        return this.log(data);
    this.log(require('./internal/cli_table.js').render(data, properties));
};

// The global console writes to fds 1 and 2 directly while the program
// has not touched process.stdout/stderr (making those streams is costly at
// start-up); once it has, through them, so a replaced write() sees it.
function StdioWriter(fd) {
    var process = require('./process.js');
    this.write = function (text) {
        var stream = process._stdioIfMade(fd);
        if (stream)
            return stream.write(text);
        return process._writeAll(fd, text);
    };
}
module.exports = new Console(new StdioWriter(1), new StdioWriter(2));
module.exports.Console = Console;
