// Linux errno numbers the services return (negated) from system calls.
'use strict';

module.exports = {
    EPERM: 1, ENOENT: 2, EINTR: 4, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12,
    EFAULT: 14, EEXIST: 17, ENOTDIR: 20, EINVAL: 22, EMFILE: 24, ENOTTY: 25,
    ENOSPC: 28, ESPIPE: 29, ERANGE: 34, ENOSYS: 38, ENOTSUP: 95
};
