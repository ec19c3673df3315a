// Linux errno numbers the services return (negated) from system calls.
'use strict';

module.exports = {
    EPERM: 1, ENOENT: 2, EINTR: 4, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12,
    EFAULT: 14, EBUSY: 16, EEXIST: 17, EXDEV: 18, ENOTDIR: 20, EISDIR: 21, EINVAL: 22,
    EMFILE: 24, ENOTTY: 25, EFBIG: 27, ENOSPC: 28, ESPIPE: 29, EROFS: 30, ERANGE: 34,
    ENAMETOOLONG: 36, ENOSYS: 38, ENOTEMPTY: 39, ENOTSUP: 95, ESTALE: 116
};
