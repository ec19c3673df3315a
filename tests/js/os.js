// os: values through uname/sysinfo/sched_getaffinity, on Linux and bare metal.
'use strict';

var check = require('./lib/check.js');
var os = require('os');

check.equal(os.EOL, '\n');
check.equal(os.platform(), process.platform);
check.equal(os.arch(), 'x64');
check.equal(os.endianness(), 'LE');
check.ok(os.type() === 'Linux' || os.type() === 'jskernel', 'type ' + os.type());
check.ok(typeof os.hostname() === 'string' && os.hostname().length > 0, 'hostname');
check.ok(typeof os.release() === 'string' && os.release().length > 0, 'release');
check.ok(os.uptime() >= 0 && os.uptime() === Math.floor(os.uptime()), 'uptime in seconds');
var total = os.totalmem();
var free = os.freemem();
check.ok(total > 1024 * 1024, 'totalmem ' + total);
check.ok(free > 0 && free <= total, 'freemem ' + free);
check.equal(os.loadavg().length, 3);
var cpus = os.cpus();
check.ok(cpus.length >= 1, 'at least one CPU');
check.equal(cpus.length, os.availableParallelism());
check.equal(typeof cpus[0].model, 'string');
check.equal(typeof cpus[0].times.idle, 'number');
check.equal(typeof os.tmpdir(), 'string');
check.equal(os.homedir(), process.env.HOME || '/');
check.equal(os.constants.signals.SIGINT, 2);
check.throws(function () { os.networkInterfaces(); }, /not supported in unode/);
check.ok(process.memoryUsage().rss > 0, 'memoryUsage().rss');
check.throws(function () { process.hrtime.bigint(); }, /not supported in unode/);
