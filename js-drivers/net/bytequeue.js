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
//
// A large chunk, once taken, is kept as a spare, and the next large push
// copies into it instead of a new array (a new 128 KiB one costs ~25,000
// instructions to allocate and zero, and is garbage to collect): a bulk
// sender's send buffer goes round the same few arrays. At most SPARES are
// kept, and none once the queue is empty, so an idle socket holds none.
var LARGE = 16384, SPARES = 2;
function ByteQueue() {
    this.chunks = [];   // Uint8Arrays; chunks[first] is read from `head`
    this.first = 0;
    this.head = 0;
    this.length = 0;
    this.spares = null;  // whole arrays of taken large chunks, the largest last
}

// Appends a copy of u8[offset, offset + n).
ByteQueue.prototype.push = function (u8, offset, n) {
    if (n <= 0)
        return;
    var spares = this.spares, copy;
    if (n >= LARGE && spares !== null && spares.length > 0 && spares[spares.length - 1].length >= n)
        copy = spares.pop().subarray(0, n);
    else
        copy = new Uint8Array(n);
    copy.set(offset === 0 && n === u8.length ? u8 : u8.subarray(offset, offset + n));
    this.chunks.push(copy);
    this.length += n;
};

// Keeps a taken chunk's array as a spare when it is large.
ByteQueue.prototype.spare = function (chunk) {
    var whole = chunk.byteLength === chunk.buffer.byteLength ? chunk : new Uint8Array(chunk.buffer);
    var spares = this.spares || (this.spares = []);
    if (spares.length === SPARES) {
        if (spares[0].length >= whole.length)
            return;
        spares.shift();  // the smallest goes
    }
    if (spares.length > 0 && spares[spares.length - 1].length > whole.length)
        spares.unshift(whole);
    else
        spares.push(whole);
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
        if (chunks[first].length >= LARGE)
            this.spare(chunks[first]);
        chunks[first++] = null;  // no longer kept alive by the queue
        this.head = 0;
    }
    if (first === chunks.length) {
        chunks.length = 0;
        first = 0;
        this.spares = null;
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
        this.spares = null;
        return got;
    }
    got = this.peek(0, dst, at, n);
    this.drop(got);
    return got;
};

module.exports = ByteQueue;
