// A FIFO of bytes kept as a list of chunks: socket send and receive
// buffers. TCP's send buffer also reads bytes at an offset without taking
// them (what is in flight stays until it is acknowledged).
//
// Every byte a socket moves passes here, so the methods avoid calls that
// cost Duktape a built-in each (Math.min/max, a subarray of a whole
// chunk): a keep-alive http request makes about six of these operations.
'use strict';

// Taken chunks are not shifted off the array (Array#shift is a built-in
// call that moves every element): `first` steps past them, and the array
// is emptied when everything has been taken, or cut when many have.
function ByteQueue() {
    this.chunks = [];   // Uint8Arrays; chunks[first] is read from `head`
    this.first = 0;
    this.head = 0;
    this.length = 0;
}

// Appends a copy of u8[offset, offset + n).
ByteQueue.prototype.push = function (u8, offset, n) {
    if (n <= 0)
        return;
    var copy = new Uint8Array(n);
    copy.set(offset === 0 && n === u8.length ? u8 : u8.subarray(offset, offset + n));
    this.chunks.push(copy);
    this.length += n;
};

// Copies up to n bytes starting `skip` bytes in into dst[at...]; returns
// how many were copied. Nothing is removed.
ByteQueue.prototype.peek = function (skip, dst, at, n) {
    var chunks = this.chunks, copied = 0;
    var pos = -this.head;
    for (var i = this.first; i < chunks.length && copied < n; i++) {
        var c = chunks[i], length = c.length;
        var start = pos, end = pos + length;
        pos = end;
        if (end <= skip)
            continue;
        var from = skip + copied > start ? skip + copied - start : 0;
        var take = length - from < n - copied ? length - from : n - copied;
        dst.set(from === 0 && take === length ? c : c.subarray(from, from + take), at + copied);
        copied += take;
    }
    return copied;
};

// n bytes starting `skip` bytes in, not copied yet: {queue, offset,
// length}, which tcp_segment.build copies straight into the segment it
// makes (one 64 KiB copy, and the zeroing of a buffer for it, fewer per
// TSO segment). Valid until the queue changes.
ByteQueue.prototype.slice = function (skip, n) {
    return { queue: this, offset: skip, length: n };
};

// Removes n bytes from the front.
ByteQueue.prototype.drop = function (n) {
    if (n > this.length)
        n = this.length;
    this.length -= n;
    var chunks = this.chunks, first = this.first;
    while (n > 0) {
        var left = chunks[first].length - this.head;
        if (n < left) {
            this.head += n;
            break;
        }
        n -= left;
        chunks[first++] = null;  // no longer kept alive by the queue
        this.head = 0;
    }
    if (first === chunks.length) {
        chunks.length = 0;
        first = 0;
    } else if (first >= 64) {
        this.chunks = chunks.slice(first);
        first = 0;
    }
    this.first = first;
};

// Takes up to n bytes into dst[at...]; returns how many.
ByteQueue.prototype.read = function (dst, at, n) {
    var chunks = this.chunks, got;
    if (chunks.length - this.first === 1 && n >= this.length) {
        // All of one chunk, a socket's usual read: no peek/drop calls.
        var c = chunks[this.first];
        got = this.length;
        dst.set(this.head === 0 ? c : c.subarray(this.head), at);
        chunks.length = 0;
        this.first = 0;
        this.head = 0;
        this.length = 0;
        return got;
    }
    got = this.peek(0, dst, at, n);
    this.drop(got);
    return got;
};

module.exports = ByteQueue;
