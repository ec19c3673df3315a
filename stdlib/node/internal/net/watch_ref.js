// ref()/unref() for the socket objects (net.Socket, net.Server,
// dgram.Socket): whether the fd they watch keeps the event loop alive. The
// choice is kept in _refed and applied to the fd (_fd) once there is one.
'use strict';

var loop = require('../loop.js');

exports.install = function (prototype) {
    prototype.ref = function () {
        this._refed = true;
        if (this._fd >= 0)
            loop.setWatchRef(this._fd, true);
        return this;
    };
    prototype.unref = function () {
        this._refed = false;
        if (this._fd >= 0)
            loop.setWatchRef(this._fd, false);
        return this;
    };
};
