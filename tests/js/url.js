// require('url'): WHATWG URL, URLSearchParams and the legacy API, results
// recorded from Node 20.
'use strict';

var check = require('./lib/check.js');
var cases = require('./lib/cases.js');
var url = require('url');

function parts(input, base) {
    var u = new URL(input, base);
    return [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port,
        u.pathname, u.search, u.hash];
}

// Applies the setter `name` = value and returns the href.
function set(input, name, value) {
    var u = new URL(input);
    u[name] = value;
    return u.href;
}

var list = [];
['https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash', 'HTTP://EXAMPLE.COM/a/./b/../c',
    'http://[2001:db8::1]:80/', 'http://[::]/', 'http://[1:2:3:4:5:6:7:8]/', 'http://[::ffff:192.168.0.1]/',
    'http://192.168.0.1./', 'http://0300.0250.0.1/', 'http://0xc0a80001/', 'http://3232235521/',
    'http://256.256.256.256/', 'http://1.2.3/', 'http://example.com:65535/', 'http://example.com:65536/',
    'http://exa mple.com/', 'http://ex%41mple.com/', 'http://\u00e9x\u00e4mple.com/', 'http://EX\u00c4MPLE.com/',
    'ws://x:80/', 'wss://x:443/a', 'ftp://x:21/f', 'file:///home/user/f.txt', 'file://localhost/etc',
    'file://server/share', 'file:///C:/Windows/', 'file:///c|/x', 'mailto:someone@example.com',
    'data:text/plain;base64,aGk=', 'urn:isbn:0451450523', 'custom://host:99/p?q#f', 'custom:/p//q',
    'javascript:void(0)', 'http://x/a%20b c<d>"e`f{g}', 'http://x/?a b\'c"d<e>', 'custom://x/?a b\'c',
    'http://x/#a b<c>`d', 'http://u%40v:p%3Aw@x/', 'http://a:b:c@x/', 'http://@x/', 'http://x@/',
    'http:x', 'http:/x', 'http:\\\\x\\y', ' http://trim/ ', 'http://x/\t\na', 'about:blank', 'not a url',
    '', 'http://x.com/%2e%2E/%2e/y', 'http://x/.../..../.', 'http://x:0/', 'http://x:/', 'http://x:8a/'
].forEach(function (input) {
    list.push('parts(' + JSON.stringify(input).replace(/[\u0080-\uffff]/g, function (c) {
        return '\\u' + ('000' + c.charCodeAt(0).toString(16)).slice(-4);
    }) + ')');
});
['g', '../g', '../../..', '/g', '//g', '?y', '#s', 'g?y#s', ';x', '', '.', './', '..', 'g/..',
    'http:g', 'https:g', 'file:g', '\\\\g', 'C:/x'].forEach(function (rel) {
    list.push("parts(" + JSON.stringify(rel) + ", 'http://a/b/c/d;p?q')");
    list.push("parts(" + JSON.stringify(rel) + ", 'file:///C:/dir/f')");
});
list.push("parts('x', 'not a base')", "parts('#frag', 'mailto:x@y')", "parts('x', 'mailto:x@y')");
[['protocol', 'https'], ['protocol', 'ftp:'], ['protocol', 'custom'], ['protocol', '1bad'], ['username', 'a b@c'],
    ['password', 'p:w'], ['host', 'new.host:81'], ['host', 'new.host:'], ['host', ''], ['hostname', 'h.org'],
    ['hostname', 'h:1'], ['port', '8443'], ['port', '80'], ['port', '99999'], ['port', '12ab'], ['port', ''],
    ['pathname', '/new path/../x'], ['pathname', 'rel'], ['search', 'a=1&b=2'], ['search', '?'],
    ['search', ''], ['hash', 'top'], ['hash', '#'], ['hash', ''], ['href', 'https://other/']
].forEach(function (pair) {
    list.push("set('http://u:p@host.com:8080/p?q#h', '" + pair[0] + "', " + JSON.stringify(pair[1]) + ')');
    list.push("set('custom://host/p', '" + pair[0] + "', " + JSON.stringify(pair[1]) + ')');
    list.push("set('file:///f', '" + pair[0] + "', " + JSON.stringify(pair[1]) + ')');
});
list.push("set('http://x/', 'href', 'bad')", "set('mailto:a@b', 'pathname', 'x')", "set('mailto:a@b', 'host', 'x')",
    "new URL('http://x')", "URL.canParse('http://x')", "URL.canParse('x')", "URL.canParse('x', 'http://b/')",
    "new URL('http://x/y').toJSON()", "JSON.stringify({ u: new URL('http://x') })", "String(new URL('http://x/?a#b'))",
    "Object.keys(new URL('http://x'))", "new URL()",
    "new URLSearchParams('a=1&b=2&a=3').getAll('a')", "new URLSearchParams('?a=1').get('a')",
    "new URLSearchParams('a=1').get('b')", "new URLSearchParams('a+b=c+d&e=%20%zz%').toString()",
    "new URLSearchParams({ x: 1, y: 'two words' }).toString()", "new URLSearchParams([['a', '1'], ['b', '2']]).toString()",
    "new URLSearchParams([['a']])", "new URLSearchParams('a=1&b=2').has('b')", "new URLSearchParams('a=1&a=2').size",
    "(function () { var p = new URLSearchParams('c=3&a=1&b=2&a=0'); p.sort(); return p.toString(); })()",
    "(function () { var p = new URLSearchParams('a=1&b=2&a=3'); p.set('a', 'x'); return p.toString(); })()",
    "(function () { var p = new URLSearchParams('a=1&b=2&a=3'); p.delete('a'); return p.toString(); })()",
    "(function () { var p = new URLSearchParams('a=1&b=2&a=3'); p.delete('a', '3'); return p.toString(); })()",
    "(function () { var p = new URLSearchParams(); p.append('k', '\u00e9 &=+'); return p.toString(); })()",
    "(function () { var out = []; new URLSearchParams('a=1&b=2').forEach(function (v, k) { out.push(k + v); }); return out; })()",
    "(function () { var u = new URL('http://x/?a=1'); u.searchParams.append('b', 'c d'); return u.href; })()",
    "(function () { var u = new URL('http://x/?a=1'); u.searchParams.delete('a'); return u.href; })()",
    "(function () { var u = new URL('http://x/?a=1'); var p = u.searchParams; u.search = 'z=9'; return p.get('z'); })()",
    "(function () { var u = new URL('http://x/?a=1'); u.href = 'http://y/?q=2'; return u.searchParams.get('q'); })()",
    "new URLSearchParams('a=1').append('b')", "new URLSearchParams().forEach(1)",
    "url.domainToASCII('m\u00fcnchen.de')", "url.domainToASCII('xn--iñvalid.com')", "url.domainToUnicode('xn--mnchen-3ya.de')",
    "url.fileURLToPath('file:///tmp/a%20b')", "url.fileURLToPath(new URL('file:///x/y'))", "url.fileURLToPath('http://x/')",
    "url.fileURLToPath('file:///a%2Fb')", "url.fileURLToPath(5)", "url.pathToFileURL('/tmp/a b#c?d%e').href",
    "url.urlToHttpOptions(new URL('https://a:b@x.com:8443/p?q#h'))",
    "url.format(new URL('http://u:p@x.com/a?b#c'), { auth: false, fragment: false })",
    "url.format({ protocol: 'https', hostname: 'x.com', pathname: '/a', query: { b: 'c d' } })",
    "url.format('http://X.com/a b')", "url.format(null)",
    "url.parse('https://user:pw@Host.com:8080/p/a?x=1&y=2#frag')", "url.parse('/a/b?c=d', true)",
    "url.parse('//host/p', false, true)", "url.parse('//host/p')", "url.parse('mailto:a@b.c')",
    "url.parse('http://x.com/a\\\\b c')", "url.parse('http://[::1]:3000/')", "url.parse(42)",
    "url.resolve('http://a/b/c/d', '../e')", "url.resolve('http://a/b/c/d', '/e')", "url.resolve('http://a/b', '//c/d')",
    "url.resolve('/one/two/three', 'four')", "url.resolve('http://example.com/', '/one')",
    "url.resolve('http://example.com/one', '/two')", "url.resolve('mailto:a@b', 'c@d')", "url.resolve('http://a/b', 'https:c')");

cases.run('url', list, { URL: URL, URLSearchParams: URLSearchParams, url: url, parts: parts, set: set });

check.equal(URL, url.URL, 'global URL is the module\'s');
check.equal(URLSearchParams, url.URLSearchParams, 'global URLSearchParams');
var linked = new URL('http://x/?a=1');
check.equal(linked.searchParams, linked.searchParams, 'searchParams is one object');
check.throws(function () { URL.createObjectURL({}); }, /not supported in unode/, 'createObjectURL');
