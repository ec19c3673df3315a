// The Linux errno numbers of the network services: core/errno.js's plus
// the socket ones (include/uapi/asm-generic/errno.h).
'use strict';

var core = require('../core/errno');

var E = {};
Object.keys(core).forEach(function (k) { E[k] = core[k]; });

var net = {
    EACCES: 13, EPIPE: 32, ENOTSOCK: 88, EDESTADDRREQ: 89, EMSGSIZE: 90, EPROTOTYPE: 91,
    ENOPROTOOPT: 92, EPROTONOSUPPORT: 93, ESOCKTNOSUPPORT: 94, EOPNOTSUPP: 95,
    EAFNOSUPPORT: 97, EADDRINUSE: 98, EADDRNOTAVAIL: 99, ENETUNREACH: 101,
    ECONNABORTED: 103, ECONNRESET: 104, ENOBUFS: 105, EISCONN: 106, ENOTCONN: 107,
    ETIMEDOUT: 110, ECONNREFUSED: 111, EHOSTUNREACH: 113, EALREADY: 114,
    EINPROGRESS: 115
};
Object.keys(net).forEach(function (k) { E[k] = net[k]; });

module.exports = E;
