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

function withHostPort(message, err, syscall, address, port) {
    var error = new Error(message + ' ' + (port > 0 ? address + ':' + port : address));
    error.errno = -Math.abs(err);
    error.code = codeOf(err);
    error.syscall = syscall;
    error.address = address;
    if (port)
        error.port = port;
    return error;
}

// exceptionWithHostPort(-111, 'connect', '127.0.0.1', 1)
exports.exceptionWithHostPort = function (err, syscall, address, port) {
    return withHostPort(syscall + ' ' + codeOf(err), err, syscall, address, port);
};

// uvExceptionWithHostPort(-98, 'listen', '127.0.0.1', 80): with strerror's text.
exports.uvExceptionWithHostPort = function (err, syscall, address, port) {
    return withHostPort(syscall + ' ' + codeOf(err) + ': ' + sys.errnoMessage(err), err, syscall,
        address, port);
};
