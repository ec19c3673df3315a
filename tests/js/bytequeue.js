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
