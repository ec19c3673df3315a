// require('sys'): the system-call table, the one door from unode to the
// machine. syscall(nr, a0..a5) is the Linux system call when hosted, and
// the table the js-drivers services fill on bare metal.
'use strict';

var native = require('native:sys');

exports.syscall = native.syscall;
exports.platform = native.platform;
