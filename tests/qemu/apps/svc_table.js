// The system-call table itself (run with init=/app/svc_table_init.js):
// arguments pass through by reference, a throwing service gives -EIO, a
// non-number result gives -EIO, removed entries give -ENOSYS, the table
// is locked once init is done.
var syscall = require('sys').syscall;
var lines = globalThis.initResults.slice();
function check(cond, what, detail) {
    lines.push((cond ? 'ok ' : 'FAIL ') + what + (detail !== undefined ? ' [' + detail + ']' : ''));
}
check(syscall(400) === -5, 'a service that throws gives -EIO');
check(syscall(401) === -5, 'a service returning a string gives -EIO');
var buf = new Uint8Array(4), obj = {};
check(syscall(402, buf, 'str', obj, 4, 5, 6, 7) === 6, 'at most 6 arguments are passed');
var a = globalThis.lastArgs;
check(a[0] === buf && a[1] === 'str' && a[2] === obj && a[5] === 6 && a[6] === undefined,
      'the arguments are the caller\'s own objects');
check(syscall(402) === 0, 'no arguments: none passed');
check(syscall(403) === -38, 'register(nr, null) removes the entry');
check(syscall(402.5) === -38 && syscall(-1) === -38, 'a non-integer or negative nr gives -ENOSYS');
var locked = false;
try { require('native:sys').register(404, function () { return 0; }); } catch (e) { locked = e instanceof TypeError; }
check(locked, 'register after init throws TypeError');
check(syscall(1, 1, '', 0) === 0, 'the real services are there (write)');
var failed = lines.filter(function (l) { return l.indexOf('FAIL') === 0; }).length;
lines.push('summary: ' + (lines.length - failed) + ' passed, ' + failed + ' failed');
var text = lines.join('\n') + '\n';
syscall(1, 1, text, text.length);
syscall(231, failed ? 1 : 0);
