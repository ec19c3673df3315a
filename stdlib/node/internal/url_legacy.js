// Node's legacy URL API: url.parse() into a Url object (protocol, slashes,
// auth, host, port, hostname, hash, search, query, pathname, path, href),
// url.format() of such an object, and url.resolve(). It predates the WHATWG
// standard and is lenient in its own ways; the rules here are Node's
// (lib/url.js), including its quirks, so that old code sees the same
// objects.
'use strict';

var querystring = require('../querystring.js');
var hostParser = require('./url_host.js');
var errors = require('./coded_errors.js');

function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
}

var protocolPattern = /^[a-z0-9.+-]+:/i;
var portPattern = /:[0-9]*$/;
var hostPattern = /^\/\/[^@/]+@[^@/]+/;
var simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
var HOSTNAME_MAX_LENGTH = 255;

function setOf(names) {
    var set = {};
    for (var i = 0; i < names.length; i++)
        set[names[i]] = true;
    return function (name) { return Object.prototype.hasOwnProperty.call(set, name); };
}
var isUnsafeProtocol = setOf(['javascript', 'javascript:']);
var isHostlessProtocol = setOf(['javascript', 'javascript:']);
var isSlashedProtocol = setOf(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher',
    'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

// Characters escaped in the rest of the URL: \t \n \r space " ' < > \ ^ ` { | }
var autoEscape = {
    9: '%09', 10: '%0A', 13: '%0D', 32: '%20', 34: '%22', 39: '%27', 60: '%3C', 62: '%3E',
    92: '%5C', 94: '%5E', 96: '%60', 123: '%7B', 124: '%7C', 125: '%7D'
};

function autoEscapeString(rest) {
    var out = '';
    var last = 0;
    for (var i = 0; i < rest.length; i++) {
        var escaped = autoEscape[rest.charCodeAt(i)];
        if (escaped) {
            out += rest.slice(last, i) + escaped;
            last = i + 1;
        }
    }
    return last === 0 ? rest : out + rest.slice(last);
}

function isWhitespace(code) {
    return code === 32 || code === 9 || code === 13 || code === 10 || code === 12 ||
        code === 160 || code === 65279;
}

function parse(url, parseQueryString, slashesDenoteHost) {
    if (url instanceof Url)
        return url;
    var result = new Url();
    result.parse(url, parseQueryString, slashesDenoteHost);
    return result;
}

Url.prototype.parse = function (url, parseQueryString, slashesDenoteHost) {
    if (typeof url !== 'string')
        throw errors.invalidArgType('url', 'string', url);
    // Trim whitespace, turn backslashes before the query into slashes.
    var hasHash = false;
    var hasAt = false;
    var start = -1;
    var end = -1;
    var rest = '';
    var lastPos = 0;
    var inWs = false;
    var split = false;
    var i;
    for (i = 0; i < url.length; ++i) {
        var code = url.charCodeAt(i);
        var isWs = isWhitespace(code);
        if (start === -1) {
            if (isWs)
                continue;
            lastPos = start = i;
        } else if (inWs) {
            if (!isWs) {
                end = -1;
                inWs = false;
            }
        } else if (isWs) {
            end = i;
            inWs = true;
        }
        if (!split) {
            switch (code) {
            case 64:  // @
                hasAt = true;
                break;
            case 35:  // #
                hasHash = true;
                split = true;
                break;
            case 63:  // ?
                split = true;
                break;
            case 92:  // backslash
                if (i - lastPos > 0)
                    rest += url.slice(lastPos, i);
                rest += '/';
                lastPos = i + 1;
                break;
            }
        } else if (!hasHash && code === 35) {
            hasHash = true;
        }
    }
    if (start !== -1) {
        if (lastPos === start) {
            if (end === -1)
                rest = start === 0 ? url : url.slice(start);
            else
                rest = url.slice(start, end);
        } else if (end === -1 && lastPos < url.length) {
            rest += url.slice(lastPos);
        } else if (end !== -1 && lastPos < end) {
            rest += url.slice(lastPos, end);
        }
    }

    if (!slashesDenoteHost && !hasHash && !hasAt) {
        var simplePath = simplePathPattern.exec(rest);
        if (simplePath) {
            this.path = rest;
            this.href = rest;
            this.pathname = simplePath[1];
            if (simplePath[2]) {
                this.search = simplePath[2];
                this.query = parseQueryString ? querystring.parse(this.search.slice(1)) :
                    this.search.slice(1);
            } else if (parseQueryString) {
                this.search = null;
                this.query = Object.create(null);
            }
            return this;
        }
    }

    var proto = protocolPattern.exec(rest);
    var lowerProto;
    if (proto) {
        proto = proto[0];
        lowerProto = proto.toLowerCase();
        this.protocol = lowerProto;
        rest = rest.slice(proto.length);
    }

    var slashes;
    if (slashesDenoteHost || proto || hostPattern.test(rest)) {
        slashes = rest.charCodeAt(0) === 47 && rest.charCodeAt(1) === 47;
        if (slashes && !(proto && isHostlessProtocol(lowerProto))) {
            rest = rest.slice(2);
            this.slashes = true;
        }
    }

    if (!isHostlessProtocol(lowerProto) &&
        (slashes || (proto && !isSlashedProtocol(proto)))) {
        // The host ends at the first / ? or #; an @ before it ends the auth.
        var hostEnd = -1;
        var atSign = -1;
        var nonHost = -1;
        for (i = 0; i < rest.length; ++i) {
            switch (rest.charCodeAt(i)) {
            case 9: case 10: case 13: case 32: case 34: case 37: case 39: case 59: case 60:
            case 62: case 92: case 94: case 96: case 123: case 124: case 125:
                if (nonHost === -1)
                    nonHost = i;
                break;
            case 35: case 47: case 63:
                if (nonHost === -1)
                    nonHost = i;
                hostEnd = i;
                break;
            case 64:
                atSign = i;
                nonHost = -1;
                break;
            }
            if (hostEnd !== -1)
                break;
        }
        start = 0;
        if (atSign !== -1) {
            this.auth = decodeURIComponent(rest.slice(0, atSign));
            start = atSign + 1;
        }
        if (nonHost === -1) {
            this.host = rest.slice(start);
            rest = '';
        } else {
            this.host = rest.slice(start, nonHost);
            rest = rest.slice(nonHost);
        }
        this.parseHost();
        if (typeof this.hostname !== 'string')
            this.hostname = '';
        var hostname = this.hostname;
        var ipv6Hostname = isIpv6Hostname(hostname);
        if (!ipv6Hostname)
            rest = splitHostname(this, rest, hostname);
        if (this.hostname.length > HOSTNAME_MAX_LENGTH)
            this.hostname = '';
        else
            this.hostname = this.hostname.toLowerCase();
        if (this.hostname !== '') {
            if (ipv6Hostname) {
                if (/[\0\t\n\r #%/<>?@\\^|]/.test(this.hostname))
                    throw invalidHost(url);
            } else {
                var ascii = hostParser.domainToASCII(this.hostname);
                this.hostname = ascii === hostParser.FAILURE ? '' : ascii;
                if (/[\0\t\n\r #%/:<>?@[\\\]^|]/.test(this.hostname))
                    throw invalidHost(url);
            }
        }
        var p = this.port ? ':' + this.port : '';
        this.host = (this.hostname || '') + p;
        if (ipv6Hostname) {
            this.hostname = this.hostname.slice(1, -1);
            if (rest.charAt(0) !== '/')
                rest = '/' + rest;
        }
    }

    if (!isUnsafeProtocol(lowerProto))
        rest = autoEscapeString(rest);

    var questionIdx = -1;
    var hashIdx = -1;
    for (i = 0; i < rest.length; ++i) {
        var c = rest.charCodeAt(i);
        if (c === 35) {
            this.hash = rest.slice(i);
            hashIdx = i;
            break;
        } else if (c === 63 && questionIdx === -1) {
            questionIdx = i;
        }
    }
    if (questionIdx !== -1) {
        if (hashIdx === -1) {
            this.search = rest.slice(questionIdx);
            this.query = rest.slice(questionIdx + 1);
        } else {
            this.search = rest.slice(questionIdx, hashIdx);
            this.query = rest.slice(questionIdx + 1, hashIdx);
        }
        if (parseQueryString)
            this.query = querystring.parse(this.query);
    } else if (parseQueryString) {
        this.search = null;
        this.query = Object.create(null);
    }

    var useQuestionIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx);
    var firstIdx = useQuestionIdx ? questionIdx : hashIdx;
    if (firstIdx === -1) {
        if (rest.length > 0)
            this.pathname = rest;
    } else if (firstIdx > 0) {
        this.pathname = rest.slice(0, firstIdx);
    }
    if (isSlashedProtocol(lowerProto) && this.hostname && !this.pathname)
        this.pathname = '/';
    if (this.pathname || this.search)
        this.path = (this.pathname || '') + (this.search || '');
    this.href = this.format();
    return this;
};

function invalidHost(url) {
    var error = errors.make(TypeError, 'ERR_INVALID_URL', 'Invalid URL');
    error.input = url;
    return error;
}

function isIpv6Hostname(hostname) {
    return hostname.charCodeAt(0) === 91 && hostname.charCodeAt(hostname.length - 1) === 93;
}

// A hostname containing / \ # ? or : ends there; the rest joins the path.
function splitHostname(self, rest, hostname) {
    for (var i = 0; i < hostname.length; ++i) {
        var code = hostname.charCodeAt(i);
        if (code === 47 || code === 92 || code === 35 || code === 63 || code === 58) {
            self.hostname = hostname.slice(0, i);
            return '/' + hostname.slice(i) + rest;
        }
    }
    return rest;
}

Url.prototype.parseHost = function () {
    var host = this.host;
    var port = portPattern.exec(host);
    if (port) {
        port = port[0];
        if (port !== ':')
            this.port = port.slice(1);
        host = host.slice(0, host.length - port.length);
    }
    if (host)
        this.hostname = host;
};

// Characters of the auth part that format() leaves as they are.
function escapeAuth(auth) {
    return auth.replace(/[^A-Za-z0-9!'()*\-._~:]/g, function (c) {
        return encodeURIComponent(c);
    });
}

Url.prototype.format = function () {
    var auth = this.auth || '';
    if (auth)
        auth = escapeAuth(auth) + '@';
    var protocol = this.protocol || '';
    var pathname = this.pathname || '';
    var hash = this.hash || '';
    var host = '';
    var query = '';
    if (this.host) {
        host = auth + this.host;
    } else if (this.hostname) {
        host = auth + (this.hostname.indexOf(':') !== -1 && !isIpv6Hostname(this.hostname) ?
            '[' + this.hostname + ']' : this.hostname);
        if (this.port)
            host += ':' + this.port;
    }
    if (this.query !== null && typeof this.query === 'object')
        query = querystring.stringify(this.query);
    var search = this.search || (query && ('?' + query)) || '';
    if (protocol && protocol.charCodeAt(protocol.length - 1) !== 58)
        protocol += ':';
    pathname = pathname.replace(/[#?]/g, function (c) { return c === '#' ? '%23' : '%3F'; });
    if (this.slashes || isSlashedProtocol(protocol)) {
        if (this.slashes || host) {
            if (pathname && pathname.charCodeAt(0) !== 47)
                pathname = '/' + pathname;
            host = '//' + host;
        } else if (protocol.slice(0, 4) === 'file') {
            host = '//';
        }
    }
    search = search.replace(/#/g, '%23');
    if (hash && hash.charCodeAt(0) !== 35)
        hash = '#' + hash;
    if (search && search.charCodeAt(0) !== 63)
        search = '?' + search;
    return protocol + host + pathname + search + hash;
};

function format(object) {
    if (typeof object === 'string') {
        object = parse(object);
    } else if (typeof object !== 'object' || object === null) {
        throw errors.invalidArgType('urlObject', ['Object', 'string'], object);
    } else if (!(object instanceof Url)) {
        return Url.prototype.format.call(object);
    }
    return object.format();
}

Url.prototype.resolve = function (relative) {
    return this.resolveObject(parse(relative, false, true)).format();
};

function resolve(source, relative) {
    return parse(source, false, true).resolve(relative);
}

function resolveObject(source, relative) {
    if (!source)
        return relative;
    return parse(source, false, true).resolveObject(relative);
}

function updatePath(result) {
    if (result.pathname !== null || result.search !== null)
        result.path = (result.pathname ? result.pathname : '') + (result.search ? result.search : '');
}

function splitAuthFromHost(result) {
    var parts = result.host && result.host.indexOf('@') > 0 ? result.host.split('@') : false;
    if (parts) {
        result.auth = parts.shift();
        result.host = result.hostname = parts.shift();
    }
}

Url.prototype.resolveObject = function (relative) {
    if (typeof relative === 'string') {
        var parsed = new Url();
        parsed.parse(relative, false, true);
        relative = parsed;
    }
    var result = new Url();
    var key;
    for (key in this) {
        if (Object.prototype.hasOwnProperty.call(this, key))
            result[key] = this[key];
    }
    result.hash = relative.hash;
    if (relative.href === '') {
        result.href = result.format();
        return result;
    }
    if (relative.slashes && !relative.protocol) {
        // '//host/path': everything but the protocol comes from relative.
        for (key in relative) {
            if (Object.prototype.hasOwnProperty.call(relative, key) && key !== 'protocol')
                result[key] = relative[key];
        }
        if (isSlashedProtocol(result.protocol) && result.hostname && !result.pathname)
            result.path = result.pathname = '/';
        result.href = result.format();
        return result;
    }
    if (relative.protocol && relative.protocol !== result.protocol) {
        if (!isSlashedProtocol(relative.protocol)) {
            for (key in relative) {
                if (Object.prototype.hasOwnProperty.call(relative, key))
                    result[key] = relative[key];
            }
            result.href = result.format();
            return result;
        }
        result.protocol = relative.protocol;
        if (!relative.host && !/^file:?$/.test(relative.protocol) &&
            !isHostlessProtocol(relative.protocol)) {
            var relParts = (relative.pathname || '').split('/');
            while (relParts.length && !(relative.host = relParts.shift())) {
                // skip empty segments
            }
            if (!relative.host)
                relative.host = '';
            if (!relative.hostname)
                relative.hostname = '';
            if (relParts[0] !== '')
                relParts.unshift('');
            if (relParts.length < 2)
                relParts.unshift('');
            result.pathname = relParts.join('/');
        } else {
            result.pathname = relative.pathname;
        }
        result.search = relative.search;
        result.query = relative.query;
        result.host = relative.host || '';
        result.auth = relative.auth;
        result.hostname = relative.hostname || relative.host;
        result.port = relative.port;
        if (result.pathname || result.search)
            result.path = (result.pathname || '') + (result.search || '');
        result.slashes = result.slashes || relative.slashes;
        result.href = result.format();
        return result;
    }

    var isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
    var isRelAbs = relative.host || (relative.pathname && relative.pathname.charAt(0) === '/');
    var mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
    var removeAllDots = mustEndAbs;
    var srcPath = (result.pathname && result.pathname.split('/')) || [];
    var relPath = (relative.pathname && relative.pathname.split('/')) || [];
    var noLeadingSlashes = result.protocol && !isSlashedProtocol(result.protocol);

    // A protocol without slashes (mailto:) keeps its "host" in the path.
    if (noLeadingSlashes) {
        result.hostname = '';
        result.port = null;
        if (result.host) {
            if (srcPath[0] === '')
                srcPath[0] = result.host;
            else
                srcPath.unshift(result.host);
        }
        result.host = '';
        if (relative.protocol) {
            relative.hostname = null;
            relative.port = null;
            if (relative.host) {
                if (relPath[0] === '')
                    relPath[0] = relative.host;
                else
                    relPath.unshift(relative.host);
            }
            relative.host = null;
        }
        mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
    }

    if (isRelAbs) {
        if (relative.host || relative.host === '') {
            if (result.host !== relative.host)
                result.auth = null;
            result.host = relative.host;
            result.port = relative.port;
        }
        if (relative.hostname || relative.hostname === '') {
            if (result.hostname !== relative.hostname)
                result.auth = null;
            result.hostname = relative.hostname;
        }
        result.search = relative.search;
        result.query = relative.query;
        srcPath = relPath;
    } else if (relPath.length) {
        srcPath.pop();
        srcPath = srcPath.concat(relPath);
        result.search = relative.search;
        result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
        if (noLeadingSlashes) {
            result.hostname = result.host = srcPath.shift();
            splitAuthFromHost(result);
        }
        result.search = relative.search;
        result.query = relative.query;
        updatePath(result);
        result.href = result.format();
        return result;
    }

    if (!srcPath.length) {
        result.pathname = null;
        result.path = result.search ? '/' + result.search : null;
        result.href = result.format();
        return result;
    }

    var last = srcPath.slice(-1)[0];
    var hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
        (last === '.' || last === '..')) || last === '';
    var up = 0;
    for (var i = srcPath.length - 1; i >= 0; i--) {
        last = srcPath[i];
        if (last === '.') {
            srcPath.splice(i, 1);
        } else if (last === '..') {
            srcPath.splice(i, 1);
            up++;
        } else if (up) {
            srcPath.splice(i, 1);
            up--;
        }
    }
    if (!mustEndAbs && !removeAllDots) {
        while (up--)
            srcPath.unshift('..');
    }
    if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/'))
        srcPath.unshift('');
    if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/')
        srcPath.push('');
    var isAbsolute = srcPath[0] === '' || (srcPath[0] && srcPath[0].charAt(0) === '/');
    if (noLeadingSlashes) {
        result.hostname = result.host = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
        splitAuthFromHost(result);
    }
    mustEndAbs = mustEndAbs || (result.host && srcPath.length);
    if (mustEndAbs && !isAbsolute)
        srcPath.unshift('');
    if (srcPath.length > 0) {
        result.pathname = srcPath.join('/');
    } else {
        result.pathname = null;
        result.path = null;
    }
    updatePath(result);
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
};

exports.Url = Url;
exports.parse = parse;
exports.format = format;
exports.resolve = resolve;
exports.resolveObject = resolveObject;
