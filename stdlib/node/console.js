// require('console'): console.log/info/debug to stdout, warn/error/trace
// to stderr, each one util.format() line written synchronously.
'use strict';

// util is large: loaded on the first call that formats, not at start-up
// (the REPL's prompt appears sooner on bare metal).
var loadedUtil = null;
function util() { return loadedUtil || (loadedUtil = require('./util.js')); }
var loop = require('./internal/loop.js');

// A stream is anything with write(string) (process.stdout, stderr).
function Console(stdout, stderr) {
    if (!(this instanceof Console))
        return new Console(stdout, stderr);
    if (stdout && typeof stdout.write !== 'function' && stdout.stdout) {
        stderr = stdout.stderr;  // new Console({stdout, stderr})
        stdout = stdout.stdout;
    }
    this._stdout = stdout;
    this._stderr = stderr || stdout;
    this._indent = '';
    this._counts = {};
    this._times = {};
    // Methods work detached (arr.forEach(console.log)), as in Node.
    var self = this;
    var names = ['log', 'info', 'debug', 'warn', 'error', 'trace', 'dir', 'assert', 'time',
        'timeEnd', 'timeLog', 'count', 'countReset', 'group', 'groupCollapsed', 'groupEnd',
        'table'];
    names.forEach(function (name) {
        self[name] = Console.prototype[name].bind(self);
    });
}

Console.prototype._write = function (stream, text) {
    if (this._indent !== '')
        text = this._indent + text.replace(/\n/g, '\n' + this._indent);
    stream.write(text + '\n');
};

Console.prototype.log = function () {
    this._write(this._stdout, util().format.apply(null, arguments));
};
Console.prototype.info = Console.prototype.log;
Console.prototype.debug = Console.prototype.log;

Console.prototype.warn = function () {
    this._write(this._stderr, util().format.apply(null, arguments));
};
Console.prototype.error = Console.prototype.warn;

Console.prototype.trace = function () {
    var error = new Error(util().format.apply(null, arguments));
    error.name = 'Trace';
    this._write(this._stderr, String(error.stack));
};

Console.prototype.dir = function (object, options) {
    this._write(this._stdout, util().inspect(object, options));
};

// console.table is not supported in unode: it logs its argument instead.
Console.prototype.table = Console.prototype.log;

Console.prototype.assert = function (condition) {
    if (condition)
        return;
    var args = Array.prototype.slice.call(arguments, 1);
    if (args.length === 0 || typeof args[0] !== 'string')
        args.unshift('Assertion failed');
    else
        args[0] = 'Assertion failed: ' + args[0];
    this.warn.apply(this, args);
};

Console.prototype.count = function (label) {
    label = label === undefined ? 'default' : String(label);
    this._counts[label] = (this._counts[label] || 0) + 1;
    this.log(label + ': ' + this._counts[label]);
};
Console.prototype.countReset = function (label) {
    delete this._counts[label === undefined ? 'default' : String(label)];
};

Console.prototype.group = function () {
    if (arguments.length > 0)
        this.log.apply(this, arguments);
    this._indent += '  ';
};
Console.prototype.groupCollapsed = Console.prototype.group;
Console.prototype.groupEnd = function () { this._indent = this._indent.slice(2); };

// Node prints durations as "label: 1.234ms" (3 decimals below a second).
function formatDuration(ms) {
    if (ms >= 1000)
        return (ms / 1000).toFixed(3) + 's';
    return ms.toFixed(3) + 'ms';
}

Console.prototype.time = function (label) {
    this._times[label === undefined ? 'default' : String(label)] = loop.monotonicMs();
};
Console.prototype.timeLog = function (label) {
    label = label === undefined ? 'default' : String(label);
    if (this._times[label] === undefined)
        return;
    var extra = Array.prototype.slice.call(arguments, 1);
    this.log.apply(this, [label + ': ' + formatDuration(loop.monotonicMs() - this._times[label])]
        .concat(extra));
};
Console.prototype.timeEnd = function (label) {
    label = label === undefined ? 'default' : String(label);
    this.timeLog(label);
    delete this._times[label];
};

module.exports = new Console(require('./process.js').stdout, require('./process.js').stderr);
module.exports.Console = Console;
