// System errors of the socket modules, shaped like Node's: a message such as
// "connect ECONNREFUSED 127.0.0.1:1" or "listen EADDRINUSE: address already
// in use 127.0.0.1:80", and errno (negative), code, syscall, address, port.
'use strict';

var sys = require('sys');

function codeOf(err) { return sys.errnoName(err) || 'Unknown system error ' + err; }

// errnoException(-111, 'read') -> "read ECONNRESET"
exports.errnoException = function (err, syscall, original) {
    var code = codeOf(err);
    var error = new Error(syscall + ' ' + code + (original ? ' ' + original : ''));
    error.errno = -Math.abs(err);
    error.code = code;
    error.syscall = syscall;
    return error;
};

// exceptionWithHostPort(-111, 'connect', '127.0.0.1', 1)
exports.exceptionWithHostPort = function (err, syscall, address, port) {
    var code = codeOf(err);
    var details = port > 0 ? address + ':' + port : address;
    var error = new Error(syscall + ' ' + code + ' ' + details);
    error.errno = -Math.abs(err);
    error.code = code;
    error.syscall = syscall;
    error.address = address;
    if (port)
        error.port = port;
    return error;
};

// uvExceptionWithHostPort(-98, 'listen', '127.0.0.1', 80): with strerror's text.
exports.uvExceptionWithHostPort = function (err, syscall, address, port) {
    var code = codeOf(err);
    var details = port > 0 ? address + ':' + port : address;
    var error = new Error(syscall + ' ' + code + ': ' + sys.errnoMessage(err) + ' ' + details);
    error.errno = -Math.abs(err);
    error.code = code;
    error.syscall = syscall;
    error.address = address;
    if (port)
        error.port = port;
    return error;
};
