// Duktape's recursion limits (native calls, JSON, the compiler, the regexp
// executor) are reached before the kernel stack runs out: each gives a
// RangeError, as in build/unode, never a kernel fault.
function viaNative(n) { return n ? [n - 1].map(viaNative)[0] + 1 : 0; }
try { console.log('native depth ok', viaNative(5000)); } catch (e) { console.log('native', String(e)); }
function plain(n) { return n ? plain(n - 1) + 1 : 0; }
try { console.log('plain', plain(100000)); } catch (e) { console.log('plain', String(e)); }
var o = []; for (var i = 0; i < 5000; i++) o = [o];
try { console.log('json', JSON.stringify(o).length); } catch (e) { console.log('json', String(e)); }
var src = ''; for (var i = 0; i < 3000; i++) src += '('; src += '1'; for (var i = 0; i < 3000; i++) src += ')';
try { console.log('compile', eval(src)); } catch (e) { console.log('compile', String(e)); }
try { console.log('regexp', /^(a|b)*$/.test(new Array(20000).join('a'))); } catch (e) { console.log('regexp', String(e)); }
