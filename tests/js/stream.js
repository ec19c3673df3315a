// require('stream'): behaviour checks. The file passes under Node 20 as
// well (`node tests/js/stream.js`), which is how its expectations were
// checked; the order of events is compared with Node byte for byte by
// tests/differential/stream_events.js.
'use strict';

var check = require('./lib/check.js');
var stream = require('stream');
var Readable = stream.Readable;
var Writable = stream.Writable;
var Duplex = stream.Duplex;
var Transform = stream.Transform;
var PassThrough = stream.PassThrough;

// -- classes and defaults
check.equal(typeof stream, 'function', 'module is the Stream constructor');
check.equal(stream.Stream, stream, 'stream.Stream');
check.ok(new Readable() instanceof stream, 'Readable is a Stream');
check.ok(new Duplex() instanceof Writable, 'Duplex instanceof Writable');
check.ok(new Transform() instanceof Duplex, 'Transform instanceof Duplex');
check.ok(new PassThrough() instanceof Transform, 'PassThrough instanceof Transform');
check.ok(!(new Readable() instanceof Writable), 'Readable is not a Writable');
check.ok(Readable() instanceof Readable, 'Readable() without new');
check.equal(new Readable().readableHighWaterMark, 16384, 'default byte hwm');
check.equal(new Readable({ objectMode: true }).readableHighWaterMark, 16, 'default object hwm');
check.equal(new Writable({ highWaterMark: 5 }).writableHighWaterMark, 5, 'hwm option');
check.equal(new Duplex({ readableHighWaterMark: 3 }).readableHighWaterMark, 3, 'readableHighWaterMark');
check.equal(new Duplex({ writableObjectMode: true }).writableObjectMode, true, 'writableObjectMode');
check.equal(stream.getDefaultHighWaterMark(false), 16384, 'getDefaultHighWaterMark');
check.throws(function () { new Readable({ highWaterMark: -1 }); }, /options.highWaterMark/, 'bad hwm');
check.throws(function () { new Readable({ highWaterMark: 'x' }); }, /Received 'x'/, 'bad hwm type');
var fresh = new Readable();
check.equal(fresh.readable, true, 'readable');
check.equal(fresh.readableFlowing, null, 'readableFlowing starts null');
check.equal(fresh.destroyed, false, 'not destroyed');
check.equal(fresh.isPaused(), false, 'not paused');
fresh.pause();
check.equal(fresh.isPaused(), true, 'paused');
check.equal(fresh.readableFlowing, false, 'readableFlowing after pause');

// -- back-pressure: write() returns false at the mark, 'drain' follows
var pending = [];
var slow = new Writable({
    highWaterMark: 4,
    write: function (chunk, encoding, callback) { pending.push(callback); }
});
check.equal(slow.write('ab'), true, 'below the mark');
check.equal(slow.write('cd'), false, 'at the mark');
check.equal(slow.writableLength, 4, 'writableLength');
check.equal(slow.writableNeedDrain, true, 'writableNeedDrain');
check.equal(slow.write('ef'), false, 'above the mark');
slow.on('drain', check.expectCall('drain', function () {
    check.equal(slow.writableLength, 0, 'empty at drain');
}));
function completeWrites() {
    if (pending.length) {
        pending.shift()();
        setTimeout(completeWrites, 1);
    }
}
setTimeout(completeWrites, 1);

// -- object mode counts objects
var objects = new Writable({ objectMode: true, highWaterMark: 2, write: function () {} });
check.equal(objects.write({}), true, 'one object');
check.equal(objects.write('x'), false, 'two objects reach hwm 2');
check.throws(function () { objects.write(null); }, /May not write null values/, 'null write');

// -- write/end errors
var ended = new Writable({ write: function (c, e, cb) { cb(); } });
ended.on('error', check.expectCall('write after end error', function (error) {
    check.equal(error.code, 'ERR_STREAM_WRITE_AFTER_END', 'code');
}));
ended.end();
ended.write('x', check.expectCall('write after end callback', function (error) {
    check.equal(error.code, 'ERR_STREAM_WRITE_AFTER_END', 'callback error');
}));
check.throws(function () { new Writable().write(5); }, /"chunk" argument must be of type string/,
    'bad chunk');
check.throws(function () { new Writable().write('x', 'bogus'); }, /Unknown encoding: bogus/, 'encoding');

// -- Readable: push, read(n), encodings
var source = new Readable({ read: function () {} });
check.equal(source.push('abc'), true, 'push below mark');
source.push(Buffer.from('def'));
check.equal(source.readableLength, 6, 'readableLength');
check.equal(String(source.read(2)), 'ab', 'read(2)');
check.equal(String(source.read(10)), 'null', 'read(10) waits before the end');
source.push(null);
check.equal(String(source.read(10)), 'cdef', 'read(10) after the end takes the rest');
check.equal(source.read(), null, 'nothing left');
source.on('end', check.expectCall('end'));
var limited = new Readable({ highWaterMark: 2, read: function () {} });
check.equal(limited.push('abc'), false, 'push above the mark returns false');
var decoded = new Readable({ encoding: 'hex', read: function () {} });
decoded.push(Buffer.from([1, 255]));
check.equal(decoded.read(), '01ff', 'encoding option');
check.equal(decoded.readableEncoding, 'hex', 'readableEncoding');
var late = new Readable({ read: function () {} });
late.push('x');
late.setEncoding('base64');
check.equal(late.read(), null, 'base64 waits for a whole group');
late.push(null);
check.equal(late.read(), 'eA==', 'setEncoding converted what was buffered; the end flushes');
var front = new Readable({ read: function () {} });
front.push('b');
front.unshift('a');
check.equal(String(front.read()), 'ab', 'unshift puts in front');

// -- flowing data and Readable.from
var collected = [];
var fromArray = Readable.from(['x', 'y', 'z']);
check.equal(fromArray.readableObjectMode, true, 'from() is object mode');
fromArray.on('data', function (chunk) { collected.push(chunk); });
fromArray.on('end', check.expectCall('from end', function () {
    check.deepEqual(collected, ['x', 'y', 'z'], 'from values');
}));
var fromString = Readable.from('whole');
fromString.on('data', check.expectCall('from string', function (chunk) {
    check.equal(chunk, 'whole', 'one chunk');
}));

// -- pipe through a Transform with back-pressure on both sides
var counter = 0;
var numbers = new Readable({
    highWaterMark: 8,
    read: function () {
        counter++;
        this.push(counter <= 200 ? 'n' + counter + ';' : null);
    }
});
var upper = new Transform({
    highWaterMark: 8,
    transform: function (chunk, encoding, callback) { callback(null, String(chunk).toUpperCase()); }
});
var received = '';
var sink = new Writable({
    highWaterMark: 4,
    write: function (chunk, encoding, callback) {
        received += chunk;
        setTimeout(callback, 0);
    }
});
numbers.pipe(upper).pipe(sink);
sink.on('finish', check.expectCall('pipe finish', function () {
    check.equal(received.length, 'N1;'.length * 9 + 'N10;'.length * 90 + 'N100;'.length * 101,
        'everything arrived');
    check.equal(received.slice(0, 9), 'N1;N2;N3;', 'in order, transformed');
}));

// -- Transform flush, PassThrough
var flushed = new Transform({
    transform: function (chunk, encoding, callback) { callback(null, chunk); },
    flush: function (callback) { callback(null, '!'); }
});
var flushedText = '';
flushed.on('data', function (chunk) { flushedText += chunk; });
flushed.on('end', check.expectCall('flush end', function () {
    check.equal(flushedText, 'ab!', 'flush adds the last chunk');
}));
flushed.write('a');
flushed.end('b');
var pass = new PassThrough();
pass.end('through');
check.equal(String(pass.read()), 'through', 'PassThrough');

// -- cork/uncork with _writev
var batches = [];
var batching = new Writable({
    writev: function (chunks, callback) {
        batches.push(chunks.map(function (c) { return String(c.chunk); }).join('+'));
        callback();
    }
});
batching.cork();
batching.write('1');
batching.write('2');
check.equal(batching.writableCorked, 1, 'writableCorked');
batching.uncork();
check.deepEqual(batches, ['1+2'], 'uncork writes the batch at once');

// -- destroy
var doomed = new Readable({ read: function () {} });
doomed.on('error', check.expectCall('destroy error', function (error) {
    check.equal(error.message, 'gone', 'destroy error');
}));
doomed.on('close', check.expectCall('destroy close', function () {
    check.equal(doomed.destroyed, true, 'destroyed');
    check.equal(doomed.closed, true, 'closed');
}));
doomed.destroy(new Error('gone'));
check.equal(doomed.errored && doomed.errored.message, 'gone', 'errored');
check.equal(doomed.push('x'), false, 'push after destroy');
var custom = new Writable({
    destroy: check.expectCall('_destroy', function (error, callback) {
        check.equal(error, null, '_destroy without error gets null');
        callback();
    })
});
custom.destroy();
var writeDestroyed = new Writable({ write: function (c, e, cb) { cb(); } });
writeDestroyed.destroy();
writeDestroyed.on('error', function () {});
writeDestroyed.write('x', check.expectCall('write after destroy', function (error) {
    check.equal(error.code, 'ERR_STREAM_DESTROYED', 'write after destroy');
}));
var pushedLate = new Readable({ read: function () {} });
pushedLate.push(null);
pushedLate.on('error', check.expectCall('push after EOF', function (error) {
    check.equal(error.code, 'ERR_STREAM_PUSH_AFTER_EOF', 'push after EOF code');
}));
pushedLate.push('late');
var unimplemented = new Readable();
unimplemented.on('error', check.expectCall('no _read', function (error) {
    check.equal(error.code, 'ERR_METHOD_NOT_IMPLEMENTED', 'no _read');
}));
unimplemented.read();

// -- finished and pipeline
var finishedStream = new Writable({ write: function (c, e, cb) { cb(); } });
stream.finished(finishedStream, check.expectCall('finished', function (error) {
    check.equal(error, undefined, 'finished without error');
}));
finishedStream.end('x');
var premature = new Readable({ read: function () {} });
stream.finished(premature, check.expectCall('premature', function (error) {
    check.equal(error.code, 'ERR_STREAM_PREMATURE_CLOSE', 'premature close');
}));
premature.destroy();
var cleanup = stream.finished(new Readable(), function () { check.ok(false, 'cleaned up'); });
check.equal(typeof cleanup, 'function', 'finished returns a cleanup function');
cleanup();
var piped = [];
stream.pipeline(
    Readable.from(['p', 'q']),
    new Transform({ objectMode: true, transform: function (c, e, cb) { cb(null, c + c); } }),
    new Writable({ objectMode: true, write: function (c, e, cb) { piped.push(c); cb(); } }),
    check.expectCall('pipeline', function (error) {
        check.equal(error, undefined, 'pipeline succeeded');
        check.deepEqual(piped, ['pp', 'qq'], 'pipeline data');
    }));
var brokenSource = new Readable({ read: function () {} });
var brokenSink = new Writable({ write: function (c, e, cb) { cb(); } });
stream.pipeline(brokenSource, brokenSink, check.expectCall('pipeline error', function (error) {
    check.equal(error.message, 'source failed', 'pipeline passes the error');
    check.equal(brokenSink.destroyed, true, 'pipeline destroys the others');
}));
brokenSource.destroy(new Error('source failed'));
check.throws(function () { stream.pipeline(new Readable()); }, /must be of type function/, 'pipeline needs a callback');

// -- Duplex both sides, allowHalfOpen
var echo = new Duplex({
    read: function () {},
    write: function (chunk, encoding, callback) {
        this.push(chunk);
        callback();
    },
    final: function (callback) {
        this.push(null);
        callback();
    }
});
var echoed = '';
echo.on('data', function (chunk) { echoed += chunk; });
echo.on('end', check.expectCall('duplex end', function () {
    check.equal(echoed, 'pingpong', 'duplex echoes');
}));
echo.write('ping');
echo.end('pong');
var halfClosed = new Duplex({ readable: false, write: function (c, e, cb) { cb(); } });
check.equal(halfClosed.readable, false, 'readable: false');
check.equal(halfClosed.writable, true, 'still writable');
check.throws(function () { stream.addAbortSignal(); }, /not supported in unode|AbortSignal/,
    'addAbortSignal');
