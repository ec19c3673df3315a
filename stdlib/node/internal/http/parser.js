// An incremental HTTP/1.x message parser (RFC 9112) for requests and
// responses: feed() it bytes as they arrive; it calls
//   onHeaders(info)  info: {method, url | statusCode, statusMessage,
//                    versionMajor, versionMinor, rawHeaders, shouldKeepAlive,
//                    expect (the Expect header's value, or undefined)}
//   onBody(buffer)   a piece of the (de-chunked) body
//   onComplete()     the message ended; the next one may follow
// A response body without a length runs to the end of the connection:
// finish() ends it. Malformed input makes feed() return an Error with a
// llhttp-style code (HPE_INVALID_METHOD, HPE_HEADER_OVERFLOW...).
'use strict';

var Buffer = require('../../buffer.js').Buffer;
var token = require('./token.js');
var bytesToString = require('../buffer_codecs.js').bytesToString;  // latin1, natively

var MAX_HEADER_SIZE = 16384;  // Node's --max-http-header-size default
var MAX_CHUNK_LINE = 1024;

function HTTPParser(kind) {
    this.kind = kind;          // 'request' or 'response'
    this.onHeaders = null;
    this.onBody = null;
    this.onComplete = null;
    this.headResponse = false; // a response to HEAD: no body whatever the headers say
    this._pending = null;      // bytes not consumed yet
    this._state = 'head';      // head, fixed, chunk-size, chunk-data, chunk-end, trailers, eof
    this._remaining = 0;
    this._failed = null;
}

function parseError(code, message) {
    var error = new Error('Parse Error: ' + message);
    error.code = code;
    error.reason = message;
    return error;
}

// Index of the first CRLF at or after start, or -1.
function findCRLF(buffer, start) {
    for (var i = start; i + 1 < buffer.length; i++) {
        if (buffer[i] === 13 && buffer[i + 1] === 10)
            return i;
    }
    return -1;
}

// Where the head's blank line ("\r\n\r\n") starts, or -1. Every request
// is scanned, and each byte read costs in Duktape, so this is Horspool's
// search: the byte under the pattern's last place says how far the pattern
// can move (4 past anything but CR or LF), and a head is read about one
// byte in three.
function findHeadEnd(buffer) {
    var n = buffer.length;
    for (var i = 3; i < n;) {
        var b = buffer[i];
        if (b === 10) {
            if (buffer[i - 1] === 13 && buffer[i - 2] === 10 && buffer[i - 3] === 13)
                return i - 3;
            i += 2;    // LF also sits 2 places before the end
        } else if (b === 13) {
            i += 1;    // CR sits 1 place before the end
        } else {
            i += 4;
        }
    }
    return -1;
}

// Request lines parsed, by their text. A RegExp call costs Duktape some
// 20,000 instructions (token.js), and clients send the same few lines
// again and again ("GET / HTTP/1.1"): a repeat costs a property lookup.
// At most REMEMBERED_LINES of them, of up to LONGEST_LINE characters.
var REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/(\d)\.(\d)$/;
var REMEMBERED_LINES = 256, LONGEST_LINE = 256;
var requestLines = Object.create(null), requestLineCount = 0;

// {method, url, versionMajor, versionMinor} (shared: not to be changed), or
// null when the line is not a request line.
function parseRequestLine(line) {
    var known = requestLines[line];
    if (known !== void 0)
        return known;
    var match = REQUEST_LINE.exec(line);
    if (match === null)
        return null;
    var parsed = { method: match[1], url: match[2], versionMajor: Number(match[3]),
        versionMinor: Number(match[4]) };
    if (line.length <= LONGEST_LINE) {
        if (requestLineCount === REMEMBERED_LINES) {
            requestLines = Object.create(null);
            requestLineCount = 0;
        }
        requestLines[line] = parsed;
        requestLineCount++;
    }
    return parsed;
}

HTTPParser.prototype._parseHead = function (text) {
    var lines = text.split('\r\n');
    var start = lines[0];
    var info = { rawHeaders: [] };
    var match;
    if (this.kind === 'request') {
        var request = parseRequestLine(start);
        if (request === null)
            return parseError(/^[A-Z]+ /.test(start) ? 'HPE_INVALID_VERSION' : 'HPE_INVALID_METHOD',
                'Invalid request line');
        info.method = request.method;
        info.url = request.url;
        info.versionMajor = request.versionMajor;
        info.versionMinor = request.versionMinor;
    } else {
        match = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/.exec(start);
        if (match === null)
            return parseError('HPE_INVALID_CONSTANT', 'Expected HTTP/');
        info.versionMajor = Number(match[1]);
        info.versionMinor = Number(match[2]);
        info.statusCode = Number(match[3]);
        info.statusMessage = match[4] || '';
    }
    for (var i = 1; i < lines.length; i++) {
        var line = lines[i];
        var colon = line.indexOf(':');
        var name = colon > 0 ? line.slice(0, colon) : '';
        if (colon <= 0 || !token.isToken(name))
            return parseError('HPE_INVALID_HEADER_TOKEN', 'Invalid header token');
        info.rawHeaders.push(name, line.slice(colon + 1).trim());
    }
    return info;
};

// The headers that decide the framing, in one pass over the raw ones (a
// name is lower-cased once, not once per header looked for): Connection
// and Transfer-Encoding joined and lower-cased, Content-Length's values,
// and Expect as `headers.expect` would hold it (info.expect: the server
// looks at it for every request, which need not build `headers` then).
// (The arrays are made only for headers that are there: most requests
// have none of these but Connection, if that.)
var NONE = [];  // never added to
function framingHeaders(info) {
    var raw = info.rawHeaders, connection = NONE, te = NONE, lengths = NONE, expect = NONE;
    for (var i = 0; i < raw.length; i += 2) {
        var name = token.lowerCase(raw[i]);
        if (name === 'connection')
            (connection === NONE ? (connection = []) : connection).push(raw[i + 1]);
        else if (name === 'transfer-encoding')
            (te === NONE ? (te = []) : te).push(raw[i + 1]);
        else if (name === 'content-length')
            (lengths === NONE ? (lengths = []) : lengths).push(raw[i + 1]);
        else if (name === 'expect')
            (expect === NONE ? (expect = []) : expect).push(raw[i + 1]);
    }
    info.expect = expect.length > 0 ? expect.join(', ') : void 0;
    return {
        connection: connection.length > 0 ? connection.join(',').toLowerCase() : '',
        te: te.length > 0 ? te.join(',').toLowerCase() : '',
        lengths: lengths
    };
}

// Chooses how the body is delimited and whether the connection stays open.
HTTPParser.prototype._framing = function (info) {
    var headers = framingHeaders(info);
    var connection = headers.connection, te = headers.te, lengths = headers.lengths;
    var http11 = info.versionMajor === 1 && info.versionMinor >= 1;
    // (Without a Connection header the version decides; a RegExp test
    // costs Duktape about 20,000 guest instructions.)
    var keepAlive = connection === '' ? http11
        : http11 ? !/(^|,)\s*close\s*(,|$)/.test(connection)
        : /(^|,)\s*keep-alive\s*(,|$)/.test(connection);
    var noBody = this.kind === 'response' && (this.headResponse ||
        (info.statusCode >= 100 && info.statusCode < 200) || info.statusCode === 204 ||
        info.statusCode === 304);
    if (noBody) {
        this._state = 'done';
    } else if (te !== '') {
        if (lengths.length > 0)
            return parseError('HPE_UNEXPECTED_CONTENT_LENGTH',
                'Content-Length can\'t be present with Transfer-Encoding');
        if (!/(^|,)\s*chunked\s*$/.test(te)) {
            if (this.kind === 'request')
                return parseError('HPE_INVALID_TRANSFER_ENCODING',
                    'Request has invalid `Transfer-Encoding`');
            this._state = 'eof';
            keepAlive = false;
        } else {
            this._state = 'chunk-size';
        }
    } else if (lengths.length > 0) {
        for (var i = 1; i < lengths.length; i++) {
            if (lengths[i] !== lengths[0])
                return parseError('HPE_UNEXPECTED_CONTENT_LENGTH', 'Duplicate Content-Length');
        }
        if (!/^\d{1,15}$/.test(lengths[0]))
            return parseError('HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length');
        this._remaining = Number(lengths[0]);
        this._state = this._remaining > 0 ? 'fixed' : 'done';
    } else if (this.kind === 'request') {
        this._state = 'done';
    } else {
        this._state = 'eof';
        keepAlive = false;
    }
    info.shouldKeepAlive = keepAlive;
    info.upgrade = false;
    return null;
};

// feed(bytes) -> null, or the Error that stops this connection's parsing.
HTTPParser.prototype.feed = function (bytes) {
    if (this._failed)
        return this._failed;
    var buffer = this._pending === null ? bytes : Buffer.concat([this._pending, bytes]);
    this._pending = null;
    var offset = 0;
    for (;;) {
        var rest = buffer.length - offset;
        var state = this._state;
        if (state === 'head') {
            if (rest === 0)
                break;
            var view = offset === 0 ? buffer : buffer.subarray(offset);
            // Tolerate the blank lines some clients send between requests.
            while (view.length >= 2 && view[0] === 13 && view[1] === 10) {
                view = view.subarray(2);
                offset += 2;
            }
            var end = findHeadEnd(view);
            if (end < 0) {
                if (view.length > MAX_HEADER_SIZE)
                    return this._fail(parseError('HPE_HEADER_OVERFLOW', 'Header overflow'));
                break;
            }
            if (end > MAX_HEADER_SIZE)
                return this._fail(parseError('HPE_HEADER_OVERFLOW', 'Header overflow'));
            var info = this._parseHead(bytesToString(view, 0, end));
            if (info instanceof Error)
                return this._fail(info);
            var framing = this._framing(info);
            if (framing !== null)
                return this._fail(framing);
            offset += end + 4;
            this.onHeaders(info);
            if (this._state === 'done')
                this._complete();
        } else if (state === 'fixed') {
            if (rest === 0)
                break;
            var take = Math.min(rest, this._remaining);
            this._remaining -= take;
            this.onBody(buffer.subarray(offset, offset + take));
            offset += take;
            if (this._remaining === 0)
                this._complete();
        } else if (state === 'chunk-size') {
            var lineEnd = findCRLF(buffer, offset);
            if (lineEnd < 0) {
                if (rest > MAX_CHUNK_LINE)
                    return this._fail(parseError('HPE_INVALID_CHUNK_SIZE', 'Invalid chunk size'));
                break;
            }
            var sizeText = buffer.subarray(offset, lineEnd).toString('latin1').split(';')[0].trim();
            if (!/^[0-9a-fA-F]{1,12}$/.test(sizeText))
                return this._fail(parseError('HPE_INVALID_CHUNK_SIZE',
                    'Invalid character in chunk size'));
            this._remaining = parseInt(sizeText, 16);
            offset = lineEnd + 2;
            this._state = this._remaining === 0 ? 'trailers' : 'chunk-data';
        } else if (state === 'chunk-data') {
            if (rest === 0)
                break;
            var piece = Math.min(rest, this._remaining);
            this._remaining -= piece;
            this.onBody(buffer.subarray(offset, offset + piece));
            offset += piece;
            if (this._remaining === 0)
                this._state = 'chunk-end';
        } else if (state === 'chunk-end') {
            if (rest < 2)
                break;
            if (buffer[offset] !== 13 || buffer[offset + 1] !== 10)
                return this._fail(parseError('HPE_STRICT', 'Expected CRLF after chunk'));
            offset += 2;
            this._state = 'chunk-size';
        } else if (state === 'trailers') {
            var trailerEnd = findCRLF(buffer, offset);
            if (trailerEnd < 0) {
                if (rest > MAX_HEADER_SIZE)
                    return this._fail(parseError('HPE_HEADER_OVERFLOW', 'Header overflow'));
                break;
            }
            var emptyLine = trailerEnd === offset;  // the blank line ends the trailers
            offset = trailerEnd + 2;
            if (emptyLine)
                this._complete();
        } else if (state === 'eof') {
            if (rest > 0)
                this.onBody(buffer.subarray(offset));
            offset = buffer.length;
            break;
        } else {
            break;
        }
    }
    if (offset < buffer.length)
        this._pending = Buffer.from(buffer.subarray(offset));
    return null;
};

HTTPParser.prototype._complete = function () {
    this._state = 'head';
    this.onComplete();
};

HTTPParser.prototype._fail = function (error) {
    this._failed = error;
    return error;
};

// The connection ended: completes a body that runs to the end of the
// connection; returns an Error if a message was cut short.
HTTPParser.prototype.finish = function () {
    if (this._state === 'eof') {
        this._complete();
        return null;
    }
    if (this._state !== 'head' || (this._pending !== null && this._pending.length > 0))
        return parseError('HPE_INVALID_EOF_STATE', 'Invalid EOF state');
    return null;
};

HTTPParser.prototype.isIdle = function () {
    return this._state === 'head' && (this._pending === null || this._pending.length === 0);
};

module.exports = HTTPParser;
