'use strict';
// Buffer encode/decode: utf8, base64 and hex, both directions, on 256 KiB.
var report = console.log;
var size = 256 * 1024;
var data = Buffer.alloc(size);
for (var i = 0; i < size; i++)
    data[i] = (i * 31 + (i >> 8)) & 255;
var text = '';
var words = ['alpha ', 'b\u00e9ta ', 'gamma ', '\u20ac uro ', 'delta ', 'epsilon '];
var parts = [];
for (var w = 0; parts.length * 7 < size; w++)
    parts.push(words[w % words.length]);
text = parts.join('');
var check = 0;
function run(name, rounds, fn) {
    var start = Date.now();
    for (var r = 0; r < rounds; r++)
        check = (check + fn()) % 1000000007;
    return Date.now() - start;
}
var total = 0;
var timings = [];
function measure(name, rounds, fn) {
    var ms = run(name, rounds, fn);
    total += ms;
    timings.push(name + '=' + ms);
}
measure('utf8.encode', 20, function () { return Buffer.from(text, 'utf8').length; });
var utf8 = Buffer.from(text, 'utf8');
measure('utf8.decode', 20, function () { return utf8.toString('utf8').length; });
measure('utf8.byteLength', 20, function () { return Buffer.byteLength(text); });
measure('base64.encode', 10, function () { return data.toString('base64').length; });
var base64 = data.toString('base64');
measure('base64.decode', 10, function () { return Buffer.from(base64, 'base64').length; });
measure('hex.encode', 10, function () { return data.toString('hex').length; });
var hex = data.toString('hex');
measure('hex.decode', 10, function () { return Buffer.from(hex, 'hex').length; });
measure('latin1.decode', 10, function () { return data.toString('latin1').length; });
report('buffer_codec ' + total + ' ms check=' + check);
if (process.argv.indexOf('--detail') !== -1)
    report(timings.join(' '));
