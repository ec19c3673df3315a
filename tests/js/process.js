// process: argv, env, exitCode, hrtime, cwd, 'exit' listeners.
'use strict';

var check = require('./lib/check.js');

check.equal(process.argv.length, 3, 'argv: execPath, script, one argument');
check.ok(/process\.js$/.test(process.argv[1]), 'argv[1] is the script');
check.equal(process.argv[2], 'an argument', 'argv[2]');
// Hosted, the environment is Linux's; on bare metal there is none yet.
var hosted = require('sys').platform === 'linux';
check.equal(typeof process.env.PATH, hosted ? 'string' : 'undefined', 'env.PATH');
check.equal(process.platform, hosted ? 'linux' : 'jskernel', 'platform');
check.ok(process.pid > 0, 'pid');
check.equal(process.cwd().charAt(0), '/', 'cwd is absolute');
check.equal(typeof require('process').nextTick, 'function', "require('process')");
check.equal(global, globalThis, 'global');

var t = process.hrtime();
check.equal(t.length, 2, 'hrtime pair');
var d = process.hrtime(t);
check.ok(d[0] >= 0 && d[1] >= 0 && d[1] < 1e9, 'hrtime difference');

check.equal(require('util').format('%s', 'x'), 'x', 'util from a test');
check.throws(function () { setTimeout('not a function', 1); }, /callback/, 'setTimeout type check');

// The 'exit' listener sees the exit code and may change it.
process.exitCode = 3;
process.on('exit', check.expectCall('exit listener', function (code) {
    check.equal(code, 3, 'exit code passed to listener');
    process.exitCode = 0;
}));
