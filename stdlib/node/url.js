// require('url'): the WHATWG URL and URLSearchParams classes (also
// globals), Node's legacy url.parse/format/resolve (internal/url_legacy.js),
// and the file-path conversions. The parser itself is
// internal/url_parser.js.
'use strict';

var parser = require('./internal/url_parser.js');
var hostParser = require('./internal/url_host.js');
var URLSearchParams = require('./internal/url_search_params.js');
var errors = require('./internal/coded_errors.js');

var S = parser.STATES;

// Node's URL constructor error: code ERR_INVALID_URL, but String(error)
// is plain "TypeError: Invalid URL" (unlike Node's other coded errors).
function invalidUrl(input, base) {
    var error = new TypeError('Invalid URL');
    error.code = 'ERR_INVALID_URL';
    error.input = input;
    if (base !== undefined)
        error.base = base;
    return error;
}

function URL(input, base) {
    if (!(this instanceof URL))
        throw new TypeError("Class constructor URL cannot be invoked without 'new'");
    if (arguments.length === 0)
        throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    input = String(input);
    var baseRecord = null;
    if (base !== undefined) {
        baseRecord = parser.parse(String(base));
        if (baseRecord === parser.FAILURE)
            throw invalidUrl(input, String(base));
    }
    var record = parser.parse(input, baseRecord);
    if (record === parser.FAILURE)
        throw invalidUrl(input, base === undefined ? undefined : String(base));
    Object.defineProperty(this, '_record', { value: record, writable: true });
    Object.defineProperty(this, '_searchParams', { value: null, writable: true });
}

URL.canParse = function (input, base) {
    if (arguments.length === 0)
        throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "url" argument must be specified');
    var baseRecord = null;
    if (base !== undefined) {
        baseRecord = parser.parse(String(base));
        if (baseRecord === parser.FAILURE)
            return false;
    }
    return parser.parse(String(input), baseRecord) !== parser.FAILURE;
};

URL.createObjectURL = function () { throw errors.notSupported('URL.createObjectURL()'); };
URL.revokeObjectURL = function () { throw errors.notSupported('URL.revokeObjectURL()'); };

// Runs the parser from `state` over `value` on a copy of the record, and
// keeps the copy only if the parse did not fail (the setters never throw).
function setWith(url, value, state) {
    var record = url._record;
    var copy = {};
    for (var key in record)
        copy[key] = record[key];
    copy.path = typeof record.path === 'string' ? record.path : record.path.slice();
    var result = parser.basicParse(parser.toUSVString(value), null, copy, state);
    if (result === parser.FAILURE)
        return;
    for (var k in copy)
        record[k] = copy[k];
}

function refreshSearchParams(url) {
    if (url._searchParams)
        URLSearchParams.attach(url._searchParams, url._record);
}

function cannotHaveCredentialsOrPort(record) {
    return record.host === null || record.host === '' || record.scheme === 'file';
}

function accessor(name, get, set) {
    Object.defineProperty(URL.prototype, name, { get: get, set: set, enumerable: true,
        configurable: true });
}

accessor('href', function () { return parser.serialize(this._record); }, function (value) {
    value = String(value);
    var record = parser.parse(value);
    if (record === parser.FAILURE)
        throw invalidUrl(value);
    for (var key in record)
        this._record[key] = record[key];
    refreshSearchParams(this);
});

accessor('origin', function () { return parser.origin(this._record); });

accessor('protocol', function () { return this._record.scheme + ':'; }, function (value) {
    setWith(this, String(value) + ':', S.SCHEME_START);
});

accessor('username', function () { return this._record.username; }, function (value) {
    if (cannotHaveCredentialsOrPort(this._record))
        return;
    this._record.username = parser.percentEncode(parser.toUSVString(value),
        parser.sets.userinfo);
});

accessor('password', function () { return this._record.password; }, function (value) {
    if (cannotHaveCredentialsOrPort(this._record))
        return;
    this._record.password = parser.percentEncode(parser.toUSVString(value),
        parser.sets.userinfo);
});

accessor('host', function () {
    var r = this._record;
    if (r.host === null)
        return '';
    return r.port === null ? r.host : r.host + ':' + r.port;
}, function (value) {
    if (this._record.opaque)
        return;
    setWith(this, String(value), S.HOST);
});

accessor('hostname', function () {
    return this._record.host === null ? '' : this._record.host;
}, function (value) {
    if (this._record.opaque)
        return;
    setWith(this, String(value), S.HOSTNAME);
});

accessor('port', function () {
    return this._record.port === null ? '' : String(this._record.port);
}, function (value) {
    if (cannotHaveCredentialsOrPort(this._record))
        return;
    value = String(value);
    if (value === '')
        this._record.port = null;
    else
        setWith(this, value, S.PORT);
});

accessor('pathname', function () { return parser.serializePath(this._record); },
    function (value) {
        if (this._record.opaque)
            return;
        this._record.path = [];
        setWith(this, String(value), S.PATH_START);
    });

accessor('search', function () {
    var q = this._record.query;
    return q === null || q === '' ? '' : '?' + q;
}, function (value) {
    value = String(value);
    if (value === '') {
        this._record.query = null;
    } else {
        var input = value.charAt(0) === '?' ? value.slice(1) : value;
        this._record.query = '';
        setWith(this, input, S.QUERY);
    }
    refreshSearchParams(this);
});

accessor('searchParams', function () {
    if (!this._searchParams) {
        this._searchParams = new URLSearchParams();
        URLSearchParams.attach(this._searchParams, this._record);
    }
    return this._searchParams;
});

accessor('hash', function () {
    var f = this._record.fragment;
    return f === null || f === '' ? '' : '#' + f;
}, function (value) {
    value = String(value);
    if (value === '') {
        this._record.fragment = null;
        return;
    }
    this._record.fragment = '';
    setWith(this, value.charAt(0) === '#' ? value.slice(1) : value, S.FRAGMENT);
});

URL.prototype.toString = function () { return this.href; };
URL.prototype.toJSON = function () { return this.href; };

// util.inspect: "URL { href: ..., origin: ..., ... }" as Node prints it.
function inspectURL(depth, options) {
    var fields = {};
    var names = ['href', 'origin', 'protocol', 'username', 'password', 'host', 'hostname',
        'port', 'pathname', 'search', 'searchParams', 'hash'];
    for (var i = 0; i < names.length; i++)
        fields[names[i]] = this[names[i]];
    return 'URL ' + require('./util.js').inspect(fields, options);
}
if (typeof Symbol === 'function' && typeof Symbol['for'] === 'function')
    URL.prototype[Symbol['for']('nodejs.util.inspect.custom')] = inspectURL;

// ---- file paths ----------------------------------------------------------

function fileURLToPath(path) {
    var url = path;
    if (typeof path === 'string')
        url = new URL(path);
    else if (!(path instanceof URL))
        throw errors.invalidArgType('path', ['string', 'URL'], path);
    if (url.protocol !== 'file:')
        throw errors.make(TypeError, 'ERR_INVALID_URL_SCHEME', 'The URL must be of scheme file');
    if (url.hostname !== '')
        throw errors.make(TypeError, 'ERR_INVALID_FILE_URL_HOST',
            'File URL host must be "localhost" or empty on ' + process.platform);
    var pathname = url.pathname;
    for (var i = 0; i + 2 < pathname.length; i++) {
        if (pathname.charAt(i) === '%' && pathname.charAt(i + 1) === '2' &&
            (pathname.charAt(i + 2) === 'f' || pathname.charAt(i + 2) === 'F'))
            throw errors.make(TypeError, 'ERR_INVALID_FILE_URL_PATH',
                'File URL path must not include encoded / characters');
    }
    return decodeURIComponent(pathname);
}

function pathToFileURL(filepath) {
    var path = require('./path.js');
    var resolved = path.resolve(filepath);
    if (filepath.charCodeAt(filepath.length - 1) === 47 && resolved !== '/')
        resolved += '/';
    // Characters the path setter would keep but that mean something in a URL.
    resolved = resolved.replace(/%/g, '%25').replace(/\\/g, '%5C').replace(/\n/g, '%0A')
        .replace(/\r/g, '%0D').replace(/\t/g, '%09').replace(/\?/g, '%3F')
        .replace(/#/g, '%23');
    var url = new URL('file://');
    url.pathname = resolved;
    return url;
}

// Options for http.request() from a URL.
function urlToHttpOptions(url) {
    var options = Object.create(null);
    options.protocol = url.protocol;
    options.hostname = url.hostname.charAt(0) === '[' ? url.hostname.slice(1, -1) :
        url.hostname;
    options.hash = url.hash;
    options.search = url.search;
    options.pathname = url.pathname;
    options.path = (url.pathname || '') + (url.search || '');
    options.href = url.href;
    if (url.port !== '')
        options.port = Number(url.port);
    if (url.username || url.password)
        options.auth = decodeURIComponent(url.username) + ':' + decodeURIComponent(url.password);
    return options;
}

function domainToASCII(domain) {
    if (arguments.length < 1)
        throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified');
    var result = hostParser.parseHost(String(domain), false, {
        percentEncode: parser.percentEncode,
        percentDecode: parser.percentDecode,
        utf8Decode: parser.utf8Decode,
        inC0ControlSet: parser.sets.c0Control
    });
    return result === hostParser.FAILURE ? '' : result;
}

function domainToUnicode(domain) {
    if (arguments.length < 1)
        throw errors.make(TypeError, 'ERR_MISSING_ARGS', 'The "domain" argument must be specified');
    var ascii = domainToASCII(domain);
    return ascii === '' ? '' : hostParser.domainToUnicode(ascii);
}

var legacy = require('./internal/url_legacy.js');

exports.URL = URL;
exports.URLSearchParams = URLSearchParams;
exports.Url = legacy.Url;
exports.parse = legacy.parse;
exports.resolve = legacy.resolve;
exports.resolveObject = legacy.resolveObject;
exports.format = function (object, options) {
    if (object instanceof URL)
        return formatURL(object, options);
    return legacy.format(object);
};
exports.fileURLToPath = fileURLToPath;
exports.pathToFileURL = pathToFileURL;
exports.urlToHttpOptions = urlToHttpOptions;
exports.domainToASCII = domainToASCII;
exports.domainToUnicode = domainToUnicode;

// url.format(URL, { auth, fragment, search, unicode }): the href with
// parts left out on request.
function formatURL(url, options) {
    if (options !== undefined && (options === null || typeof options !== 'object'))
        throw errors.invalidArgType('options', 'object', options);
    options = options || {};
    var r = url._record;
    var out = r.scheme + ':';
    if (r.host !== null) {
        out += '//';
        if (options.auth !== false && (r.username !== '' || r.password !== '')) {
            out += r.username;
            if (r.password !== '')
                out += ':' + r.password;
            out += '@';
        }
        out += options.unicode ? hostParser.domainToUnicode(r.host) : r.host;
        if (r.port !== null)
            out += ':' + r.port;
    } else if (!r.opaque && r.path.length > 1 && r.path[0] === '') {
        out += '/.';
    }
    out += parser.serializePath(r);
    if (options.search !== false && r.query !== null)
        out += '?' + r.query;
    if (options.fragment !== false && r.fragment !== null)
        out += '#' + r.fragment;
    return out;
}
