// require('path'): POSIX path arithmetic, as Node's path.posix. unode runs
// on Linux and on jskernel, both POSIX, so path === path.posix; path.win32
// exists only to say it is not supported.
'use strict';

var errors = require('./internal/coded_errors.js');

function checkString(value, name) {
    if (typeof value !== 'string')
        throw errors.invalidArgType(name, 'string', value);
}

// Resolves '.' and '..' segments and collapses repeated slashes. With
// allowAboveRoot, a relative path keeps leading '..' segments.
function normalizeSegments(path, allowAboveRoot) {
    var parts = path.split('/');
    var out = [];
    for (var i = 0; i < parts.length; i++) {
        var part = parts[i];
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            if (out.length > 0 && out[out.length - 1] !== '..')
                out.pop();
            else if (allowAboveRoot)
                out.push('..');
        } else {
            out.push(part);
        }
    }
    return out.join('/');
}

function isAbsolute(path) {
    checkString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === 47;
}

function normalize(path) {
    checkString(path, 'path');
    if (path.length === 0)
        return '.';
    var absolute = path.charCodeAt(0) === 47;
    var trailing = path.charCodeAt(path.length - 1) === 47;
    var result = normalizeSegments(path, !absolute);
    if (result.length === 0) {
        if (absolute)
            return '/';
        return trailing ? './' : '.';
    }
    if (trailing)
        result += '/';
    return absolute ? '/' + result : result;
}

function join() {
    if (arguments.length === 0)
        return '.';
    var joined;
    for (var i = 0; i < arguments.length; i++) {
        var arg = arguments[i];
        checkString(arg, 'path');
        if (arg.length > 0)
            joined = joined === undefined ? arg : joined + '/' + arg;
    }
    return joined === undefined ? '.' : normalize(joined);
}

function resolve() {
    var resolved = '';
    var absolute = false;
    for (var i = arguments.length - 1; i >= -1 && !absolute; i--) {
        var path = i >= 0 ? arguments[i] : process.cwd();
        checkString(path, 'paths[' + i + ']');
        if (path.length === 0)
            continue;
        resolved = path + '/' + resolved;
        absolute = path.charCodeAt(0) === 47;
    }
    resolved = normalizeSegments(resolved, !absolute);
    if (absolute)
        return '/' + resolved;
    return resolved.length > 0 ? resolved : '.';
}

function relative(from, to) {
    checkString(from, 'from');
    checkString(to, 'to');
    if (from === to)
        return '';
    from = resolve(from);
    to = resolve(to);
    if (from === to)
        return '';
    var fromParts = from === '/' ? [] : from.slice(1).split('/');
    var toParts = to === '/' ? [] : to.slice(1).split('/');
    var common = 0;
    while (common < fromParts.length && common < toParts.length &&
        fromParts[common] === toParts[common])
        common++;
    var out = [];
    for (var i = common; i < fromParts.length; i++)
        out.push('..');
    return out.concat(toParts.slice(common)).join('/');
}

function dirname(path) {
    checkString(path, 'path');
    if (path.length === 0)
        return '.';
    var absolute = path.charCodeAt(0) === 47;
    var end = -1;
    var matchedSlash = true;
    for (var i = path.length - 1; i >= 1; i--) {
        if (path.charCodeAt(i) === 47) {
            if (!matchedSlash) {
                end = i;
                break;
            }
        } else {
            matchedSlash = false;
        }
    }
    if (end === -1)
        return absolute ? '/' : '.';
    if (absolute && end === 1)
        return '//';
    return path.slice(0, end);
}

// The last segment, trailing slashes ignored.
function lastSegment(path) {
    var end = path.length;
    while (end > 0 && path.charCodeAt(end - 1) === 47)
        end--;
    var start = path.lastIndexOf('/', end - 1) + 1;
    return path.slice(start, end);
}

// With a suffix, Node strips it only where it matches the end of the last
// segment, and keeps a segment that is all suffix; its quirks for paths
// of slashes only ('/' stays '/') are kept.
function basename(path, suffix) {
    if (suffix !== undefined)
        checkString(suffix, 'suffix');
    checkString(path, 'path');
    if (suffix === undefined || suffix.length === 0 || suffix.length > path.length)
        return lastSegment(path);
    if (suffix === path)
        return '';
    var start = 0;
    var end = -1;
    var matchedSlash = true;
    var suffixIndex = suffix.length - 1;
    var firstNonSlashEnd = -1;
    for (var i = path.length - 1; i >= 0; --i) {
        var code = path.charCodeAt(i);
        if (code === 47) {
            if (!matchedSlash) {
                start = i + 1;
                break;
            }
        } else {
            if (firstNonSlashEnd === -1) {
                matchedSlash = false;
                firstNonSlashEnd = i + 1;
            }
            if (suffixIndex >= 0) {
                if (code === suffix.charCodeAt(suffixIndex)) {
                    if (--suffixIndex === -1)
                        end = i;  // the suffix starts here
                } else {
                    suffixIndex = -1;
                    end = firstNonSlashEnd;
                }
            }
        }
    }
    if (start === end)
        end = firstNonSlashEnd;
    else if (end === -1)
        end = path.length;
    return path.slice(start, end);
}

function extname(path) {
    checkString(path, 'path');
    var base = lastSegment(path);
    var dot = base.lastIndexOf('.');
    // A leading dot ('.profile') or dots only ('..') are not an extension.
    if (dot <= 0 || (dot === 1 && base === '..'))
        return '';
    return base.slice(dot);
}

function parse(path) {
    checkString(path, 'path');
    var result = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0)
        return result;
    var absolute = path.charCodeAt(0) === 47;
    if (absolute)
        result.root = '/';
    // The last segment, ignoring trailing slashes, is path[startPart..end).
    var end = path.length;
    while (end > (absolute ? 1 : 0) && path.charCodeAt(end - 1) === 47)
        end--;
    var startPart = path.lastIndexOf('/', end - 1) + 1;
    if (startPart === 0 && absolute)
        startPart = 1;
    if (end > startPart) {
        result.base = path.slice(startPart, end);
        result.ext = extname(result.base);
        result.name = result.base.slice(0, result.base.length - result.ext.length);
    }
    if (startPart > (absolute ? 1 : 0))
        result.dir = path.slice(0, startPart - 1);
    else if (absolute)
        result.dir = '/';
    return result;
}

function format(object) {
    if (object === null || typeof object !== 'object')
        throw errors.invalidArgType('pathObject', 'object', object);
    var dir = object.dir || object.root;
    var base = object.base ||
        ((object.name || '') + (object.ext ? (object.ext.charAt(0) === '.' ? '' : '.') +
            object.ext : ''));
    if (!dir)
        return base;
    return dir === object.root ? dir + base : dir + '/' + base;
}

function toNamespacedPath(path) { return path; }

var posix = {
    sep: '/',
    delimiter: ':',
    isAbsolute: isAbsolute,
    normalize: normalize,
    join: join,
    resolve: resolve,
    relative: relative,
    dirname: dirname,
    basename: basename,
    extname: extname,
    parse: parse,
    format: format,
    toNamespacedPath: toNamespacedPath,
    _makeLong: toNamespacedPath
};
posix.posix = posix;

// Windows paths: not supported. Reading path.win32 is allowed (libraries
// probe for it), calling anything on it throws.
var win32 = {};
['isAbsolute', 'normalize', 'join', 'resolve', 'relative', 'dirname', 'basename',
    'extname', 'parse', 'format', 'toNamespacedPath'].forEach(function (name) {
    win32[name] = function () {
        throw errors.notSupported('path.win32.' + name + '()');
    };
});
win32.sep = '\\';
win32.delimiter = ';';
posix.win32 = win32;
win32.posix = posix;
win32.win32 = win32;

module.exports = posix;
