// A FIFO of bytes kept as a list of chunks: socket send and receive
// buffers. TCP's send buffer also reads bytes at an offset without taking
// them (what is in flight stays until it is acknowledged).
'use strict';

function ByteQueue() {
    this.chunks = [];   // Uint8Arrays, the first one read from `head`
    this.head = 0;
    this.length = 0;
}

// Appends a copy of u8[offset, offset + n).
ByteQueue.prototype.push = function (u8, offset, n) {
    if (n <= 0)
        return;
    var copy = new Uint8Array(n);
    copy.set(u8.subarray(offset, offset + n));
    this.chunks.push(copy);
    this.length += n;
};

// Copies up to n bytes starting `skip` bytes in into dst[at...]; returns
// how many were copied. Nothing is removed.
ByteQueue.prototype.peek = function (skip, dst, at, n) {
    var copied = 0;
    var pos = -this.head;
    for (var i = 0; i < this.chunks.length && copied < n; i++) {
        var c = this.chunks[i];
        var start = pos, end = pos + c.length;
        pos = end;
        if (end <= skip)
            continue;
        var from = Math.max(skip + copied, start) - start;
        var take = Math.min(c.length - from, n - copied);
        dst.set(c.subarray(from, from + take), at + copied);
        copied += take;
    }
    return copied;
};

// Removes n bytes from the front.
ByteQueue.prototype.drop = function (n) {
    n = Math.min(n, this.length);
    this.length -= n;
    while (n > 0) {
        var c = this.chunks[0];
        var left = c.length - this.head;
        if (n < left) {
            this.head += n;
            return;
        }
        n -= left;
        this.chunks.shift();
        this.head = 0;
    }
};

// Takes up to n bytes into dst[at...]; returns how many.
ByteQueue.prototype.read = function (dst, at, n) {
    var got = this.peek(0, dst, at, n);
    this.drop(got);
    return got;
};

module.exports = ByteQueue;
