'use strict';
// Buffer encodings against Node: random bytes decoded in every encoding,
// random strings (with lone surrogates and astral characters) encoded in
// every encoding, round trips, and lenient base64/hex input.
var encodings = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
var seed = 12345;
function random(n) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
}
function codes(string) {
    var out = [];
    for (var i = 0; i < string.length; i++)
        out.push(string.charCodeAt(i).toString(16));
    return out.join(' ');
}
// Bytes biased towards the interesting UTF-8 ones.
var bytePool = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2,
    0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf4, 0xf5, 0xf8, 0xfe, 0xff, 0xbd];
for (var t = 0; t < 300; t++) {
    var length = random(9);
    var bytes = [];
    for (var k = 0; k < length; k++)
        bytes.push(random(4) === 0 ? random(256) : bytePool[random(bytePool.length)]);
    var buf = Buffer.from(bytes);
    var line = [buf.toString('hex')];
    for (var e = 0; e < encodings.length; e++)
        line.push(codes(buf.toString(encodings[e])));
    console.log(line.join(' | '));
}
var charPool = ['a', 'Z', '~', '\u0000', '\u007f', '\u0080', '\u00e9', '\u00ff', '\u0100',
    '\u07ff', '\u0800', '\u20ac', '\ud7ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ue000',
    '\ufffd', '\uffff', '\ud83d\ude00', '\udbff\udfff', '=', '+', '/', '-', '_', ' ', '\n'];
for (var s = 0; s < 200; s++) {
    var n = random(7);
    var text = '';
    for (var c = 0; c < n; c++)
        text += charPool[random(charPool.length)];
    var row = [codes(text), Buffer.byteLength(text), Buffer.byteLength(text, 'base64')];
    for (var f = 0; f < encodings.length; f++)
        row.push(Buffer.from(text, encodings[f]).toString('hex'));
    var small = Buffer.alloc(5, 0x2e);
    row.push(small.write(text, 1, 3) + ':' + small.toString('hex'));
    console.log(row.join(' | '));
}
var base64Inputs = ['', 'QQ', 'QQ=', 'QQ==', 'QUI', 'QUJD', 'Q', 'QUJD\nREVG', ' Q U J D ',
    'QU*JD', 'QQ==QQ==', '-_-_', '+/+/', 'YWJj ZGVm', 'YW=Jj', '====', 'Zm9vYmFy',
    'Zm9vYg', 'Zm9vYmE', '\u00ffQUJD'];
base64Inputs.forEach(function (input) {
    console.log(JSON.stringify(input), Buffer.from(input, 'base64').toString('hex'),
        Buffer.from(input, 'base64url').toString('hex'), Buffer.byteLength(input, 'base64'));
});
['', 'a', 'ab', 'abc', 'abcd', 'ABCDEF', 'zz', 'a z', '0g12', '123456789', '\u0100ab'].forEach(
    function (input) {
        console.log(JSON.stringify(input), Buffer.from(input, 'hex').toString('hex'),
            Buffer.byteLength(input, 'hex'));
    });
var big = Buffer.alloc(70000);
for (var i = 0; i < big.length; i++)
    big[i] = (i * 7919) & 255;
encodings.forEach(function (encoding) {
    var text = big.toString(encoding);
    var back = Buffer.from(text, encoding);
    var sum = 0;
    for (var j = 0; j < text.length; j++)
        sum = (sum * 31 + text.charCodeAt(j)) % 1000000007;
    console.log(encoding, text.length, sum, back.length, back.equals(big));
});
console.log(big.toString('utf8', 100, 200) === Buffer.from(big.subarray(100, 200)).toString());
console.log(Buffer.from('héllo wörld').toString('ascii'), Buffer.from('héllo').toString('latin1'));
console.log(Buffer.from('€uro', 'utf16le').toString('ucs2'), Buffer.from('abc', 'UCS-2'));
// Long inputs (the native Duktape.dec fast path) with what Node skips or
// stops at: whitespace, '=' inside, both alphabets, other characters.
var longBase64 = ['QUJDREVGR0hJSktMTU5PUFFSU1RVVldY', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY\n',
    'QUJDREVG R0hJSktM\r\nTU5PUFFS\tU1RVVldY', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWg==',
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWg', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWg=',
    'QUJDREVGR0hJ=SktMTU5PUFFSU1RVVldY', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY====',
    '-_-_-_-_-_-_-_-_-_-_-_-_', '+/+/-_-_+/+/-_-_+/+/', 'QUJDREVGR0hJSktMTU5PUFF*SU1RVVldY',
    'QUJDREVGR0hJSktMTU5PUFF\u00e9SU1RVVldY', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVld',
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYW', 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldY=x', '.QUJDREVGR0hJSktMTU5PUFFSU1RVVldY.'];
longBase64.forEach(function (input) {
    console.log(JSON.stringify(input).replace(/[\u0080-\uffff]/g, '?'),
        Buffer.from(input, 'base64').toString('hex'), Buffer.from(input, 'base64url').toString('hex'));
    var target = Buffer.alloc(10, 0x2e);
    console.log(target.write(input, 2, 'base64'), target.toString('hex'));
});
var longHex = ['000102030405060708090a0b0c0d0e0f1011', '000102030405060708090A0B0C0D0E0F1011',
    '000102030405060708090a0b0c0d0e0f10112', '000102030405060708090a0b0c0d0e0fzz11',
    '00010203040506070809 a0b0c0d0e0f1011', '000102030405060708090a0b0c0d0e0f10\u0161b'];
longHex.forEach(function (input) {
    console.log(JSON.stringify(input).replace(/[\u0080-\uffff]/g, '?'), Buffer.from(input, 'hex').toString('hex'),
        Buffer.byteLength(input, 'hex'));
    var target = Buffer.alloc(12, 0x2e);
    console.log(target.write(input, 1, 5, 'hex'), target.toString('hex'));
});
var longBytes = Buffer.from('\u00ff\u00fe\u00fd\u0000\u0001\u0002 any bytes at all \u00e9\u00e8', 'latin1');
['base64', 'base64url', 'hex'].forEach(function (encoding) {
    console.log(encoding, longBytes.toString(encoding), longBytes.toString(encoding, 1, 20));
});
// A leading byte order mark is data, not dropped (unlike TextDecoder's default).
var bom = Buffer.from([0xef, 0xbb, 0xbf, 0x41]);
console.log(bom.toString().length, bom.toString('utf8', 0).charCodeAt(0).toString(16),
    new (require('string_decoder').StringDecoder)().write(bom).length,
    new URLSearchParams('a=%EF%BB%BFx').get('a').length, require('querystring').unescape('%EF%BB%BFx').length,
    require('url').fileURLToPath('file:///%EF%BB%BFx').length);
