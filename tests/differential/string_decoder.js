'use strict';
// StringDecoder against Node: random byte chunks in every encoding, with
// characters cut across chunks, then end().
var SD = require('string_decoder').StringDecoder;
function hexs(s){ var o=[]; for (var i=0;i<s.length;i++) o.push(s.charCodeAt(i).toString(16)); return o.join(' '); }
var seed = 7; function rnd(n){ seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; }
var pool = [0x41, 0x80, 0xbf, 0xc2, 0xc3, 0xe0, 0xe2, 0xed, 0xa0, 0x9f, 0xf0, 0xf4, 0x90, 0x8f, 0xff, 0xf8, 0xd8, 0xdc, 0x00, 0x3d];
var encs = ['utf8','utf16le','base64','base64url','hex','latin1','ascii'];
for (var t = 0; t < 400; t++) {
  var enc = encs[t % encs.length];
  var d = new SD(enc); var out = [];
  var chunks = 1 + rnd(5);
  for (var c = 0; c < chunks; c++) {
    var len = rnd(6); var a = [];
    for (var k = 0; k < len; k++) a.push(pool[rnd(pool.length)]);
    out.push(hexs(d.write(Buffer.from(a))));
  }
  out.push('end:' + hexs(d.end()));
  console.log(enc, out.join('|'));
}
var d = new SD('utf8'); console.log(hexs(d.write(Buffer.from([0xe2]))), d.lastNeed, d.lastTotal, hexs(d.end(Buffer.from([0x82]))));
try { new SD('nope') } catch (e) { console.log(e.code, e.message) }
try { new SD().write(5) } catch (e) { console.log(e.code, e.message) }
console.log(new SD().encoding, new SD('UCS-2').encoding, new SD('binary').encoding);
