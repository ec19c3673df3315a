// The program's start, after the loader: set up the globals, run the main
// module (or -e / -p code, or the REPL), then end the process.
'use strict';

var sys = require('sys');

var SYS_write = 1;
var SYS_exit_group = 231;

function writeString(fd, text) {
    // A string argument is passed as a pointer to its (UTF-8) bytes.
    var bytes = unescape(encodeURIComponent(text));
    var remaining = bytes;
    while (remaining.length > 0) {
        var n = sys.syscall(SYS_write, fd, remaining, remaining.length);
        if (n <= 0)
            return;
        remaining = remaining.slice(n);
    }
}

exports.run = function (native, loader) {
    var options = native.options;
    var exitCode = 0;
    try {
        if (options.mode === 'file') {
            loader.runMain(options.argv[1]);
        } else if (options.mode === 'eval' || options.mode === 'print') {
            var value = native.compile(options.code, '[eval]');
            if (options.mode === 'print')
                writeString(1, String(value) + '\n');
        } else {
            writeString(2, 'unode: the REPL is not available yet\n');
            exitCode = 1;
        }
    } catch (error) {
        writeString(2, 'Uncaught ' + (error && error.stack || String(error)) + '\n');
        exitCode = 1;
    }
    sys.syscall(SYS_exit_group, exitCode);
    return exitCode;
};
