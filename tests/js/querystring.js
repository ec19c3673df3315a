// require('querystring') and require('punycode'): results recorded from Node 20.
'use strict';

var cases = require('./lib/cases.js');
var querystring = require('querystring');
var punycode = require('punycode');

var list = [
    "querystring.parse('a=1&b=2&a=3')", "querystring.parse('a&b=&=c&&d=e=f')", "querystring.parse('')",
    "querystring.parse('+a+=+b+%20')", "querystring.parse('x=%zz%41&y=%E9&z=%C3%A9')",
    "querystring.parse('a:1;b:2', ';', ':')", "querystring.parse('a=1&b=2&c=3', null, null, { maxKeys: 2 })",
    "querystring.parse('a=1&b=2', null, null, { maxKeys: 0 })", "querystring.parse(5)",
    "querystring.parse('a=b', '&', '=', { decodeURIComponent: function (s) { return '<' + s + '>'; } })",
    "querystring.parse('__proto__=1&hasOwnProperty=2')", "querystring.parse('a==b&c=d&&')",
    "querystring.stringify({ a: 1, b: [2, 3], c: 'x y', d: true, e: null, f: undefined, g: NaN })",
    "querystring.stringify({ 'k&=': '\u00e9\u20ac/?' })", "querystring.stringify({ a: [] , b: 1 })",
    "querystring.stringify({ a: 1, b: 2 }, ';', ':')", "querystring.stringify(null)", "querystring.stringify('x')",
    "querystring.stringify({ a: 1e21, b: -0, c: Infinity })", "querystring.stringify({ a: {} })",
    "querystring.stringify({ a: 'b' }, null, null, { encodeURIComponent: function (s) { return s.toUpperCase(); } })",
    "querystring.escape('a b&c=d/\u00e9*!~')", "querystring.escape(42)", "querystring.escape('\ud800')",
    "querystring.unescape('a%20b+c')", "querystring.unescape('a+b', true)", "querystring.unescape('%E9%zz')",
    "querystring.unescapeBuffer('%41%4')", "querystring.decode === querystring.parse", "querystring.encode === querystring.stringify",
    "punycode.encode('m\u00fcnchen')", "punycode.decode('mnchen-3ya')", "punycode.encode('\\ud83d\\ude00')",
    "punycode.decode('ls8h')", "punycode.encode('abc')", "punycode.decode('abc-')", "punycode.encode('')",
    "punycode.toASCII('m\u00fcnchen.de')", "punycode.toASCII('user@m\u00fcnchen.de')", "punycode.toASCII('plain.org')",
    "punycode.toASCII('a\u3002b\uff0ec')", "punycode.toUnicode('xn--mnchen-3ya.de')", "punycode.toUnicode('XN--MNCHEN-3YA.de')",
    "punycode.toUnicode('user@xn--ls8h.la')", "punycode.decode('\u0080')", "punycode.decode('zzzzzzzzzz')",
    "punycode.decode('a-!')", "punycode.ucs2.decode('a\\ud83d\\ude00')", "punycode.ucs2.encode([0x61, 0x1f600])",
    "punycode.ucs2.decode('\ud800')", "punycode.version"
];
['\u4e2d\u6587', '\u0645\u0631\u062d\u0628\u0627', '\u00e9t\u00e9', 'ab\u00ffcd', '\u0431\u0443\u043a\u0432\u044b',
    'a-b-\u00e7', '\u2603', 'MiXeD\u00c4'].forEach(function (s) {
    var literal = JSON.stringify(s).replace(/[\u0080-\uffff]/g, function (c) {
        return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    });
    list.push('punycode.encode(' + literal + ')', 'punycode.decode(punycode.encode(' + literal + '))',
        'punycode.toASCII(' + literal + ')');
});

cases.run('querystring', list, { querystring: querystring, punycode: punycode });
