'use strict';
// The Buffer API against Node: results and errors (codes, classes, message
// shapes) of creation, search, comparison, copy, fill, write and the
// numeric reads and writes.
function show(f){ try { console.log(JSON.stringify(f())); } catch(e) { console.log(e.name, e.code, e.message); } }
show(function(){return Buffer.from('QQ==QQ==','base64')});
show(function(){return Buffer.from('Q Q\nQ=Q','base64')});
show(function(){return Buffer.from('QUJD*RA','base64')});
show(function(){return Buffer.from('abzz12','hex')});
show(function(){return Buffer.from('abc').indexOf('')});
show(function(){return Buffer.from('abc').indexOf('',5)});
show(function(){return Buffer.from('abc').lastIndexOf('')});
show(function(){return Buffer.from('abc').indexOf('', -1)});
show(function(){return Buffer.alloc(-1)});
show(function(){return Buffer.alloc('a')});
show(function(){return Buffer.from(5)});
show(function(){return Buffer.from({})});
show(function(){return Buffer.alloc(4).writeUInt32LE(-1)});
show(function(){return Buffer.alloc(4).writeInt32LE(Math.pow(2,31))});
show(function(){return Buffer.alloc(4).readUInt32LE(1)});
show(function(){return Buffer.alloc(2).readUInt32LE(0)});
show(function(){return Buffer.alloc(4).readUInt8(1.5)});
show(function(){return Buffer.alloc(4).readUInt8('1')});
show(function(){return Buffer.alloc(8).writeUIntLE(1, 0, 7)});
show(function(){return Buffer.alloc(8).writeUIntLE(Math.pow(2,48), 0, 6)});
show(function(){return Buffer.alloc(8).writeIntBE(Math.pow(2,47), 0, 6)});
show(function(){return Buffer.alloc(8).toString('foo')});
show(function(){return Buffer.alloc(3).swap16()});
show(function(){return Buffer.concat([1])});
show(function(){return Buffer.from('ab').fill('zz', 'hex')});
show(function(){return Buffer.from('ab').fill('')});
show(function(){return require('buffer').kMaxLength});
show(function(){return Buffer.from(new ArrayBuffer(4), 5)});
show(function(){return Buffer.from(new ArrayBuffer(4), 1, 5)});
show(function(){return Buffer.alloc(4).write('abc', 5)});
show(function(){return Buffer.alloc(4).writeUInt8(300)});
show(function(){return Buffer.alloc(4).writeInt16LE(-40000)});
show(function(){return Buffer.alloc(4).writeUInt16LE(1, 3)});
show(function(){return Buffer.alloc(4).writeFloatLE(1, 3)});
var hello = Buffer.from('hello world, hello buffer');
[['hello'], ['hello', 1], ['hello', -5], ['hello', -100], ['o'], [111], [111, 5], [0x16f], [-145],
    [Buffer.from('world')], [new Uint8Array([98, 117])], ['', 3], ['', 100], ['zz'], ['6c6c', 'hex'],
    ['aGVsbG8=', 'base64'], ['l', 'latin1'], ['h', NaN], ['o', '4'], ['o', null], ['o', {}],
    ['o', 2.7], ['o', Infinity], ['o', -Infinity]].forEach(function (args) {
    show(function () {
        return [hello.indexOf.apply(hello, args), hello.lastIndexOf.apply(hello, args),
            hello.includes.apply(hello, args)];
    });
});
show(function () { return hello.indexOf(true); });
show(function () { return hello.indexOf('x', 0, 'nope'); });
show(function () { return [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')), Buffer.compare(Buffer.from('ab'), Buffer.from('a')), Buffer.compare(Buffer.alloc(0), Buffer.alloc(0))]; });
show(function () { return [hello.compare(Buffer.from('world'), 0, 5, 6, 11), hello.compare(hello), hello.compare(Buffer.from('a'), 1, 1), hello.compare(Buffer.from('a'), 0, 1, 3, 3)]; });
show(function () { return hello.compare(Buffer.from('a'), 5); });
show(function () { return hello.compare('a'); });
show(function () { return Buffer.compare('a', hello); });
show(function () { return [hello.equals(Buffer.from(hello)), hello.equals(Buffer.from('hello')), hello.equals(new Uint8Array(0))]; });
show(function () { return hello.equals('x'); });
show(function () {
    var target = Buffer.alloc(10, '.');
    return [hello.copy(target, 2, 0, 5), target.toString(), hello.copy(target, 8), target.toString(),
        hello.copy(target, 20), hello.copy(target, 0, 5, 2)];
});
show(function () { var b = Buffer.from('abcdef'); b.copy(b, 2, 0, 4); return b.toString(); });
show(function () { return hello.copy(Buffer.alloc(2), -1); });
show(function () { return hello.copy(Buffer.alloc(2), 0, -1); });
show(function () {
    return [Buffer.alloc(5).fill('ab').toString(), Buffer.alloc(5).fill('ab', 1, 4).toString('hex'),
        Buffer.alloc(4).fill(0x101).toString('hex'), Buffer.alloc(4).fill('6162', 'hex').toString(),
        Buffer.alloc(3).fill(Buffer.from('xy')).toString(), Buffer.alloc(6).fill('é').toString('hex'),
        Buffer.alloc(5, 'aGk=', 'base64').toString(), Buffer.alloc(3).fill(-1).toString('hex'),
        Buffer.alloc(3).fill(3.9).toString('hex')];
});
show(function () { return Buffer.alloc(3).fill('a', 0, 5); });
show(function () { return Buffer.alloc(3).fill('a', 'x'); });
show(function () {
    var b = Buffer.alloc(10);
    return [b.write('héllo'), b.toString('hex'), b.write('xyz', 8), b.toString('hex'),
        b.write('€€', 1, 4), b.toString('hex'), b.write('6162', 0, 'hex'), b.write('QUJD', 2, 2, 'base64'),
        b.toString('hex'), b.write('ab', 'latin1'), b.write('\u0100\u0101', 0, 'utf16le'), b.toString('hex')];
});
show(function () { return Buffer.alloc(4).write(5); });
show(function () { return Buffer.alloc(4).write('a', 0, 2, 'klingon'); });
show(function () { return Buffer.alloc(4).write('a', 1.5); });
show(function () {
    var b = Buffer.alloc(16);
    var out = [];
    out.push(b.writeUInt8(255, 0), b.writeInt8(-2, 1), b.writeUInt16LE(0xbeef, 2), b.writeUInt16BE(0xbeef, 4),
        b.writeInt16LE(-2, 6), b.writeInt32BE(-123456789, 8), b.writeUInt32LE(4000000000, 12));
    out.push(b.toString('hex'));
    out.push(b.readUInt8(0), b.readInt8(0), b.readInt8(1), b.readUInt16LE(2), b.readUInt16BE(2),
        b.readInt16LE(6), b.readInt16BE(6), b.readInt32BE(8), b.readInt32LE(8), b.readUInt32LE(12),
        b.readUInt32BE(12), b.readUint16LE(2));
    for (var n = 1; n <= 6; n++) {
        out.push(b.readUIntLE(0, n), b.readUIntBE(0, n), b.readIntLE(0, n), b.readIntBE(0, n));
    }
    var c = Buffer.alloc(8);
    out.push(c.writeUIntBE(0x123456789abc, 0, 6), c.toString('hex'), c.writeIntLE(-0x123456789abc, 2, 6), c.toString('hex'),
        c.writeIntBE(-1, 0, 3), c.writeUIntLE(0xabcdef, 5, 3), c.toString('hex'));
    var f = Buffer.alloc(8);
    out.push(f.writeFloatLE(1.5), f.readFloatLE(0), f.writeFloatBE(-0.1), f.readFloatBE(0), f.toString('hex'),
        f.writeDoubleLE(Math.PI), f.readDoubleLE(0), f.writeDoubleBE(-1e300), f.readDoubleBE(0), f.toString('hex'),
        f.writeFloatLE(NaN), f.readFloatLE(0), f.writeFloatLE(1e40), f.readFloatLE(0), f.writeDoubleLE(-0), 1 / f.readDoubleLE(0));
    out.push(b.writeUInt8(1.9, 0), b.readUInt8(0), b.writeInt16LE(-1.5, 0), b.readInt16LE(0), b.writeUInt32LE(NaN, 0), b.readUInt32LE(0));
    return out;
});
show(function () { return Buffer.alloc(4).readUIntLE(0); });
show(function () { return Buffer.alloc(4).readUIntLE(); });
show(function () { return Buffer.alloc(4).readIntBE(0, 0); });
show(function () { return Buffer.alloc(4).writeInt8(-129); });
show(function () { return Buffer.alloc(4).writeUInt32BE(4294967296); });
show(function () { return Buffer.alloc(4).writeIntLE(-8388609, 0, 3); });
show(function () { return Buffer.alloc(8).writeIntLE(Math.pow(2, 39), 0, 5); });
show(function () { return Buffer.alloc(8).writeDoubleLE(1, 1); });
show(function () { return Buffer.alloc(8).readDoubleLE(-1); });
show(function () { return Buffer.alloc(8).readFloatBE(NaN); });
show(function () { return Buffer.alloc(3).readInt16LE(Infinity); });
// Offsets and lengths must be integers: an infinity is not one either.
show(function () { return Buffer.alloc(4).write('a', Infinity); });
show(function () { return Buffer.alloc(4).write('a', 1, -Infinity); });
show(function () { return Buffer.alloc(4).write('a', 1.5); });
show(function () { return Buffer.alloc(4).fill(1, 0, Infinity); });
show(function () { return Buffer.alloc(4).compare(Buffer.alloc(4), Infinity); });
show(function () { return Buffer.alloc(4).write('\u00e9\u20acz', 1, 'latin1'); });
show(function () {
    var b = Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]);
    return [b.swap16().toString('hex'), b.swap32().toString('hex'), b.swap64().toString('hex')];
});
show(function () { return Buffer.alloc(6).swap32(); });
show(function () { return Buffer.alloc(6).swap64(); });
show(function () {
    var a = Buffer.from('abc');
    var s = a.slice(1);
    var t = a.subarray(-2, -1);
    s[0] = 0x5a;
    return [a.toString(), s.toString(), t.toString(), a.slice(2, 1).length, a.slice(-10).toString(),
        a.slice('1', '2').toString(), a.subarray(NaN, 2).toString(), a.slice(1.9).toString(),
        Buffer.isBuffer(s), s.buffer === a.buffer, s.byteOffset - a.byteOffset];
});
show(function () {
    return [Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.alloc(0)]).toString(),
        Buffer.concat([Buffer.from('abc'), Buffer.from('def')], 4).toString(),
        Buffer.concat([Buffer.from('ab')], 4).toString('hex'), Buffer.concat([]).length];
});
show(function () { return Buffer.concat('x'); });
show(function () { return Buffer.concat([Buffer.from('a')], -1); });
show(function () {
    return [Buffer.byteLength('héllo'), Buffer.byteLength('héllo', 'latin1'), Buffer.byteLength('aGk=', 'base64'),
        Buffer.byteLength('abc', 'hex'), Buffer.byteLength('ab', 'ucs2'), Buffer.byteLength(new ArrayBuffer(7)),
        Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength('\ud83d\ude00'), Buffer.byteLength('\ud800'),
        Buffer.byteLength('x', 'bogus')];
});
show(function () { return Buffer.byteLength(5); });
show(function () {
    return ['utf8', 'UTF-8', 'Utf8', 'ucs2', 'UCS-2', 'utf16le', 'utf-16le', 'latin1', 'binary',
        'base64', 'base64url', 'hex', 'ascii', 'utf16', 'utf-16', '', null, 1].map(Buffer.isEncoding);
});
show(function () {
    var ab = new ArrayBuffer(8);
    var view = Buffer.from(ab, 2, 4);
    view[0] = 9;
    return [view.length, new Uint8Array(ab)[2], Buffer.from(ab).length, Buffer.from(ab, 8).length,
        Buffer.from(ab, 1, 0).length, Buffer.from(ab, '2').length, Buffer.from(ab, 2, -3).length];
});
show(function () {
    return [Buffer.from([257, -1, 3.7, '4', 'x']).toString('hex'), Buffer.from({ length: 2, 0: 7 }).toString('hex'),
        Buffer.from({ type: 'Buffer', data: [1, 2] }).toString('hex'), Buffer.from(new String('str')).toString(),
        Buffer.from(Buffer.from('copy')).toString(), Buffer.from(new Uint16Array([1, 0x102])).toString('hex'),
        Buffer.from({ length: 'x' }).length];
});
show(function () { return Buffer.from(null); });
show(function () { return Buffer.from(function f() {}); });
show(function () { return Buffer.from('x', 'nope'); });
show(function () {
    var b = Buffer.from('hi!');
    var it = b.entries();
    return [JSON.stringify(it.next()), JSON.stringify(b.keys().next()), JSON.stringify(b.values().next()),
        b.toJSON(), JSON.stringify({ b: b }), b.toString('utf8', 1), b.toString('hex', -1, 100),
        b.toString(undefined, 1, 2), b.toString('ascii', 2, 1), b.toString('latin1', 1.5, 2.5)];
});
show(function () {
    return [Buffer.alloc(0).toString(), Buffer.allocUnsafe(3).length, Buffer.allocUnsafeSlow(2).length,
        Buffer.poolSize, Buffer.alloc(2, 0).toString('hex'), Buffer.alloc(2, '').toString('hex'),
        require('buffer').INSPECT_MAX_BYTES, require('buffer').kStringMaxLength > 0,
        require('buffer').constants.MAX_LENGTH, typeof require('buffer').SlowBuffer];
});
console.log(Buffer.from('hello'), Buffer.alloc(51, 1), [Buffer.from('ab')], Buffer.alloc(0).inspect());
console.log(require('buffer').btoa('hi\u00ff'), require('buffer').atob('aGn/'), require('buffer').atob(' aG k= '));
show(function () { return require('buffer').atob('a'); });
console.log(require('buffer').isUtf8(Buffer.from('é')), require('buffer').isUtf8(Buffer.from([0xc3])),
    require('buffer').isAscii(Buffer.from('abc')), require('buffer').isAscii(Buffer.from('é')));
// String(error) and the stack's first line name the code, as in Node.
[function () { Buffer.alloc(-1); }, function () { Buffer.from('x').toString('nope'); },
    function () { new (require('stream').Writable)().write(null); },
    function () { require('path').join(1); }, function () { new URL('nope'); }].forEach(function (fn) {
    try {
        fn();
    } catch (e) {
        console.log(String(e) + ' | ' + String(e.stack).split('\n')[0]);
    }
});
[function () { require('url').parse('http://[a b]/'); }, function () { new URLSearchParams([[1]]); },
    function () { require('stream').pipeline(); }, function () { require('querystring').escape('\ud800'); }]
    .forEach(function (fn) {
        try {
            fn();
        } catch (e) {
            console.log(String(e));
        }
    });
