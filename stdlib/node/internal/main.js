// The program's start, after the loader: set up the globals, run the main
// module (or -e / -p code, or the REPL), run the event loop, then end the
// process with process.exitCode.
'use strict';

// The standard library's system calls (require('sys')) and ./loop.js load
// in run(), after the bare-metal REPL's prompt.
var sys = null;
var loop = null;

// process (and events, which it is built on) loads on first use: the
// REPL's prompt on bare metal needs neither (they load with the REPL, at
// the first input), and they are a tenth of the work before it.
function getProcess() { return require('../process.js'); }

var global = require('native:engine').global;

function defineGlobal(name, value) {
    Object.defineProperty(global, name, { value: value, writable: true, configurable: true,
        enumerable: false });
}

// A global whose module loads on first use, so that programs that never
// touch console, Promise, Buffer or URL do not pay for loading them at startup (and
// the REPL's prompt comes sooner: every module loaded before it costs boot
// time). Reading or assigning it leaves an ordinary data property, as Node has.
function defineLazyGlobal(name, load) {
    Object.defineProperty(global, name, {
        get: function () {
            var value = load();
            defineGlobal(name, value);
            return value;
        },
        set: function (value) { defineGlobal(name, value); },
        enumerable: false,
        configurable: true
    });
}

// The globals of the buffer and url modules (Duktape's own, older Buffer
// binding is replaced by unode's).
function installModuleGlobals() {
    defineLazyGlobal('Buffer', function () { return require('../buffer.js').Buffer; });
    defineLazyGlobal('atob', function () { return require('../buffer.js').atob; });
    defineLazyGlobal('btoa', function () { return require('../buffer.js').btoa; });
    defineLazyGlobal('URL', function () { return require('../url.js').URL; });
    defineLazyGlobal('URLSearchParams', function () {
        return require('../url.js').URLSearchParams;
    });
}

var replServer = null;  // the REPL, when the program is the REPL

// An error nobody caught: 'uncaughtException' listeners get it, otherwise
// it is printed like Node's REPL does and the process ends with status 1.
// In the REPL, as in Node's, an error from a callback or an unhandled
// rejection is printed and the REPL goes on.
function onUncaught(error, origin, reason) {
    var process = getProcess();
    if (process.listenerCount('uncaughtException') > 0) {
        try {
            process.emit('uncaughtException', error, origin || 'uncaughtException');
            return;
        } catch (again) {
            error = again;
        }
    }
    if (replServer !== null && !replServer.rl.closed) {
        // Node's REPL shows a rejection's own reason ("Uncaught 1").
        replServer.print({ error: origin === 'unhandledRejection' ? reason : error });
        replServer.displayPrompt();
        return;
    }
    var text = error instanceof Error && error.stack ? String(error.stack) :
        require('../util.js').inspect(error);
    process._writeAll(2, 'Uncaught ' + text + '\n');
    process.exit(1);
}

function installGlobals(native) {
    var timers = require('../timers.js');
    defineGlobal('global', global);
    if (global.globalThis !== global)
        defineGlobal('globalThis', global);
    defineLazyGlobal('process', getProcess);
    defineLazyGlobal('console', function () { return require('../console.js'); });
    defineGlobal('setTimeout', timers.setTimeout);
    defineGlobal('clearTimeout', timers.clearTimeout);
    defineGlobal('setInterval', timers.setInterval);
    defineGlobal('clearInterval', timers.clearInterval);
    defineGlobal('setImmediate', timers.setImmediate);
    defineGlobal('clearImmediate', timers.clearImmediate);
    defineGlobal('queueMicrotask', loop.queueMicrotask);
    installModuleGlobals();
    defineLazyGlobal('Promise', function () { return require('./promise.js').Promise; });
    defineLazyGlobal('AggregateError', function () {
        return require('./promise.js').AggregateError;
    });
    loop.init(native, onUncaught);
}

// -e and -p: the code runs in the global scope with require, module,
// exports, __filename and __dirname as globals, as in Node.
function evaluate(native, loader, options) {
    var filename = '[eval]';
    var module = new loader.Module(filename, null);
    module.filename = (options.cwd || '/') + '/' + filename;
    module.path = '.';
    defineGlobal('require', loader.requireFrom(module.filename));
    defineGlobal('module', module);
    defineGlobal('exports', module.exports);
    defineGlobal('__filename', filename);
    defineGlobal('__dirname', '.');
    return native.callWithBudget(native.compile, native, [options.code, filename]);
}

// The REPL evaluates in the global scope, where require, module and
// exports resolve relative to the working directory, as in Node; leaving it
// (.exit, Ctrl-D) ends the process even with timers pending.
//
// On bare metal the prompt comes first, as soon as the console behind fds
// 0-2 (set up by the services' init script) can take input: before the
// event loop, the timers and the globals (a tenth of the work from kernel
// entry to the prompt), and the REPL itself (repl.js, readline and the line
// editor: a fifth of it), which loads when the first input is readable.
// The console there has no line discipline and keeps what arrives, so
// nothing typed meanwhile is echoed or lost: the REPL reads it, echoes and
// edits it. On Linux the terminal must be in raw mode before the first
// key, so the REPL starts at once.
var PROMPT = '> ';

function replAvailable(native) {
    return native.stat(native.options.stdlib + '/node/repl.js') === 'file';
}

// Writes the bare-metal REPL's prompt, first thing, with the write system
// call itself: require('sys') loads after it. The console there takes a
// string, and all of it at once (js-drivers/tty/console.js). False when
// this start is not that one.
function writePromptFirst(native, loader, options) {
    if (options.mode !== 'repl' || options.platform === 'linux' || !replAvailable(native))
        return false;
    require('native:sys').syscall(1, 1, PROMPT, PROMPT.length);  // write(1, PROMPT)
    loader.milestone('REPL prompt written');
    return true;
}

function startRepl(native, loader, options, promptWritten) {
    if (!replAvailable(native)) {
        sys.writeAll(2, 'unode: REPL not available\n');
        getProcess().exit(1);
    }
    var module = new loader.Module((options.cwd || '/') + '/[repl]', null);
    defineGlobal('require', loader.requireFrom(module.filename));
    defineGlobal('module', module);
    defineGlobal('exports', module.exports);
    function start(promptShown) {
        replServer = require('../repl.js').start({ prompt: PROMPT, _promptShown: promptShown });
        replServer.on('exit', function () { getProcess().exit(); });
    }
    if (sys.platform === 'linux') {
        start(false);
        loader.milestone('REPL prompt written');
        return;
    }
    if (!promptWritten) {
        sys.writeAll(1, PROMPT);
        loader.milestone('REPL prompt written');
    }
    loop.watchReadable(0, function () {
        loop.unwatch(0);  // the REPL's readline watches fd 0 itself
        start(true);
    }, { budget: false });
}

exports.run = function (native, loader) {
    var options = native.options;
    exports.loader = loader;  // for require('module')
    var promptWritten = writePromptFirst(native, loader, options);
    sys = require('sys');
    loop = require('./loop.js');
    installGlobals(native);
    try {
        if (options.mode === 'file') {
            loader.milestone('program start');
            native.callWithBudget(loader.runMain, loader, [options.argv[1]]);
        } else if (options.mode === 'eval' || options.mode === 'print') {
            loader.milestone('program start');
            var value = evaluate(native, loader, options);
            // node -p prints the value when the process exits, after timers.
            if (options.mode === 'print') {
                getProcess().on('exit', function () { global.console.log(value); });
            }
        } else {
            startRepl(native, loader, options, promptWritten);
        }
    } catch (error) {
        onUncaught(error);
    }
    loop.run(function () {
        var process = getProcess();
        process.emit('beforeExit', process._exitStatus());
    });
    getProcess().exit();
    return getProcess()._exitStatus();
};
