'use strict';
// Legacy url.parse/format/resolve, querystring and punycode against Node.
var url = require('url');
var qs = require('querystring');
var punycode = require('punycode');
function dump(o) {
    var keys = ['protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash', 'search', 'query', 'pathname', 'path', 'href'];
    return keys.map(function (k) { var v = o[k]; return k + '=' + (v !== null && typeof v === 'object' ? JSON.stringify(v) : JSON.stringify(v)); }).join(' ');
}
var inputs = ['HTTP://user:pw@Host.COM:8080/p/a/t/h?query=string#hash', '/a?b=c', 'http://a b/', 'http://a%b/', '//host/path', 'mailto:me@x.com', 'javascript:alert("x y")', 'http://[::1]:80/x', 'http://x.com\\a\\b?c\\d', '  http://trim.me/  ', 'file:///etc/passwd', 'file:/x', 'http://a.com?x#y', 'http://ünicode.com/é', 'x:y:z', 'http://user@host', 'http://a:b@c:d@e/', 'http://a.com:abc/', 'http://a/b c?d e#f g', '?q=1', '#h', 'http://x/<>"`{|}^', 'HTTPS://EXAMPLE.com', 'http://a.b.c/d;p?q', 'foo://bar/baz', 'http://host:/x'];
inputs.forEach(function (i) { console.log(JSON.stringify(i), dump(url.parse(i))); });
console.log(dump(url.parse('/a?b=c&b=d&e', true)));
console.log(dump(url.parse('//host/path', false, true)));
console.log(dump(url.parse('http://x/?a=1', true)));
var froms = ['http://a/b/c/d;p?q', 'http://x.com/', 'mailto:a@b', 'http://x.com', 'file:///a/b', 'foo://h/a/b', 'http://u:p@h/a'];
var tos = ['g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', '..', '../', '../g', '../..', '../../g', '../../../g', '.', './', 'http://other/x', 'https:x', 'mailto:z@w', '', 'g;x', '//u@h2/p', 'http:g', 'file:b'];
froms.forEach(function (f) { tos.forEach(function (t) { console.log(f, JSON.stringify(t), url.resolve(f, t)); }); });
console.log(url.format({ protocol: 'http', host: 'a.com', pathname: 'x y#?', query: { a: [1, 2], b: 'c d' } }));
console.log(url.format({ protocol: 'https:', hostname: '::1', port: 8080, search: 'q', hash: 'h', auth: 'u s:p@' }));
console.log(url.format({ protocol: 'file', pathname: '/x' }), url.format('http://A.com/x?y'), url.format({ slashes: true, host: 'h', pathname: 'p' }));
try { url.format(5) } catch (e) { console.log(e.code, e.message) }
try { url.parse(5) } catch (e) { console.log(e.code, e.message) }
// querystring
var q1 = qs.parse('a=1&a=2&&b&=c&d=e=f&+x+=%20y%zz', null, null, { maxKeys: 0 });
console.log(JSON.stringify(q1), Object.getPrototypeOf(q1));
console.log(JSON.stringify(qs.parse('a&b&c&d', null, null, { maxKeys: 2 })), JSON.stringify(qs.parse('&&a&&b', null, null, { maxKeys: 2 })));
console.log(JSON.stringify(qs.parse('a:1;b:2;a:3', ';', ':')), JSON.stringify(qs.parse('a=%E9&b=%C3%A9')), JSON.stringify(qs.parse('x=1', '&', '=', { decodeURIComponent: function (s) { return s.toUpperCase(); } })));
console.log(JSON.stringify(qs.parse('a[]=1&a[]=2&__proto__=x&constructor=y')));
console.log(qs.stringify({ a: [1, 2], b: 'x y', c: true, d: null, e: undefined, f: NaN, g: {}, h: [], 'k y': 'é€', i: 1e21, j: -0 }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.stringify('str'), qs.stringify({ w: 'a b' }, null, null, { encodeURIComponent: function (s) { return '<' + s + '>'; } }));
console.log(qs.escape('a b&c/d?é*~\'()!'), qs.unescape('a%20b+c%zz%E9'), qs.unescape('%E9', true), qs.unescapeBuffer('a%41+b', true).toString());
try { qs.escape('\ud800') } catch (e) { console.log(e.name, e.code, e.message) }
console.log(qs.escape(123), qs.escape({ toString: function () { return 'o k'; } }));
// punycode
['mañana', 'bücher', '☃-⌘', 'ü', 'abc', '', '😀', 'Bahnhof München-Ost', 'ليهمابتكلموشعربي؟'].forEach(function (s) {
    var e = punycode.encode(s); console.log(JSON.stringify(s), e, punycode.decode(e) === s);
});
console.log(punycode.toASCII('mañana.com'), punycode.toASCII('user@mañana.com'), punycode.toASCII('☃.net'), punycode.toASCII('a\u3002b'));
console.log(punycode.toUnicode('xn--maana-pta.com'), punycode.toUnicode('XN--MAANA-PTA.com'), punycode.toUnicode('user@xn--maana-pta.com'));
console.log(JSON.stringify(punycode.ucs2.decode('a😀b')), punycode.ucs2.encode([97, 0x1f600]), punycode.version);
['\u0080', 'a-', '99999999999', 'ab-cd%'].forEach(function (s) { try { console.log(JSON.stringify(punycode.decode(s))); } catch (e) { console.log(e.name, e.message); } });
['http://[fe80::1%25en0]/', 'http://[a b]/', 'http://a[b/'].forEach(function (i) { try { console.log(dump(url.parse(i))); } catch (e) { console.log(e.code, e.message, e.input); } });
