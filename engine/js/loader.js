// The CommonJS module loader, with Node's resolution rules. The build
// embeds this file in the engine (tools/embed_js.py); its value is a
// function that receives require('native:engine') and starts the program
// by running stdlib/node/internal/main.js.
//
// Resolution of require(id) from a module in directory D:
//   'node:x' or a core name 'x'   stdlib/node/x.js ('sys': stdlib/sys/index.js)
//   'native:x', or 'x' when the platform registered a native module x
//   './x', '../x', '/x'           the file x, x.js, x.json, or the directory
//                                 x: its package.json "main", else index.js
//   'x' (anything else)           node_modules/x in D, then in each parent
(function (native) {
    'use strict';

    var options = native.options;
    var stdlib = options.stdlib;
    var cache = {};  // resolved filename -> Module

    function isFile(path) { return native.stat(path) === 'file'; }
    function isDirectory(path) { return native.stat(path) === 'dir'; }

    // POSIX path arithmetic (the path module is in the stdlib; the loader
    // must not depend on anything it loads). Most paths it sees are already
    // normal ('/stdlib/node/events.js'): they are returned as they are,
    // since splitting and joining strings is costly in an interpreter.
    // (No regular expression for the test: Duktape's matcher is slower
    // than a few indexOf calls.)
    function isNormal(path) {
        return path !== '' && path.indexOf('//') < 0 && path.indexOf('/.') < 0 &&
            path.charAt(0) !== '.' && path.charAt(path.length - 1) !== '/';
    }
    function normalize(path) {
        if (isNormal(path))
            return path;
        var absolute = path.charAt(0) === '/';
        var parts = path.split('/');
        var out = [];
        for (var i = 0; i < parts.length; i++) {
            var part = parts[i];
            if (part === '' || part === '.')
                continue;
            if (part === '..') {
                if (out.length > 0 && out[out.length - 1] !== '..')
                    out.pop();
                else if (!absolute)
                    out.push('..');
            } else {
                out.push(part);
            }
        }
        return (absolute ? '/' : '') + out.join('/') || (absolute ? '/' : '.');
    }

    function dirname(path) {
        var slash = path.lastIndexOf('/');
        return slash <= 0 ? (slash === 0 ? '/' : '.') : path.slice(0, slash);
    }

    function join(a, b) {
        while (b.charAt(0) === '.' && b.charAt(1) === '/')
            b = b.slice(2);  // './x': the common case, kept off the slow path
        return normalize(a + '/' + b);
    }

    function isCoreModule(id) {
        return id === 'sys' || isFile(stdlib + '/node/' + id + '.js');
    }

    function corePath(id) {
        return id === 'sys' ? stdlib + '/sys/index.js' : stdlib + '/node/' + id + '.js';
    }

    function resolveFile(path) {
        if (isFile(path))
            return path;
        if (isFile(path + '.js'))
            return path + '.js';
        if (isFile(path + '.json'))
            return path + '.json';
        if (isDirectory(path)) {
            var manifest = path + '/package.json';
            if (isFile(manifest)) {
                var main = JSON.parse(native.readFile(manifest)).main;
                if (typeof main === 'string') {
                    var found = resolveFile(join(path, main)) ||
                        resolveFile(join(path, main) + '/index');
                    if (found)
                        return found;
                }
            }
            if (isFile(path + '/index.js'))
                return path + '/index.js';
            if (isFile(path + '/index.json'))
                return path + '/index.json';
        }
        return null;
    }

    function notFound(id, parent) {
        var message = "Cannot find module '" + id + "'";
        if (parent && parent.filename)
            message += '\nRequire stack:\n- ' + parent.filename;
        var error = new Error(message);
        error.code = 'MODULE_NOT_FOUND';
        return error;
    }

    function resolve(id, parent) {
        if (typeof id !== 'string' || id === '') {
            var error = new TypeError('The "id" argument must be a non-empty string');
            error.code = 'ERR_INVALID_ARG_VALUE';
            throw error;
        }
        if (id.indexOf('native:') === 0)
            return id;
        var bare = id.indexOf('node:') === 0 ? id.slice(5) : id;
        var isPath = id.charAt(0) === '.' || id.charAt(0) === '/';
        if (!isPath) {
            if (isCoreModule(bare))
                return corePath(bare);
            if (bare !== id)
                throw notFound(id, parent);
        }
        // A bare name that is not a core module but that the platform
        // registered natively (e.g. 'hal' on bare metal) is that native module.
        if (!isPath && native.hasNative(id))
            return 'native:' + id;
        var from = parent && parent.filename ? dirname(parent.filename) : options.cwd || '/';
        var found;
        if (isPath) {
            found = resolveFile(id.charAt(0) === '/' ? normalize(id) : join(from, id));
        } else {
            for (var dir = from; !found; dir = dirname(dir)) {
                if (dir.slice(-13) !== '/node_modules')
                    found = resolveFile(join(dir, 'node_modules/' + id));
                if (dir === '/' || dir === '.')
                    break;
            }
        }
        if (!found)
            throw notFound(id, parent);
        return found;
    }

    function Module(filename, parent) {
        this.id = filename;
        this.filename = filename;
        this.path = dirname(filename);
        this.exports = {};
        this.parent = parent || null;
        this.loaded = false;
        this.children = [];
    }

    // Every module gets its own require (ids resolve from its directory).
    // require.resolve is made on first use, by one getter shared by all
    // modules: a function costs Duktape an object and its prototype object,
    // and few modules ever call require.resolve.
    var MODULE = Symbol('module');
    function makeResolve() {
        var module = this[MODULE];
        var fn = function (id) { return resolve(id, module); };
        Object.defineProperty(this, 'resolve', { value: fn, writable: true,
            configurable: true, enumerable: true });
        return fn;
    }
    function makeRequire(module) {
        function require(id) { return load(resolve(id, module), module); }
        require[MODULE] = module;
        Object.defineProperty(require, 'resolve', { get: makeResolve, configurable: true,
            enumerable: true });
        require.cache = cache;
        require.main = mainModule;
        return require;
    }

    var mainModule;

    // The module function for `source`. The boot archive has X.jsbc next to
    // each X.js of stdlib/ and js-drivers/: the same wrapper, precompiled by
    // build/jsbc (sim/jsbc_main.cpp), which must compile it as here.
    // The source is read only when there is no bytecode: reading it makes a
    // string of the whole file, which Duktape copies and hashes.
    // (loadBytecode answers undefined when there is no X.jsbc: no separate
    // stat, one archive lookup less per module.)
    function compileModule(filename) {
        if (filename.slice(-3) === '.js') {
            var bytecode = native.loadBytecode(filename + 'bc');
            if (bytecode !== undefined)
                return bytecode;
        }
        var source = native.readFile(filename);
        if (source === undefined)
            return undefined;
        if (source.charAt(0) === '#' && source.charAt(1) === '!')
            source = '//' + source;  // a shebang line; keeps line numbers
        // The wrapper shares the first line with the module's code, so line
        // numbers in stack traces match the file.
        return native.compile('(function (exports, require, module, __filename, ' +
            '__dirname) {' + source + '\n})', filename);
    }

    // With options.trace (kernel `boottrace`, unode --trace-startup) every
    // module load is timed: where startup time goes, module by module. The
    // time includes the modules it requires, listed (indented) before it.
    // Until the first milestone (e.g. the REPL's prompt) the lines are kept
    // and printed then, so that printing does not count in the times.
    var traceDepth = 0;
    var traceLog = [];  // [label, ms, at] until the first milestone, then null
    function trace(label, ms) {
        var at = native.monotonicMs();
        if (traceLog)
            traceLog.push([label, ms, at]);
        else
            native.trace(label, ms, at);
    }
    function milestone(label) {
        if (!options.trace)
            return;
        trace(label);
        var log = traceLog || [];
        traceLog = null;
        for (var i = 0; i < log.length; i++)
            native.trace(log[i][0], log[i][1], log[i][2]);
    }
    function tracedLoad(filename, parent) {
        if (cache[filename] || filename.indexOf('native:') === 0)
            return untracedLoad(filename, parent);
        var started = native.monotonicMs();
        traceDepth++;
        try {
            return untracedLoad(filename, parent);
        } finally {
            traceDepth--;
            trace(new Array(traceDepth + 1).join('  ') + filename,
                native.monotonicMs() - started);
        }
    }
    var load = options.trace ? tracedLoad : untracedLoad;

    function untracedLoad(filename, parent) {
        var cached = cache[filename];
        if (cached) {
            return cached.exports;
        }
        if (filename.indexOf('native:') === 0) {
            var exports = native.loadNative(filename.slice(7));
            if (exports === undefined)
                throw notFound(filename, parent);
            return exports;
        }
        var module = new Module(filename, parent);
        cache[filename] = module;
        if (parent)
            parent.children.push(module);
        try {
            if (filename.slice(-5) === '.json') {
                var json = native.readFile(filename);
                if (json === undefined)
                    throw notFound(filename, parent);
                module.exports = JSON.parse(json);
            } else {
                var wrapper = compileModule(filename);
                if (wrapper === undefined)
                    throw notFound(filename, parent);
                wrapper.call(module.exports, module.exports, makeRequire(module), module,
                    filename, module.path);
            }
            module.loaded = true;
        } catch (error) {
            delete cache[filename];
            throw error;
        }
        return module.exports;
    }

    // Exposed to the stdlib (module.createRequire, the main program).
    var loader = {
        resolve: resolve,
        load: load,
        Module: Module,
        cache: cache,
        normalize: normalize,
        dirname: dirname,
        // Startup tracing: prints the module load times recorded so far.
        milestone: milestone,
        // A require function for code that is not in a file (-e, -p, the REPL),
        // resolving relative to `directory`.
        requireFrom: function (filename) {
            var module = new Module(filename, null);
            return makeRequire(module);
        },
        // Runs `filename` as the main module (process.argv[1]).
        runMain: function (filename) {
            var resolved = resolve(filename.charAt(0) === '/' ? filename : './' + filename,
                { filename: (options.cwd || '/') + '/[main]' });
            mainModule = new Module(resolved, null);
            mainModule.id = '.';
            cache[resolved] = mainModule;
            var wrapper = compileModule(resolved);
            if (wrapper === undefined)
                throw notFound(filename, null);
            wrapper.call(mainModule.exports, mainModule.exports, makeRequire(mainModule),
                mainModule, resolved, mainModule.path);
            mainModule.loaded = true;
            return mainModule;
        }
    };

    // On bare metal the kernel names an init script (options.init,
    // js-drivers/core/init.js) that starts the services behind the system
    // calls; it runs before the standard library, which needs them.
    if (options.trace)
        trace('loader ready');
    if (options.init)
        load(options.init, null);
    var main = load(stdlib + '/node/internal/main.js', null);
    return main.run(native, loader);
});
