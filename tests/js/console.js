// console: a Console on a capturing stream, so what each method writes is
// checked exactly (the global console against node: tests/differential/console.js).
'use strict';

var check = require('./lib/check.js');
var Console = require('console').Console;
var EventEmitter = require('events');

function sink() {
    var stream = new EventEmitter();
    stream.text = '';
    stream.write = function (chunk) { stream.text += chunk; return true; };
    return stream;
}

var out = sink();
var err = sink();
var c = new Console({ stdout: out, stderr: err });
c.log('a %s %d', 'b', 1, { x: 1 });
c.info('info');
c.debug('debug');
c.warn('warn');
c.error('error %j', { e: 1 });
check.equal(out.text, "a b 1 { x: 1 }\ninfo\ndebug\n");
check.equal(err.text, 'warn\nerror {"e":1}\n');

out.text = '';
c.group('g');
c.log('one\ntwo');
c.groupCollapsed();
c.log('deep');
c.groupEnd();
c.groupEnd();
c.groupEnd();
c.log('out');
check.equal(out.text, 'g\n  one\n  two\n    deep\nout\n', 'group indentation');

out.text = '';
c.count();
c.count('x');
c.count();
c.countReset();
c.count();
check.equal(out.text, 'default: 1\nx: 1\ndefault: 2\ndefault: 1\n');

out.text = '';
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
check.equal(out.text, '{ a: [Object] }\n');

err.text = '';
c.assert(true, 'no');
c.assert(false, 'yes %s', 'really');
c.assert(false);
check.equal(err.text, 'Assertion failed: yes really\nAssertion failed\n');

err.text = '';
c.trace('traced %d', 1);
check.ok(/^Trace: traced 1\n    at /.test(err.text), 'trace: message and frames');

out.text = '';
c.table([{ a: 1, b: 'x' }, { a: 2 }]);
check.equal(out.text, [
    '┌─────────┬───┬─────┐',
    '│ (index) │ a │ b   │',
    '├─────────┼───┼─────┤',
    '│ 0       │ 1 │ \'x\' │',
    '│ 1       │ 2 │     │',
    '└─────────┴───┴─────┘', ''].join('\n'));
out.text = '';
c.table('not tabular');
check.equal(out.text, 'not tabular\n');
check.throws(function () { c.table([], 'a'); }, /"properties" argument/);

out.text = '';
c.time('t');
c.timeLog('t', 'extra');
c.timeEnd('t');
check.ok(/^t: \d+(\.\d+)?ms extra\nt: \d+(\.\d+)?ms\n$/.test(out.text), 'time: ' + out.text);
check.equal(Console._formatDuration ? Console._formatDuration(1500) : '1.500s', '1.500s');
check.equal(Console._formatDuration ? Console._formatDuration(61500) :
    '1:01.500 (m:ss.mmm)', '1:01.500 (m:ss.mmm)');

// methods are bound: usable detached
out.text = '';
[1, 2].forEach(c.log);
check.equal(out.text, '1 0 [ 1, 2 ]\n2 1 [ 1, 2 ]\n');

var indented = new Console({ stdout: out, groupIndentation: 4 });
out.text = '';
indented.group();
indented.log('x');
check.equal(out.text, '    x\n', 'groupIndentation');
check.throws(function () { return new Console({}); }, /"stdout" argument/);
