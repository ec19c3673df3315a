// require('string_decoder'): chunked decoding, results recorded from Node 20.
'use strict';

var check = require('./lib/check.js');
var cases = require('./lib/cases.js');
var StringDecoder = require('string_decoder').StringDecoder;

// Decodes `chunks` (arrays of bytes) one write at a time, then end().
function decode(encoding, chunks) {
    var decoder = new StringDecoder(encoding);
    var out = [];
    for (var i = 0; i < chunks.length; i++)
        out.push(decoder.write(Buffer.from(chunks[i])));
    out.push(decoder.end());
    return out;
}

var list = [];
var splits = [
    [[0xe2, 0x82, 0xac]], [[0xe2], [0x82, 0xac]], [[0xe2, 0x82], [0xac]], [[0xe2], [0x82], [0xac]],
    [[0xf0, 0x9f], [0x98, 0x80]], [[0xf0], [0x9f], [0x98], [0x80, 0x41]], [[0xe2, 0x82]], [[0xe2], [0x41]],
    [[0xe2], [0x82, 0x41]], [[0xc3], [0xa9, 0xc3], [0xa9]], [[0xff], [0xc3, 0x28]], [[0x80, 0x80], [0x80]],
    [[0xf8, 0x88, 0x80, 0x80, 0x80]], [[0xed, 0xa0], [0x80]], [[0x41, 0xf0, 0x9f, 0x98]], [[]], [[], [0x41], []],
    [[0x3d, 0xd8], [0x00, 0xde]], [[0x3d], [0xd8, 0x00], [0xde]], [[0x41, 0x00, 0x3d, 0xd8]], [[0x41]],
    [[1, 2, 3, 4, 5]], [[1], [2, 3, 4], [5, 6, 7, 8, 9, 10]]];
['utf8', 'utf16le', 'base64', 'base64url', 'hex', 'latin1', 'ascii'].forEach(function (encoding) {
    splits.forEach(function (chunks) {
        list.push("decode('" + encoding + "', " + JSON.stringify(chunks) + ')');
    });
});
list.push("new StringDecoder().encoding", "new StringDecoder('UTF-16LE').encoding", "new StringDecoder('binary').encoding",
    "new StringDecoder('ucs2').encoding", "new StringDecoder('nope')", "new StringDecoder().write('text')",
    "new StringDecoder().write(5)", "new StringDecoder().write(new Uint16Array([0x4241]))",
    "new StringDecoder().end(Buffer.from([0xe2]))", "new StringDecoder('hex').end()",
    "(function () { var d = new StringDecoder(); d.write(Buffer.from([0xe2])); return [d.lastNeed, d.lastTotal]; })()",
    "(function () { var d = new StringDecoder('base64'); d.write(Buffer.from([1])); return [d.lastNeed, d.lastTotal]; })()");

cases.run('string_decoder', list, { StringDecoder: StringDecoder, decode: decode, Buffer: Buffer });

// A long text cut at every position decodes to itself.
var text = 'h\u00e9llo \u20ac \ud83d\ude00 w\u00f6rld';
var bytes = Buffer.from(text);
for (var cut = 0; cut <= bytes.length; cut++) {
    var decoder = new StringDecoder('utf8');
    check.equal(decoder.write(bytes.subarray(0, cut)) + decoder.write(bytes.subarray(cut)) +
        decoder.end(), text, 'utf8 cut at ' + cut);
    var utf16 = Buffer.from(text, 'utf16le');
    var d16 = new StringDecoder('utf16le');
    check.equal(d16.write(utf16.subarray(0, cut)) + d16.write(utf16.subarray(cut)) + d16.end(), text,
        'utf16le cut at ' + cut);
}
