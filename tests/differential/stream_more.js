'use strict';
// stream, less common paths against Node: 'readable' and 'data' together,
// pause/resume inside 'data', unpipe, two destinations, highWaterMark 0,
// read(0), empty pushes, multi-byte characters across chunks in flowing
// mode, _construct, writev callbacks, errors in _transform and _final,
// end() callbacks, object-mode strings.
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
function after(count, done) {
    return function () {
        if (--count === 0)
            setTimeout(done, 0);
    };
}
var scenarios = [];
function scenario(name, fn) { scenarios.push({ name: name, fn: fn }); }

scenario('readable and data together', function (done) {
    var r = new Readable({ read: function () {} });
    r.on('readable', function () {
        L('readable, read -> ' + r.read());
    });
    r.on('data', function (d) { L('data ' + d); });
    on(r, 'r', ['end', 'close']);
    r.on('close', after(1, done));
    r.push('a');
    r.push('b');
    setTimeout(function () { r.push('c'); r.push(null); }, 1);
});

scenario('pause and resume inside data', function (done) {
    var r = new Readable({ read: function () {} });
    r.on('data', function (d) {
        L('data ' + d);
        if (String(d) === 'b') {
            r.pause();
            L('paused ' + r.isPaused());
            setTimeout(function () { L('resume'); r.resume(); }, 2);
        }
    });
    on(r, 'r', ['pause', 'resume', 'end', 'close']);
    r.on('close', after(1, done));
    ['a', 'b', 'c', 'd'].forEach(function (x) { r.push(x); });
    r.push(null);
});

scenario('unpipe and two destinations', function (done) {
    var r = new PassThrough();
    var got1 = [];
    var got2 = [];
    var w1 = new Writable({ write: function (c, e, cb) { got1.push(String(c)); cb(); } });
    var w2 = new Writable({ write: function (c, e, cb) { got2.push(String(c)); cb(); } });
    on(w1, 'w1', ['pipe', 'unpipe', 'finish']);
    on(w2, 'w2', ['pipe', 'unpipe', 'finish']);
    r.pipe(w1);
    r.pipe(w2);
    r.write('one');
    setTimeout(function () {
        r.unpipe(w1);
        r.write('two');
        r.end('three');
    }, 1);
    w2.on('finish', function () {
        setTimeout(function () {
            L('w1 got ' + got1.join(',') + ' w2 got ' + got2.join(',') + ' w1 ended ' + w1.writableEnded);
            done();
        }, 1);
    });
});

scenario('highWaterMark 0 and read(0)', function (done) {
    var calls = 0;
    var r = new Readable({
        highWaterMark: 0,
        read: function () {
            calls++;
            L('_read ' + calls);
            if (calls <= 2)
                this.push('x' + calls);
            else
                this.push(null);
        }
    });
    L('read(0) -> ' + r.read(0));
    r.on('data', function (d) { L('data ' + d); });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
});

scenario('empty pushes', function (done) {
    var r = new Readable({ read: function () {} });
    L('push empty string ' + r.push(''));
    L('push empty buffer ' + r.push(Buffer.alloc(0)));
    L('length ' + r.readableLength);
    r.on('data', function (d) { L('data ' + d); });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
    r.push('z');
    r.push(null);
});

scenario('multi-byte across chunks, flowing', function (done) {
    var r = new Readable({ read: function () {}, encoding: 'utf8' });
    r.on('data', function (d) { L('data ' + JSON.stringify(d) + ' ' + d.length); });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
    var bytes = Buffer.from('\u20ac\u00e9x');
    for (var i = 0; i < bytes.length; i++)
        r.push(bytes.subarray(i, i + 1));
    r.push(Buffer.from([0xe2]));
    r.push(null);
});

scenario('construct', function (done) {
    var w = new Writable({
        construct: function (callback) {
            L('_construct');
            setTimeout(function () { L('constructed'); callback(); }, 2);
        },
        write: function (c, e, cb) { L('_write ' + c); cb(); },
        final: function (cb) { L('_final'); cb(); }
    });
    on(w, 'w', ['finish', 'close']);
    w.on('close', after(1, done));
    L('write ' + w.write('early'));
    w.end('late');
    L('sync end');
});

scenario('construct then read', function (done) {
    var pushed = 0;
    var r = new Readable({
        highWaterMark: 4,
        construct: function (callback) {
            L('_construct');
            setTimeout(function () { L('constructed'); callback(); }, 2);
        },
        read: function () {
            L('_read ' + pushed);
            this.push(pushed < 3 ? 'ab' + pushed++ : null);
        }
    });
    on(r, 'r', ['end', 'close']);
    r.on('close', after(1, done));
    L('read before construct ' + r.read());
    r.on('data', function (chunk) { L('data ' + chunk); });
});

scenario('construct failing', function (done) {
    var r = new Readable({
        construct: function (callback) { callback(new Error('no resource')); },
        read: function () { L('_read'); }
    });
    on(r, 'r', ['error', 'close']);
    r.on('close', after(1, done));
    r.resume();
});

scenario('writev callbacks', function (done) {
    var w = new Writable({
        writev: function (chunks, callback) {
            L('_writev ' + chunks.length + ' allBuffers ' + chunks.allBuffers);
            setTimeout(callback, 1);
        },
        decodeStrings: false
    });
    on(w, 'w', ['drain', 'finish', 'close']);
    w.on('close', after(1, done));
    w.write('a', function () { L('cb a'); });
    w.write('b', function () { L('cb b'); });
    w.write(Buffer.from('c'), function () { L('cb c'); });
    w.end(function () { L('end cb'); });
});

scenario('error in _transform', function (done) {
    var t = new Transform({
        transform: function (chunk, encoding, callback) {
            if (String(chunk) === 'bad')
                callback(new Error('cannot'));
            else
                callback(null, chunk);
        }
    });
    on(t, 't', ['data', 'error', 'close', 'end', 'finish']);
    t.on('close', after(1, done));
    t.write('good');
    t.write('bad', function (error) { L('write cb ' + (error && error.message)); });
    t.write('after', function (error) { L('after cb ' + (error && error.code)); });
});

scenario('error in _final', function (done) {
    var w = new Writable({
        write: function (c, e, cb) { cb(); },
        final: function (callback) { setTimeout(function () { callback(new Error('final failed')); }, 1); }
    });
    on(w, 'w', ['error', 'finish', 'close', 'prefinish']);
    w.on('close', after(1, done));
    w.end('x', function (error) { L('end cb ' + (error && error.message)); });
});

scenario('end twice and write after destroy', function (done) {
    var w = new Writable({ write: function (c, e, cb) { cb(); } });
    on(w, 'w', ['error', 'finish', 'close']);
    w.on('close', after(1, done));
    w.end(function (error) { L('first end cb ' + error); });
    w.end(function (error) { L('second end cb ' + (error && error.code)); });
});

scenario('object mode strings and unshift', function (done) {
    var r = new Readable({ objectMode: true, read: function () {} });
    r.push('s1');
    r.push(42);
    r.push({ k: 1 });
    r.unshift('first');
    L('length ' + r.readableLength);
    L('read ' + r.read() + ' ' + r.read() + ' ' + r.read());
    r.push(null);
    r.on('data', function (d) { L('data ' + JSON.stringify(d)); });
    on(r, 'r', ['end']);
    r.on('close', after(1, done));
});

scenario('autoDestroy false', function (done) {
    var r = new Readable({ autoDestroy: false, read: function () {} });
    on(r, 'r', ['end', 'close', 'error']);
    r.resume();
    r.push(null);
    setTimeout(function () {
        L('destroyed after end ' + r.destroyed);
        r.destroy();
        r.on('close', after(1, done));
    }, 1);
});

scenario('finished with options', function (done) {
    var t = new PassThrough();
    var finish = after(2, done);
    stream.finished(t, { readable: false }, function (error) { L('writable side done ' + error); finish(); });
    stream.finished(t, function (error) { L('both sides done ' + error); finish(); });
    t.end('x');
    setTimeout(function () { t.resume(); }, 1);
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
