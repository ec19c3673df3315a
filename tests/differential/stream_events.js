'use strict';
// stream: the order of events and callbacks against Node, for the common
// cases: flowing and paused reading, pipe with back-pressure, end/finish/
// close, errors and destroy, Transform, pipeline, finished, object mode.
// Each scenario runs after the previous one ended.
var stream = require('stream');
var Readable = stream.Readable;
var Writable = stream.Writable;
var Transform = stream.Transform;
var PassThrough = stream.PassThrough;

var log = [];
function L(text) { log.push(text); }
function on(emitter, name, events) {
    events.forEach(function (event) {
        emitter.on(event, function (arg) {
            var shown = arg === undefined ? '' : ' ' + (arg instanceof Error ? arg.code || arg.message :
                typeof arg === 'object' && arg !== null && !Buffer.isBuffer(arg) ? '[obj]' : String(arg));
            L(name + ' ' + event + shown);
        });
    });
}

// Each scenario ends when its last event has come (no timing guesses),
// plus a timer turn so that nothing it scheduled is left.
function after(count, done) {
    return function () {
        if (--count === 0)
            setTimeout(done, 0);
    };
}

var scenarios = [];
function scenario(name, fn) { scenarios.push({ name: name, fn: fn }); }

scenario('flowing', function (done) {
    var r = new Readable({ read: function () {} });
    on(r, 'r', ['data', 'end', 'close', 'pause', 'resume']);
    r.push('a');
    r.push('b');
    r.push(null);
    L('sync done');
    r.on('close', after(1, done));
});

scenario('paused read()', function (done) {
    var chunks = ['one', 'two', 'three'];
    var r = new Readable({
        highWaterMark: 4,
        read: function () {
            var chunk = chunks.shift();
            L('_read ' + (chunk || 'EOF'));
            this.push(chunk === undefined ? null : chunk);
        }
    });
    on(r, 'r', ['end', 'close']);
    r.on('readable', function () {
        L('readable');
        var chunk;
        while ((chunk = r.read()) !== null)
            L('read ' + chunk);
    });
    r.on('close', after(1, done));
});

scenario('read(n) and setEncoding', function (done) {
    var r = new Readable({ read: function () {} });
    r.setEncoding('utf8');
    r.push(Buffer.from([0xe2, 0x82]));
    r.push(Buffer.from([0xac, 0x41, 0x42, 0x43]));
    r.push(null);
    r.once('readable', function () {
        L('read2 ' + r.read(2));
        L('read1 ' + r.read(1));
        L('readall ' + r.read());
        L('again ' + r.read());
    });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
});

scenario('unshift', function (done) {
    var r = new Readable({ read: function () {} });
    r.push('world');
    r.unshift('hello ');
    r.push(null);
    r.on('data', function (d) { L('data ' + d); });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
});

scenario('writable back-pressure', function (done) {
    var w = new Writable({
        highWaterMark: 3,
        write: function (chunk, encoding, callback) {
            L('_write ' + chunk);
            setTimeout(callback, 1);
        }
    });
    on(w, 'w', ['drain', 'finish', 'close', 'prefinish']);
    L('write a ' + w.write('a', function () { L('cb a'); }));
    L('write bb ' + w.write('bb', function () { L('cb bb'); }));
    L('write c ' + w.write('c', function () { L('cb c'); }));
    L('needDrain ' + w.writableNeedDrain + ' length ' + w.writableLength);
    w.end('z', function () { L('end cb'); });
    L('ended ' + w.writableEnded + ' finished ' + w.writableFinished);
    w.on('close', after(1, done));
});

scenario('sync writes and writev with cork', function (done) {
    var w = new Writable({
        write: function (chunk, encoding, callback) { L('_write ' + chunk); callback(); },
        writev: function (chunks, callback) {
            L('_writev ' + chunks.map(function (c) { return String(c.chunk); }).join(','));
            callback();
        },
        final: function (callback) { L('_final'); callback(); }
    });
    on(w, 'w', ['finish', 'close', 'prefinish']);
    w.write('1', function () { L('cb 1'); });
    w.cork();
    w.write('2');
    w.write('3', function () { L('cb 3'); });
    L('corked ' + w.writableCorked);
    process.nextTick(function () {
        w.uncork();
        w.end();
    });
    w.on('close', after(1, done));
});

scenario('pipe with back-pressure', function (done) {
    var n = 0;
    var r = new Readable({
        highWaterMark: 2,
        read: function () {
            n++;
            this.push(n <= 4 ? 'x' + n : null);
        }
    });
    var w = new Writable({
        highWaterMark: 2,
        write: function (chunk, encoding, callback) {
            L('_write ' + chunk);
            setTimeout(callback, 1);
        }
    });
    on(r, 'r', ['end', 'close', 'pause', 'resume']);
    on(w, 'w', ['pipe', 'unpipe', 'drain', 'finish', 'close']);
    r.pipe(w);
    w.on('close', after(1, done));
});

scenario('transform and flush', function (done) {
    var t = new Transform({
        transform: function (chunk, encoding, callback) {
            L('_transform ' + chunk);
            callback(null, String(chunk).toUpperCase());
        },
        flush: function (callback) {
            L('_flush');
            this.push('!');
            callback();
        }
    });
    on(t, 't', ['data', 'end', 'finish', 'close', 'prefinish']);
    t.write('ab');
    t.end('cd');
    t.on('close', after(1, done));
});

scenario('passthrough object mode', function (done) {
    var p = new PassThrough({ objectMode: true });
    p.on('data', function (d) { L('data ' + JSON.stringify(d)); });
    on(p, 'p', ['end', 'finish']);
    p.write({ a: 1 });
    p.write([1, 2]);
    p.write(0);
    p.end('last');
    L('objectMode ' + p.readableObjectMode + ' ' + p.writableObjectMode + ' hwm ' +
        p.readableHighWaterMark);
    p.on('close', after(1, done));
});

scenario('errors', function (done) {
    var w = new Writable({ write: function (c, e, cb) { cb(); } });
    on(w, 'w', ['error', 'finish', 'close']);
    w.end();
    w.write('late', function (error) { L('late cb ' + (error && error.code)); });
    var r = new Readable({ read: function () {} });
    on(r, 'r', ['error', 'end', 'close']);
    r.push(null);
    r.push('more');
    var bad = new Writable({ write: function (c, e, cb) { cb(new Error('write failed')); } });
    on(bad, 'bad', ['error', 'finish', 'close']);
    bad.write('x', function (error) { L('bad cb ' + (error && error.message)); });
    try {
        new Writable().write(null);
    } catch (e) {
        L('throws ' + e.code + ' ' + e.message);
    }
    try {
        new Writable().write(5);
    } catch (e) {
        L('throws ' + e.code);
    }
    var noimpl = new Readable();
    on(noimpl, 'noimpl', ['error', 'close']);
    noimpl.read();
    var last = after(4, done);
    [w, r, bad, noimpl].forEach(function (s) { s.on('close', last); });
});

scenario('destroy', function (done) {
    var r = new Readable({ read: function () {} });
    on(r, 'r', ['error', 'close', 'end']);
    r.destroy(new Error('boom'));
    L('destroyed ' + r.destroyed + ' errored ' + (r.errored && r.errored.message));
    r.destroy(new Error('second'));
    var w = new Writable({
        write: function (c, e, cb) { setTimeout(cb, 1); },
        destroy: function (error, callback) { L('_destroy ' + error); callback(error); }
    });
    on(w, 'w', ['error', 'close', 'finish']);
    var wroteA = null;
    w.write('a', function (error) {
        L('w cb a ' + (error && error.code));
        wroteA();
    });
    w.write('b', function (error) { L('w cb b ' + (error && error.code)); });
    w.destroy();
    w.write('c', function (error) { L('w cb c ' + (error && error.code)); });
    var quiet = new Readable({ read: function () {}, emitClose: false });
    on(quiet, 'quiet', ['close']);
    quiet.destroy();
    var last = after(3, done);
    r.on('close', last);
    w.on('close', last);
    wroteA = last;
});

scenario('finished', function (done) {
    var finishedCount = null;
    var r = new Readable({ read: function () {} });
    stream.finished(r, function (error) { L('finished r ' + (error && error.code)); finishedCount(); });
    r.resume();
    r.push('x');
    r.push(null);
    var w = new Writable({ write: function (c, e, cb) { cb(); } });
    stream.finished(w, function (error) { L('finished w ' + (error && error.code)); finishedCount(); });
    w.end('y');
    var early = new Readable({ read: function () {} });
    stream.finished(early, function (error) { L('finished early ' + (error && error.code)); finishedCount(); });
    early.destroy();
    finishedCount = after(3, done);
});

scenario('pipeline', function (done) {
    var source = Readable.from(['a', 'b', 'c']);
    var upper = new Transform({
        objectMode: true,
        transform: function (chunk, encoding, callback) { callback(null, chunk.toUpperCase()); }
    });
    var out = [];
    var sink = new Writable({
        objectMode: true,
        write: function (chunk, encoding, callback) { out.push(chunk); callback(); }
    });
    stream.pipeline(source, upper, sink, function (error) {
        L('pipeline ok ' + error + ' ' + out.join(''));
        var failing = new Transform({
            transform: function (chunk, encoding, callback) { callback(new Error('bad chunk')); }
        });
        var src = new Readable({ read: function () {} });
        var dst = new Writable({ write: function (c, e, cb) { cb(); } });
        on(dst, 'dst', ['close']);
        var pipelineDone = null;
        stream.pipeline(src, failing, dst, function (failure) {
            L('pipeline failed ' + (failure && failure.message) + ' src destroyed ' + src.destroyed);
            pipelineDone();
        });
        src.push('x');
        pipelineDone = after(2, done);
        dst.on('close', pipelineDone);
    });
});

scenario('readable from and async push', function (done) {
    var i = 0;
    var r = new Readable({
        read: function () {
            var self = this;
            setTimeout(function () {
                i++;
                self.push(i <= 3 ? String(i) : null);
            }, 1);
        }
    });
    var got = [];
    r.on('data', function (d) { got.push(String(d)); });
    r.on('end', function () { L('async end ' + got.join(',')); });
    r.on('close', after(1, done));
});

scenario('duplex half open', function (done) {
    var d = new stream.Duplex({
        allowHalfOpen: false,
        read: function () {},
        write: function (c, e, cb) { L('_write ' + c); cb(); }
    });
    on(d, 'd', ['end', 'finish', 'close']);
    d.resume();
    d.push(null);
    L('writable ' + d.writable + ' readable ' + d.readable);
    d.on('close', after(1, done));
});

function next(i) {
    if (i >= scenarios.length)
        return;
    log = [];
    scenarios[i].fn(function () {
        console.log('== ' + scenarios[i].name);
        console.log(log.join('\n'));
        next(i + 1);
    });
}
next(0);
