// Linux x86_64 errno numbers (asm-generic/errno-base.h and errno.h). System
// calls return them negated; errnoName(-n or n) gives the symbolic name.
'use strict';

var names = [
    null, 'EPERM', 'ENOENT', 'ESRCH', 'EINTR', 'EIO', 'ENXIO', 'E2BIG', 'ENOEXEC',
    'EBADF', 'ECHILD', 'EAGAIN', 'ENOMEM', 'EACCES', 'EFAULT', 'ENOTBLK', 'EBUSY',
    'EEXIST', 'EXDEV', 'ENODEV', 'ENOTDIR', 'EISDIR', 'EINVAL', 'ENFILE', 'EMFILE',
    'ENOTTY', 'ETXTBSY', 'EFBIG', 'ENOSPC', 'ESPIPE', 'EROFS', 'EMLINK', 'EPIPE',
    'EDOM', 'ERANGE', 'EDEADLK', 'ENAMETOOLONG', 'ENOLCK', 'ENOSYS', 'ENOTEMPTY',
    'ELOOP', null, 'ENOMSG', 'EIDRM', 'ECHRNG', 'EL2NSYNC', 'EL3HLT', 'EL3RST',
    'ELNRNG', 'EUNATCH', 'ENOCSI', 'EL2HLT', 'EBADE', 'EBADR', 'EXFULL', 'ENOANO',
    'EBADRQC', 'EBADSLT', null, 'EBFONT', 'ENOSTR', 'ENODATA', 'ETIME', 'ENOSR',
    'ENONET', 'ENOPKG', 'EREMOTE', 'ENOLINK', 'EADV', 'ESRMNT', 'ECOMM', 'EPROTO',
    'EMULTIHOP', 'EDOTDOT', 'EBADMSG', 'EOVERFLOW', 'ENOTUNIQ', 'EBADFD', 'EREMCHG',
    'ELIBACC', 'ELIBBAD', 'ELIBSCN', 'ELIBMAX', 'ELIBEXEC', 'EILSEQ', 'ERESTART',
    'ESTRPIPE', 'EUSERS', 'ENOTSOCK', 'EDESTADDRREQ', 'EMSGSIZE', 'EPROTOTYPE',
    'ENOPROTOOPT', 'EPROTONOSUPPORT', 'ESOCKTNOSUPPORT', 'EOPNOTSUPP', 'EPFNOSUPPORT',
    'EAFNOSUPPORT', 'EADDRINUSE', 'EADDRNOTAVAIL', 'ENETDOWN', 'ENETUNREACH',
    'ENETRESET', 'ECONNABORTED', 'ECONNRESET', 'ENOBUFS', 'EISCONN', 'ENOTCONN',
    'ESHUTDOWN', 'ETOOMANYREFS', 'ETIMEDOUT', 'ECONNREFUSED', 'EHOSTDOWN',
    'EHOSTUNREACH', 'EALREADY', 'EINPROGRESS', 'ESTALE', 'EUCLEAN', 'ENOTNAM',
    'ENAVAIL', 'EISNAM', 'EREMOTEIO', 'EDQUOT', 'ENOMEDIUM', 'EMEDIUMTYPE',
    'ECANCELED', 'ENOKEY', 'EKEYEXPIRED', 'EKEYREVOKED', 'EKEYREJECTED',
    'EOWNERDEAD', 'ENOTRECOVERABLE', 'ERFKILL', 'EHWPOISON'
];

// The short descriptions Node prints in system errors (strerror's text).
var messages = {
    EPERM: 'operation not permitted', ENOENT: 'no such file or directory',
    ESRCH: 'no such process', EINTR: 'interrupted system call', EIO: 'i/o error',
    EBADF: 'bad file descriptor', EAGAIN: 'resource temporarily unavailable',
    ENOMEM: 'not enough memory', EACCES: 'permission denied', EFAULT: 'bad address in system call argument',
    EBUSY: 'resource busy or locked', EEXIST: 'file already exists', ENOTDIR: 'not a directory',
    EISDIR: 'illegal operation on a directory', EINVAL: 'invalid argument',
    EMFILE: 'too many open files', ENOTTY: 'inappropriate ioctl for device',
    ENOSPC: 'no space left on device', ESPIPE: 'invalid seek', EPIPE: 'broken pipe',
    ENOSYS: 'function not implemented', ENOTEMPTY: 'directory not empty',
    ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset by peer',
    EADDRINUSE: 'address already in use', ETIMEDOUT: 'connection timed out',
    ENOTCONN: 'socket is not connected', EAFNOSUPPORT: 'address family not supported',
    EROFS: 'read-only file system', EXDEV: 'cross-device link not permitted',
    ENAMETOOLONG: 'name too long', ELOOP: 'too many symbolic links encountered',
    ENXIO: 'no such device or address', ENODEV: 'no such device', EFBIG: 'file too large',
    EMLINK: 'too many links', ENFILE: 'file table overflow', ETXTBSY: 'text file is busy',
    EOPNOTSUPP: 'operation not supported on socket', EOVERFLOW: 'value too large for defined data type'
};

// name -> number, built on first use: a program that meets no error never
// needs it, and 130 property insertions are a measurable part of boot.
var numbers = null;
function numbersByName() {
    if (!numbers) {
        numbers = {};
        for (var i = 1; i < names.length; i++) {
            if (names[i])
                numbers[names[i]] = i;
        }
        numbers.EWOULDBLOCK = numbers.EAGAIN;
        numbers.EDEADLOCK = numbers.EDEADLK;
    }
    return numbers;
}

// errnoName(-2) and errnoName(2) are both 'ENOENT'; unknown numbers give
// 'E<n>' so a message never says undefined.
function errnoName(n) {
    n = n < 0 ? -n : n;
    return names[n] || 'E' + n;
}

function errnoMessage(n) {
    return messages[errnoName(n)] || 'unknown error';
}

exports.names = names;
Object.defineProperty(exports, 'numbers', { get: numbersByName, enumerable: true });
exports.errnoName = errnoName;
exports.errnoMessage = errnoMessage;
