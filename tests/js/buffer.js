// require('buffer'): expressions whose results were recorded from Node 20
// (lib/cases.js), plus checks of what a recording cannot show (shared
// memory, identity, prototypes).
'use strict';

var check = require('./lib/check.js');
var cases = require('./lib/cases.js');
var bufferModule = require('buffer');

var list = [];
var encodings = ['utf8', 'utf16le', 'latin1', 'ascii', 'base64', 'base64url', 'hex'];
var strings = ['', 'a', 'hello', 'h\u00e9llo', '\u20ac', '\ud83d\ude00', '\ud800', 'a\udc00b', '\u00ff\u0100',
    'AQID', 'aGVsbG8=', 'aGVsbG8', '-_-_', '+/+/', '0aFf', 'zz', 'abc', ' a b ', '\u0000\u007f'];
encodings.forEach(function (e) {
    strings.forEach(function (s) {
        var literal = JSON.stringify(s).replace(/[\u0080-\uffff]/g, function (c) {
            return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
        });
        list.push("Buffer.from(" + literal + ", '" + e + "')");
        list.push("Buffer.byteLength(" + literal + ", '" + e + "')");
    });
});
var bytes = ['[]', '[0]', '[0x41, 0x42]', '[0xc3, 0xa9]', '[0xc3]', '[0xe2, 0x82]', '[0xe2, 0x82, 0xac]',
    '[0xf0, 0x9f, 0x98, 0x80]', '[0xf0, 0x9f, 0x98]', '[0xed, 0xa0, 0x80]', '[0xc0, 0x80]', '[0xff, 0xfe]',
    '[0x80, 0x41]', '[0xf4, 0x90, 0x80, 0x80]', '[1, 2, 3, 4, 5]', '[0xfb, 0xff, 0xbf]'];
encodings.forEach(function (e) {
    bytes.forEach(function (b) { list.push("Buffer.from(" + b + ").toString('" + e + "')"); });
});
list.push(
    "Buffer.alloc(5)", "Buffer.alloc(5, 'abc')", "Buffer.alloc(5, 0x41)", "Buffer.alloc(4, 'ff', 'hex')",
    "Buffer.alloc(-1)", "Buffer.alloc('5')", "Buffer.alloc(NaN)", "Buffer.alloc(4.5)",
    "Buffer.allocUnsafe(3).length", "Buffer.from([1, 256, -1, 'x', 2.5])",
    "Buffer.from(new Uint16Array([0x102, 0x304]).buffer)", "Buffer.from(new Uint8Array([9, 8]))",
    "Buffer.from({ length: 3, 1: 5 })", "Buffer.from({ type: 'Buffer', data: [7] })",
    "Buffer.from(new ArrayBuffer(4), 1, 2)", "Buffer.from(new ArrayBuffer(4), 5)", "Buffer.from(new ArrayBuffer(4), 1, 9)",
    "Buffer.from(7)", "Buffer.from(undefined)", "Buffer.from('x', 'bogus')", "Buffer.from(new String('hi'))",
    "Buffer.concat([Buffer.from('a'), Buffer.from('bc')])", "Buffer.concat([Buffer.from('abc')], 2)",
    "Buffer.concat([Buffer.from('abc')], 5)", "Buffer.concat([1])", "Buffer.concat('ab')",
    "Buffer.compare(Buffer.from('a'), Buffer.from('b'))", "Buffer.compare(Buffer.from('abc'), Buffer.from('ab'))",
    "Buffer.compare(Buffer.from('a'), 'a')", "Buffer.isBuffer(Buffer.alloc(1))", "Buffer.isBuffer(new Uint8Array(1))",
    "Buffer.isBuffer('a')", "Buffer.isEncoding('UTF-8')", "Buffer.isEncoding('utf-16')", "Buffer.isEncoding('')",
    "Buffer.isEncoding('Latin1')", "Buffer.byteLength(new ArrayBuffer(3))", "Buffer.byteLength({})",
    "Buffer.from('abcdef').slice(1, 3)", "Buffer.from('abcdef').slice(-2)", "Buffer.from('abcdef').subarray(4, 2)",
    "Buffer.from('abcdef').slice(1.5, 3.5)", "Buffer.from('abcdef').subarray('2')",
    "Buffer.from('abc').toJSON()", "Buffer.from('abcdef').toString('utf8', 2, 4)", "Buffer.from('abcdef').toString('hex', -3, 2)",
    "Buffer.from('abcdef').toString('base64', 1)", "Buffer.from('abc').toString('nope')", "Buffer.from('abc').toString(null)",
    "Buffer.from('abc').equals(Buffer.from('abc'))", "Buffer.from('abc').equals(Buffer.from('abd'))", "Buffer.from('abc').equals([97])",
    "Buffer.from('abc').compare(Buffer.from('abd'))", "Buffer.from('abcd').compare(Buffer.from('bc'), 0, 2, 1, 3)",
    "Buffer.from('abc').compare(Buffer.from('a'), 0, 5)", "Buffer.from('abc').compare(Buffer.from('a'), -1)",
    "Buffer.from('aaXbbXcc').indexOf('X')", "Buffer.from('aaXbbXcc').lastIndexOf('X')", "Buffer.from('aaXbbXcc').indexOf('X', 3)",
    "Buffer.from('aaXbbXcc').lastIndexOf('X', 4)", "Buffer.from('aaXbbXcc').indexOf(0x58, -3)", "Buffer.from('aaXbbXcc').indexOf(Buffer.from('bX'))",
    "Buffer.from('aaXbbXcc').includes('cc')", "Buffer.from('aaXbbXcc').includes('cd')", "Buffer.from('aaXbbXcc').indexOf('5862', 'hex')",
    "Buffer.from('aaXbbXcc').indexOf('')", "Buffer.from('aaXbbXcc').lastIndexOf('')", "Buffer.from('aaXbbXcc').indexOf({})",
    "Buffer.from('h\u00e9').indexOf('\u00e9')", "Buffer.from('h\u00e9', 'latin1').indexOf('\u00e9', 0, 'latin1')",
    "Buffer.from('abc').fill('z')", "Buffer.from('abcd').fill('xy', 1)", "Buffer.from('abcd').fill(0, 1, 3)",
    "Buffer.from('abcd').fill('', 1)", "Buffer.from('abcd').fill('zz', 'hex')", "Buffer.from('abcd').fill('a', 5)",
    "Buffer.from('abcd').fill(Buffer.from([1, 2, 3]))", "Buffer.from('abcd').fill(300)",
    "Buffer.alloc(6).write('h\u00e9llo')", "Buffer.alloc(2).write('\u20ac')", "Buffer.alloc(4).write('abcd', 1, 2)",
    "Buffer.alloc(4).write('6162', 'hex')", "Buffer.alloc(4).write('abc', 4)", "Buffer.alloc(4).write('abc', 5)",
    "Buffer.alloc(4).write('abc', 'utf16le')", "Buffer.alloc(4).write(1)",
    "Buffer.from([1, 2, 3, 4]).swap16()", "Buffer.from([1, 2, 3, 4]).swap32()", "Buffer.from([1, 2, 3]).swap16()",
    "Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64()", "Buffer.from('ab').inspect()", "Buffer.alloc(60).inspect()",
    "bufferModule.kMaxLength", "bufferModule.INSPECT_MAX_BYTES", "bufferModule.constants.MAX_LENGTH",
    "bufferModule.btoa('hello')", "bufferModule.atob('aGVsbG8=')", "bufferModule.atob('a')", "Buffer.poolSize",
    "Object.keys(Buffer.from('ab'))", "Buffer.from('ab') instanceof Uint8Array"
);
// Typed-array methods (Duktape's Uint8Array lacks them; buffer.js adds them).
list.push("(function () { var out = []; Buffer.from('abc').forEach(function (v, i, b) { out.push(v, i, b.length); }); return out; })()",
    "Buffer.from('abc').map(function (v) { return v + 1; })", "Buffer.from('abc').map(function (v) { return v * 100; }) instanceof Buffer",
    "Buffer.from([1, 2, 3, 4]).filter(function (v) { return v % 2; })", "Buffer.from([1, 2, 3]).reduce(function (a, v) { return a + v; })",
    "Buffer.from([1, 2, 3]).reduce(function (a, v) { return a + '-' + v; }, 'x')", "Buffer.from([1, 2, 3]).reduceRight(function (a, v) { return a + '-' + v; })",
    "Buffer.alloc(0).reduce(function () {})", "Buffer.from([1, 2]).every(function (v) { return v > 0; })",
    "Buffer.from([1, 2]).some(function (v) { return v > 1; })", "Buffer.from([5, 6, 7]).find(function (v) { return v > 5; })",
    "Buffer.from([5, 6, 7]).findIndex(function (v) { return v > 9; })", "Buffer.from([5, 6, 7]).findLast(function (v) { return v < 7; })",
    "Buffer.from([5, 6, 7]).findLastIndex(function (v) { return v < 7; })", "Buffer.from([1, 2, 3]).join()", "Buffer.from([1, 2, 3]).join('')",
    "Buffer.from([1, 2, 3]).reverse()", "Buffer.from([10, 9, 100, 1]).sort()", "Buffer.from([10, 9, 100, 1]).sort(function (a, b) { return b - a; })",
    "Buffer.from([1, 2, 3]).at(-1)", "Buffer.from([1, 2, 3]).at(5)", "Buffer.from([1, 2, 3, 4, 5]).copyWithin(0, 3)",
    "Buffer.from([1, 2, 3, 4, 5]).copyWithin(1, 0, 2)", "Buffer.from([1, 2, 3, 4, 5]).copyWithin(-2, -4, -3)");
var numbers = Buffer.from([0x01, 0xff, 0x80, 0x7f, 0x00, 0xfe, 0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc]);
['readUInt8', 'readInt8', 'readUInt16LE', 'readUInt16BE', 'readInt16LE', 'readInt16BE', 'readUInt32LE',
    'readUInt32BE', 'readInt32LE', 'readInt32BE', 'readFloatLE', 'readFloatBE', 'readDoubleLE', 'readDoubleBE']
    .forEach(function (method) {
        [0, 1, 3, 4, 8, 11, -1, 1.5, '1', undefined].forEach(function (offset) {
            list.push('numbers.' + method + '(' + JSON.stringify(offset) + ')');
        });
    });
['readUIntLE', 'readUIntBE', 'readIntLE', 'readIntBE'].forEach(function (method) {
    [1, 2, 3, 4, 5, 6, 0, 7].forEach(function (n) {
        list.push('numbers.' + method + '(0, ' + n + ')');
        list.push('numbers.' + method + '(6, ' + n + ')');
    });
});
[['writeUInt8', [0, 255, 256, -1, 1.7]], ['writeInt8', [127, -128, 128, -129]],
    ['writeUInt16LE', [0xffff, 0x10000, -1]], ['writeUInt16BE', [0x1234]], ['writeInt16LE', [-32768, 32768]],
    ['writeInt16BE', [-2]], ['writeUInt32LE', [0xffffffff, 4294967296, -1]], ['writeUInt32BE', [0x12345678]],
    ['writeInt32LE', [-2147483648, 2147483648]], ['writeInt32BE', [-1]], ['writeFloatLE', [1.5, -0, NaN, 1e39]],
    ['writeFloatBE', [0.1]], ['writeDoubleLE', [Math.PI, -1e-300]], ['writeDoubleBE', [1 / 3]]]
    .forEach(function (entry) {
        entry[1].forEach(function (value) {
            list.push('(function () { var b = Buffer.alloc(9); return [b.' + entry[0] + '(' + value + ', 1), b]; })()');
        });
        list.push('Buffer.alloc(3).' + entry[0] + '(1, 3)');
        list.push("Buffer.alloc(8)." + entry[0] + "(1, 'x')");
    });
['writeUIntLE', 'writeUIntBE', 'writeIntLE', 'writeIntBE'].forEach(function (method) {
    [[1, 0x12], [2, 0x1234], [3, -5], [4, 0x7fffffff], [5, 0x123456789a], [6, -0x123456789a], [6, 281474976710656], [7, 1]]
        .forEach(function (pair) {
            list.push('(function () { var b = Buffer.alloc(8); return [b.' + method + '(' + pair[1] + ', 1, ' + pair[0] + '), b]; })()');
        });
});

cases.run('buffer', list, { Buffer: Buffer, bufferModule: bufferModule, numbers: numbers });

// What a recording cannot show.
var base = Buffer.from('hello');
var view = base.subarray(1, 3);
view[0] = 0x45;
check.equal(base.toString(), 'hEllo', 'subarray shares memory');
check.equal(base.slice(0, 1).buffer, base.buffer, 'slice shares the ArrayBuffer');
check.ok(view instanceof Buffer && view instanceof Uint8Array, 'subarray is a Buffer');
check.equal(Object.getPrototypeOf(Buffer.prototype), Uint8Array.prototype, 'Buffer.prototype chain');
check.equal(Buffer, bufferModule.Buffer, 'the global Buffer is the module\'s');
check.equal(typeof Buffer.from, 'function', 'Buffer.from');
var copy = Buffer.from(base);
copy[0] = 0;
check.equal(base[0], 0x68, 'Buffer.from(buffer) copies');
var arrayBuffer = new ArrayBuffer(4);
var shared = Buffer.from(arrayBuffer);
shared[2] = 7;
check.equal(new Uint8Array(arrayBuffer)[2], 7, 'Buffer.from(arrayBuffer) shares');
check.equal(new Buffer(3).length, 3, 'new Buffer(size)');
check.equal(Buffer('ab').toString(), 'ab', 'Buffer(string) without new');
var overlap = Buffer.from('abcdef');
overlap.copy(overlap, 1, 0, 5);
check.equal(overlap.toString(), 'aabcde', 'overlapping copy forwards');
var iterated = [];
var iterator = Buffer.from([5, 6]).values();
for (var step = iterator.next(); !step.done; step = iterator.next())
    iterated.push(step.value);
check.deepEqual(iterated, [5, 6], 'values() iterator');
if (typeof Symbol === 'function' && Symbol.iterator)
    check.equal(typeof Buffer.prototype[Symbol.iterator], 'function', 'Symbol.iterator');
var big = Buffer.alloc(100000, 'abc');
check.equal(Buffer.from(big.toString('base64'), 'base64').equals(big), true, 'big base64 round trip');
check.equal(Buffer.from(big.toString('hex'), 'hex').equals(big), true, 'big hex round trip');
check.equal(Buffer.from(big.toString('latin1'), 'latin1').equals(big), true, 'big latin1 round trip');
// latin1 writes of more than 16 characters go through the UTF-8 encoder
// when they are ASCII; one character past ASCII anywhere must not.
var longAscii = 'abcdefghijklmnopqrstuvwxyz';
check.equal(Buffer.from(longAscii, 'latin1').toString('hex'), Buffer.from(longAscii).toString('hex'),
    'long ASCII latin1');
check.equal(Buffer.from(longAscii + '\u00e9', 'latin1').toString('hex'),
    Buffer.from(longAscii).toString('hex') + 'e9', 'long latin1 with \u00e9 at the end');
check.equal(Buffer.from('\u20ac' + longAscii, 'latin1')[0], 0xac, 'a character past 0xff keeps its low byte');
check.equal(Buffer.from(big.toString('utf16le'), 'utf16le').equals(big), true, 'big utf16le round trip');
check.equal(big.indexOf('cab', 99990), 99992, 'search near the end');
// Duktape has no BigInt: the BigInt64 methods are absent (docs/unode.md).
check.equal(typeof Buffer.prototype.readBigInt64LE, 'undefined', 'no BigInt methods');
// One character per byte: the engine's native:codecs latin1 against its JS
// definition (internal/buffer_codecs.js), on every byte value, on random
// bytes at random ranges, and its argument checks.
var codecsJs = require('../../stdlib/node/internal/buffer_codecs.js');
var nativeCodecs = require('native:codecs');
var everyByte = new Uint8Array(256);
for (var byteValue = 0; byteValue < 256; byteValue++)
    everyByte[byteValue] = byteValue;
check.equal(nativeCodecs.latin1(everyByte, 0, 256), codecsJs.bytesToStringJs(everyByte, 0, 256),
    'native latin1 of every byte');
check.equal(nativeCodecs.latin1(everyByte, 0, 256).charCodeAt(255), 255, 'byte 255 is U+00FF');
var seed = 12345;
function nextRandom() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; }
var randomBytes = new Uint8Array(5000);
for (var r = 0; r < randomBytes.length; r++)
    randomBytes[r] = nextRandom() & 255;
var sameLatin1 = 0;
for (var trial = 0; trial < 50; trial++) {
    var from = nextRandom() % 5000, to = from + nextRandom() % (5001 - from);
    if (nativeCodecs.latin1(randomBytes, from, to) === codecsJs.bytesToStringJs(randomBytes, from, to))
        sameLatin1++;
}
check.equal(sameLatin1, 50, 'native latin1 equals the JS definition on random ranges');
check.equal(nativeCodecs.latin1(randomBytes, 7, 7), '', 'an empty range');
check.throws(function () { nativeCodecs.latin1(randomBytes, 10, 5); }, /outside a buffer of 5000/, 'start after end');
check.throws(function () { nativeCodecs.latin1(randomBytes, 0, 5001); }, /outside a buffer/, 'end past the buffer');
check.throws(function () { nativeCodecs.latin1(randomBytes, 0.5, 3); }, /outside a buffer/, 'a fractional start');
check.throws(function () { nativeCodecs.latin1("abc", 0, 1); }, /expected a buffer/, 'not a buffer');
// Strings into bytes, one per character: native latin1Write against its JS
// definition on random strings (ASCII, Latin-1, wider, surrogates) at
// random offsets and lengths; the bytes around the write stay untouched.
var random = require('./lib/random.js').seeded(2026);
var alphabets = ['abcXYZ 019:\r\n', '\u00e9\u00ff\u0080a', '\u20ac\u4e2d\ud83d\ude00b'];
var sameWrite = 0;
for (var w = 0; w < 200; w++) {
    var alphabet = alphabets[random(alphabets.length)];
    var text = '';
    for (var c = random(60); c > 0; c--)
        text += alphabet.charAt(random(alphabet.length));
    var at = random(10), room = random(70);
    var viaNative = Buffer.alloc(80, 0xaa), viaJs = Buffer.alloc(80, 0xaa);
    var nNative = nativeCodecs.latin1Write(viaNative, text, at, room);
    var nJs = codecsJs.latin1WriteJs(viaJs, text, at, room);
    if (nNative === nJs && nNative === Math.min(text.length, room) &&
            viaNative.equals(viaJs))
        sameWrite++;
}
check.equal(sameWrite, 200, 'native latin1Write equals the JS definition on random strings');
var someBytes = new Uint8Array(4);
check.equal(nativeCodecs.latin1Write(someBytes, '\u0141\u00e9', 1, 9), 2, 'writes what the string has');
check.deepEqual(Array.prototype.slice.call(someBytes), [0, 0x41, 0xe9, 0], 'low bytes, at the offset');
check.throws(function () { nativeCodecs.latin1Write(someBytes, 'abcd', 1, 4); }, /do not fit 4 bytes/,
    'past the end');
check.throws(function () { nativeCodecs.latin1Write(someBytes, 'ab', -1, 2); }, /do not fit/, 'a negative offset');
check.throws(function () { nativeCodecs.latin1Write('abc', 'ab', 0, 2); }, /expected a buffer/, 'not a buffer');
