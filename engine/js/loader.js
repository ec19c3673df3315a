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
    // must not depend on anything it loads).
    function normalize(path) {
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

    function join(a, b) { return normalize(a + '/' + b); }

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
        if (bare !== id || (!isPath && isCoreModule(bare))) {
            if (isCoreModule(bare))
                return corePath(bare);
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

    function makeRequire(module) {
        function require(id) { return load(resolve(id, module), module); }
        require.resolve = function (id) { return resolve(id, module); };
        require.cache = cache;
        require.main = mainModule;
        return require;
    }

    var mainModule;

    // The module function for `source`. The boot archive has X.jsbc next to
    // each X.js of stdlib/ and js-drivers/: the same wrapper, precompiled by
    // build/jsbc (sim/jsbc_main.cpp), which must compile it as here.
    function compileModule(source, filename) {
        if (filename.slice(-3) === '.js' && isFile(filename + 'bc'))
            return native.loadBytecode(filename + 'bc');
        if (source.charAt(0) === '#' && source.charAt(1) === '!')
            source = '//' + source;  // a shebang line; keeps line numbers
        // The wrapper shares the first line with the module's code, so line
        // numbers in stack traces match the file.
        return native.compile('(function (exports, require, module, __filename, ' +
            '__dirname) {' + source + '\n})', filename);
    }

    function load(filename, parent) {
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
            var source = native.readFile(filename);
            if (source === undefined)
                throw notFound(filename, parent);
            if (filename.slice(-5) === '.json') {
                module.exports = JSON.parse(source);
            } else {
                var wrapper = compileModule(source, filename);
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
            var wrapper = compileModule(native.readFile(resolved), resolved);
            wrapper.call(mainModule.exports, mainModule.exports, makeRequire(mainModule),
                mainModule, resolved, mainModule.path);
            mainModule.loaded = true;
            return mainModule;
        }
    };

    // On bare metal the kernel names an init script (options.init,
    // js-drivers/core/init.js) that starts the services behind the system
    // calls; it runs before the standard library, which needs them.
    if (options.init)
        load(options.init, null);
    var main = load(stdlib + '/node/internal/main.js', null);
    return main.run(native, loader);
});
