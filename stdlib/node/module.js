// require('module'): the loader's Module class (engine/js/loader.js) with
// Node's helpers: createRequire, builtinModules, isBuiltin.
'use strict';

var loader = require('./internal/main.js').loader;
var native = require('native:engine');

// Node 20's core module names; those unode has (a file in stdlib/node)
// make up builtinModules, so the list grows with the stdlib.
var nodeBuiltins = ['assert', 'assert/strict', 'async_hooks', 'buffer', 'child_process',
    'cluster', 'console', 'constants', 'crypto', 'dgram', 'diagnostics_channel', 'dns',
    'dns/promises', 'domain', 'events', 'fs', 'fs/promises', 'http', 'http2', 'https',
    'inspector', 'module', 'net', 'os', 'path', 'path/posix', 'path/win32', 'perf_hooks',
    'process', 'punycode', 'querystring', 'readline', 'readline/promises', 'repl', 'stream',
    'stream/consumers', 'stream/promises', 'stream/web', 'string_decoder', 'sys', 'timers',
    'timers/promises', 'tls', 'trace_events', 'tty', 'url', 'util', 'util/types', 'v8', 'vm',
    'wasi', 'worker_threads', 'zlib'];

var builtinModules = nodeBuiltins.filter(function (name) {
    return native.stat(native.options.stdlib + '/node/' + name + '.js') === 'file';
});

function isBuiltin(name) {
    name = String(name);
    if (name.indexOf('node:') === 0)
        name = name.slice(5);
    return builtinModules.indexOf(name) !== -1;
}

// createRequire(filename): a require() that resolves relative to filename
// (an absolute path or a file: URL).
function createRequire(filename) {
    if (typeof filename === 'object' && filename !== null && typeof filename.href === 'string')
        filename = filename.href;
    if (typeof filename === 'string' && filename.indexOf('file://') === 0)
        filename = decodeURIComponent(filename.slice(7));
    if (typeof filename !== 'string' || filename.charAt(0) !== '/') {
        var error = new TypeError('The argument \'filename\' must be a file URL object, file ' +
            'URL string, or absolute path string. Received ' +
            require('./util.js').inspect(filename));
        error.code = 'ERR_INVALID_ARG_VALUE';
        throw error;
    }
    // A directory (trailing slash) resolves from inside it.
    if (filename.charAt(filename.length - 1) === '/')
        filename += '[createRequire]';
    return loader.requireFrom(filename);
}

var Module = loader.Module;
Module.builtinModules = builtinModules;
Module.isBuiltin = isBuiltin;
Module.createRequire = createRequire;
Module.Module = Module;
Module._cache = loader.cache;
Module._resolveFilename = function (request, parent) { return loader.resolve(request, parent); };
module.exports = Module;
