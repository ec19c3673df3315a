'use strict';
// Stream piping: a Readable of 4 KiB chunks through a Transform into a
// Writable (back-pressure on each hop), 8 MiB in all, then object mode.
var stream = require('stream');
var report = console.log;
var chunk = Buffer.alloc(4096, 'x');
var chunks = 2048;
var start = Date.now();
var produced = 0;
var source = new stream.Readable({
    read: function () {
        produced++;
        this.push(produced <= chunks ? chunk : null);
    }
});
var through = new stream.Transform({
    transform: function (data, encoding, callback) { callback(null, data); }
});
var bytes = 0;
var sink = new stream.Writable({
    write: function (data, encoding, callback) {
        bytes += data.length;
        callback();
    }
});
stream.pipeline(source, through, sink, function (error) {
    if (error)
        throw error;
    var objects = 0;
    var items = [];
    for (var i = 0; i < 20000; i++)
        items.push({ n: i });
    var count = new stream.Writable({
        objectMode: true,
        write: function (item, encoding, callback) {
            objects += item.n & 1;
            callback();
        }
    });
    stream.pipeline(stream.Readable.from(items), new stream.PassThrough({ objectMode: true }), count,
        function (failure) {
            if (failure)
                throw failure;
            report('stream_pipe ' + (Date.now() - start) + ' ms check=' + (bytes + objects));
        });
});
