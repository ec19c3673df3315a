// js-drivers/net/bytequeue.js, the sockets' send and receive buffers,
// against a plain array of the same bytes: random pushes (parts of
// buffers), peeks at random offsets, drops and reads.
'use strict';

var check = require('./lib/check.js');
var ByteQueue = require('../../js-drivers/net/bytequeue.js');

var random = require('./lib/random.js').seeded(99);

var q = new ByteQueue();
var model = [];
var next = 0, mismatches = 0, steps = 4000;
for (var step = 0; step < steps; step++) {
    var op = random(4);
    if (op === 0) {
        var size = 1 + random(40), offset = random(size), n = random(size - offset + 1);
        var src = new Uint8Array(size);
        for (var i = 0; i < size; i++)
            src[i] = (next + i) & 0xff;
        next += size;
        q.push(src, offset, n);
        for (i = 0; i < n; i++)
            model.push(src[offset + i]);
        src[offset] = 0xee;  // the queue keeps a copy
    } else if (op === 1) {
        var skip = random(model.length + 3), want = random(50), at = random(4);
        var dst = new Uint8Array(at + want);
        var got = q.peek(skip, dst, at, want);
        var expected = Math.max(0, Math.min(want, model.length - skip));
        if (got !== expected)
            mismatches++;
        for (i = 0; i < got; i++) {
            if (dst[at + i] !== model[skip + i])
                mismatches++;
        }
    } else if (op === 2) {
        var drop = random(30);
        q.drop(drop);
        model.splice(0, drop);
    } else {
        var out = new Uint8Array(random(30));
        var read = q.read(out, 0, out.length);
        if (read !== Math.min(out.length, model.length))
            mismatches++;
        for (i = 0; i < read; i++) {
            if (out[i] !== model[i])
                mismatches++;
        }
        model.splice(0, read);
    }
    if (q.length !== model.length)
        mismatches++;
}
check.equal(mismatches, 0, steps + ' random pushes, peeks, drops and reads agree with an array');
check.ok(next > 10000, 'bytes went through (' + next + ')');

// Chunks taken one at a time while others wait: the queue steps past them
// and cuts them off the array from time to time; the bytes stay right.
(function manyChunks() {
    var big = new ByteQueue(), expect = [], k, bad = 0;
    for (k = 0; k < 300; k++) {
        big.push(new Uint8Array([k & 255, (k * 3) & 255, 7]), 0, 3);
        expect.push(k & 255, (k * 3) & 255, 7);
    }
    for (k = 0; k < 290; k++) {
        big.drop(k % 2 ? 3 : 2);  // whole chunks and parts of them
        expect.splice(0, k % 2 ? 3 : 2);
        var now = new Uint8Array(expect.length);
        if (big.peek(0, now, 0, now.length) !== expect.length)
            bad++;
        for (var i = 0; i < now.length; i++)
            bad += now[i] !== expect[i] ? 1 : 0;
    }
    check.equal(bad, 0, 'peeks agree while chunks are taken one by one');
    check.ok(big.chunks.length - big.first < 300 - 64 && big.chunks.length < 300,
        'taken chunks were cut off the array (' + big.chunks.length + ' kept)');
    var rest = new Uint8Array(1000);
    var n = big.read(rest, 0, rest.length);
    check.equal(n, expect.length, 'the rest read at once');
    check.equal(Array.prototype.slice.call(rest, 0, n).join(), expect.join(), 'the rest intact');
    check.equal(big.length + big.chunks.length, 0, 'empty after the last read');
})();

// Large chunks, once taken, are kept as spares that later large pushes
// copy into (a bulk sender's send buffer): the same arrays come round, the
// bytes stay right, at most two are kept, and none once the queue is empty.
(function spares() {
    var q = new ByteQueue(), sent = 0, taken = 0, bad = 0, arrays = [];
    function block(n, from) {
        var b = new Uint8Array(n);
        for (var i = 0; i < n; i++)
            b[i] = (from + i) * 7 & 255;
        return b;
    }
    for (var round = 0; round < 40; round++) {
        var n = 20000 + (round * 7919) % 100000;  // large, of changing sizes
        q.push(block(n, sent), 0, n);
        var chunk = q.chunks[q.chunks.length - 1];
        if (arrays.indexOf(chunk.buffer) < 0)
            arrays.push(chunk.buffer);
        sent += n;
        while (q.length > 150000) {  // take some, as the peer acknowledges
            var part = new Uint8Array(30000);
            var got = q.peek(0, part, 0, part.length);
            for (var i = 0; i < got; i++)
                bad += part[i] !== ((taken + i) * 7 & 255) ? 1 : 0;
            q.drop(got);
            taken += got;
        }
        check.ok(q.spares === null || q.spares.length <= 2, 'at most two spares');
    }
    check.equal(bad, 0, 'the bytes through spare arrays are right');
    check.ok(arrays.length < 20, '40 large pushes used ' + arrays.length + ' arrays');
    q.drop(q.length);
    check.equal(q.spares, null, 'no spares once the queue is empty');
})();
