'use strict';
// WHATWG URL and URLSearchParams against Node: parsing (special and
// non-special schemes, IPv4/IPv6 hosts, IDNA, percent-encoding), relative
// resolution against bases, setters, searchParams linkage, file URLs.
var url = require('url');
var inputs = ['http://a/^{}`|x', 'http://a/?^{}`\'|<>"', 'foo://a/^{}`|x?\'', 'http://u^:p^@a/', 'http://0x7f.1/', 'http://[::ffff:1.2.3.4]/', 'http://[1:0:0:2::3:0]/', 'http://EXAMPLE.com./', 'http://ünicode.com/', 'http://xn--nicode-2ya.com/', 'http://a b/', 'http://%41.com/', 'file:///C|/x', 'file://localhost/x', 'non-spec:/.//p', 'http://1.2.3.4.5/', 'http://999999999/', 'http://a:0080/', 'javascript:alert(1) ', 'http://a/b/../../c/./d/%2e%2E/e', 'HTTP://A/%zz%41', 'sc://ñ.com/', 'http://faß.de/', 'http://xn--a/', 'http://a.b.c.09/','http://\u00ad.com/', 'http://ab\u200b.com/','blob:https://a.com/x', 'mailto:x@y.z', 'data:text/plain,hi there', 'http://a:b@c:d/', 'http://a:65536/', 'https://a:443/', 'ws://x:80/', 'http://[::1]:8080/a?b#c', 'http:\\\\a\\b\\c', 'http:/a', 'http:a', '//a/b', 'a/b', 'http://a/\ud800', 'https://x/?a=\u00e9&b=\ud83d\ude00#\u00e9 x', 'file:/C:/a/../..', 'file:///a/b/../../../c', 'http://user@/x', 'http://@a/', 'http://a@b@c/', 'http://[1:2:3:4:5:6:7:8:9]/', 'http://[::1.2.3.4]/', 'http://[0:0:0:0:0:0:0:0]/', 'http://01.02.03.04/', 'http://0xffffffff/', 'http://0x100000000/', 'foo://', 'foo:', 'foo:/', 'foo://a:b@/', 'http://example.com/a b', ' \t http://x/\n ', 'HTTPS://[0:0::1]:0443/', 'about:blank', 'http://a.com:80x/', 'http://%zz/', 'http://a%2Eb/', 'http://xn--ls8h.la/', 'file://host/share/x', 'file:c:\\foo\\bar.html', 'ftp://x:21/', 'git+ssh://x/y', 'http://a/b?c=d e#f g', 'http://Xn--nicode-2ya.COM/', 'http://xN--a/', 'http://A-B.c-D.0x10/', 'http://1.2.3.0x4/', 'http://a..b/', 'http://-a-/'];
var bases = [undefined, 'http://base.com/dir/file?q#f', 'file:///C:/dir/file', 'sc://host/a/b'];
var relatives = ['..', '../x', './y', '?z', '#h', '//other/p', '/root', 'g;x?y#s', '', 'file:x', 'http:rel', '\\\\x\\y', 'C|/z', '/C:/q'];
function show(u) {
    return [u.href, u.origin, u.protocol, u.username, u.password, u.host, u.hostname, u.port, u.pathname, u.search, u.hash].join(' | ');
}
inputs.forEach(function (input) {
    var shown = JSON.stringify(input).replace(/[\ud800-\udfff]/g, function (c) { return "\\u" + c.charCodeAt(0).toString(16); });
    try { console.log(shown, show(new URL(input))); } catch (e) { console.log(shown, e.code, e.message); }
});
bases.slice(1).forEach(function (base) {
    relatives.forEach(function (rel) {
        try { console.log(base, JSON.stringify(rel), show(new URL(rel, base))); } catch (e) { console.log(base, JSON.stringify(rel), e.code); }
    });
});
console.log(URL.canParse('x'), URL.canParse('x', 'http://a'), String(new URL('http://a')), JSON.stringify({u: new URL('http://a/b')}));
// setters
var u = new URL('http://user:pw@host.com:8080/p/a?q=1#h');
function set(name, value) { try { u[name] = value; } catch (e) { console.log('throws', e.code); } console.log(name, JSON.stringify(value), u.href); }
set('protocol', 'https'); set('protocol', 'foo'); set('protocol', 'ws:'); set('username', 'me@x'); set('password', 'p w');
set('host', 'other.org:99'); set('hostname', 'h2'); set('port', '80'); set('port', 'abc'); set('port', '123abc'); set('port', ''); set('pathname', '/x y/../z');
set('search', '?a=b c'); set('search', ''); set('hash', '#frag ment'); set('hash', ''); set('href', 'http://new/'); set('href', 'bad');
set('host', ''); set('hostname', 'a b'); set('pathname', 'noslash');
var f = new URL('file:///tmp/x'); f.host = 'server'; console.log(f.href); f.protocol = 'http'; console.log(f.href);
var o = new URL('mailto:me@x'); o.pathname = '/x'; o.host = 'y'; console.log(o.href);
// searchParams linkage
var s = new URL('http://x/?a=1&b=2&a=3');
console.log(s.searchParams.getAll('a'), s.searchParams.get('b'), s.searchParams.get('c'), s.searchParams.has('a'), s.searchParams.size);
s.searchParams.append('c', 'x y&z'); console.log(s.href);
s.searchParams.delete('a'); console.log(s.href);
s.searchParams.set('b', '\u00e9'); s.searchParams.sort(); console.log(s.href, s.search);
s.search = '?q=9'; console.log(s.searchParams.get('q'), s.searchParams.toString());
s.searchParams.delete('q'); console.log(JSON.stringify(s.href));
var p = new URLSearchParams('?b=2&a=1&a=0&c=%zz&d=%C3%A9+x&=e&f');
var keys = []; p.forEach(function (v, k) { keys.push(k + ':' + v); }); console.log(keys.join(','), p.toString());
p.sort(); console.log(p.toString());
console.log(new URLSearchParams({x: 1, y: [1, 2], z: null}).toString(), new URLSearchParams([['a', 'b'], ['c', 'd']]).toString());
var it = p.entries(); console.log(JSON.stringify(it.next()), JSON.stringify(p.keys().next()), JSON.stringify(p.values().next()));
console.log(new URLSearchParams('a=1&a=2&b=3').has('a', '2'), new URLSearchParams('a=1&a=2').has('a', '3'));
var d2 = new URLSearchParams('a=1&a=2&b=3'); d2.delete('a', '2'); console.log(d2.toString());
console.log(new URLSearchParams('q=\ud800').toString(), new URLSearchParams([['\udc00', '*-._~!\'()']]).toString());
['ünicode.com', 'xn--nicode-2ya.com', 'a b', 'EXAMPLE.COM', '', 'xn--a', 'faß.de', '[::1]', '1.2.3'].forEach(function (d) {
    console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
});
console.log(url.fileURLToPath('file:///a%20b/%C3%A9'), url.pathToFileURL('/a b/c?#%\\x\n\t').href, url.pathToFileURL('/x/').href);
['http://a', 'file://host/a', 'file:///a%2fb'].forEach(function (x) { try { url.fileURLToPath(x); } catch (e) { console.log(e.code); } });
var h = url.urlToHttpOptions(new URL('http://u:p@[::1]:81/x?y#z')); console.log(Object.keys(h).map(function (k) { return k + '=' + h[k]; }).join(' '));
console.log(url.format(new URL('http://u:p@xn--nicode-2ya.com/a?b#c'), { auth: false, search: false, fragment: false, unicode: true }));
