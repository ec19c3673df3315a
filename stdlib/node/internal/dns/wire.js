// The DNS message format (RFC 1035 section 4): a query for one name and
// type, and the parsing of a response, with name compression. Parsing
// checks every length against the message and throws on anything
// malformed; the resolver turns that into EBADRESP.
'use strict';

var TYPE = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28 };
var CLASS_IN = 1;
var FLAG_RD = 0x0100;       // recursion desired
var FLAG_QR = 0x8000;       // a response
var FLAG_TC = 0x0200;       // truncated
var MAX_POINTERS = 32;      // compression pointers followed per name

function BadMessage(message) {
    var error = new Error(message);
    error.code = 'EBADRESP';
    return error;
}

// 'www.example.com' -> [3 w w w 7 e x ... 0]; null for an invalid name.
function encodeName(name) {
    if (name.charAt(name.length - 1) === '.')
        name = name.slice(0, -1);
    var bytes = [];
    if (name.length > 0) {
        var labels = name.split('.');
        for (var i = 0; i < labels.length; i++) {
            var label = labels[i];
            if (label.length === 0 || label.length > 63)
                return null;
            bytes.push(label.length);
            for (var j = 0; j < label.length; j++) {
                var c = label.charCodeAt(j);
                if (c > 127)
                    return null;  // punycode first (url.domainToASCII)
                bytes.push(c);
            }
        }
    }
    bytes.push(0);
    return bytes.length > 255 ? null : bytes;
}

// encodeQuery(id, name, type) -> Uint8Array, or null for an invalid name.
function encodeQuery(id, name, type) {
    var encoded = encodeName(name);
    if (encoded === null)
        return null;
    var message = new Uint8Array(12 + encoded.length + 4);
    message[0] = (id >> 8) & 255;
    message[1] = id & 255;
    message[2] = FLAG_RD >> 8;
    message[5] = 1;  // QDCOUNT
    message.set(encoded, 12);
    var end = 12 + encoded.length;
    message[end + 1] = type;
    message[end + 3] = CLASS_IN;
    return message;
}

function u16(message, offset) {
    if (offset + 2 > message.length)
        throw BadMessage('truncated message');
    return (message[offset] << 8) | message[offset + 1];
}

// Reads the name at offset -> {name, end} (end: just after the name where
// it started, not where a pointer led).
function readName(message, offset) {
    var labels = [];
    var end = -1;
    var pointers = 0;
    var total = 0;
    for (;;) {
        if (offset >= message.length)
            throw BadMessage('name runs past the message');
        var length = message[offset];
        if ((length & 0xC0) === 0xC0) {
            if (++pointers > MAX_POINTERS)
                throw BadMessage('compression loop');
            var target = u16(message, offset) & 0x3FFF;
            if (end < 0)
                end = offset + 2;
            offset = target;
            continue;
        }
        if ((length & 0xC0) !== 0)
            throw BadMessage('bad label type');
        if (length === 0) {
            if (end < 0)
                end = offset + 1;
            return { name: labels.join('.'), end: end };
        }
        if (offset + 1 + length > message.length)
            throw BadMessage('label runs past the message');
        total += length + 1;
        if (total > 255)
            throw BadMessage('name too long');
        var label = '';
        for (var i = 0; i < length; i++)
            label += String.fromCharCode(message[offset + 1 + i]);
        labels.push(label);
        offset += 1 + length;
    }
}

// parseResponse(bytes) -> {id, rcode, truncated, questions: [{name, type}],
// answers: [{name, type, ttl, address | value}]}; throws on malformed input.
function parseResponse(message) {
    if (message.length < 12)
        throw BadMessage('shorter than a header');
    var flags = u16(message, 2);
    if (!(flags & FLAG_QR))
        throw BadMessage('not a response');
    var result = { id: u16(message, 0), rcode: flags & 15, truncated: !!(flags & FLAG_TC),
        questions: [], answers: [] };
    var qdcount = u16(message, 4);
    var ancount = u16(message, 6);
    var offset = 12;
    var i;
    for (i = 0; i < qdcount; i++) {
        var q = readName(message, offset);
        result.questions.push({ name: q.name, type: u16(message, q.end) });
        u16(message, q.end + 2);
        offset = q.end + 4;
    }
    for (i = 0; i < ancount; i++) {
        var rr = readName(message, offset);
        var p = rr.end;
        var type = u16(message, p);
        var ttl = u16(message, p + 4) * 65536 + u16(message, p + 6);
        var rdlength = u16(message, p + 8);
        var rdata = p + 10;
        if (rdata + rdlength > message.length)
            throw BadMessage('record data runs past the message');
        var answer = { name: rr.name, type: type, ttl: ttl };
        if (type === TYPE.A) {
            if (rdlength !== 4)
                throw BadMessage('A record of ' + rdlength + ' bytes');
            answer.address = message[rdata] + '.' + message[rdata + 1] + '.' +
                message[rdata + 2] + '.' + message[rdata + 3];
        } else if (type === TYPE.CNAME) {
            answer.value = readName(message, rdata).name;
        }
        result.answers.push(answer);
        offset = rdata + rdlength;
    }
    return result;
}

// The A addresses for name, following CNAMEs inside the answer.
function addressesFor(response, name) {
    var wanted = name.toLowerCase().replace(/\.$/, '');
    var result = [];
    for (var hops = 0; hops < 16; hops++) {
        var next = null;
        for (var i = 0; i < response.answers.length; i++) {
            var answer = response.answers[i];
            if (answer.name.toLowerCase() !== wanted)
                continue;
            if (answer.type === TYPE.A)
                result.push({ address: answer.address, ttl: answer.ttl });
            else if (answer.type === TYPE.CNAME)
                next = answer.value.toLowerCase();
        }
        if (result.length > 0 || next === null)
            return result;
        wanted = next;
    }
    return result;
}

exports.TYPE = TYPE;
exports.encodeName = encodeName;
exports.encodeQuery = encodeQuery;
exports.parseResponse = parseResponse;
exports.addressesFor = addressesFor;
