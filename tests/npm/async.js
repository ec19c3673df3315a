// async@1.5.2: control flow over callbacks and the event loop.
var async = require('async');
var log = [];
async.series([
    function (cb) { setTimeout(function () { log.push('one'); cb(null, 1); }, 5); },
    function (cb) { setImmediate(function () { log.push('two'); cb(null, 2); }); },
    function (cb) { process.nextTick(function () { log.push('three'); cb(null, 3); }); }
], function (err, results) {
    console.log('series', err, results, log);
    async.parallel({
        a: function (cb) { setTimeout(cb, 3, null, 'A'); },
        b: function (cb) { cb(null, 'B'); }
    }, function (err2, results2) {
        console.log('parallel', err2, results2);
        async.mapLimit([1, 2, 3, 4, 5], 2, function (x, cb) {
            setTimeout(function () { cb(null, x * x); }, 6 - x);
        }, function (err3, squares) {
            console.log('mapLimit', err3, squares);
            async.waterfall([
                function (cb) { cb(null, 'start'); },
                function (v, cb) { cb(null, v + ' -> middle'); },
                function (v, cb) { cb(new Error('stopped at ' + v)); },
                function (v, cb) { cb(null, 'never'); }
            ], function (err4, result) {
                console.log('waterfall', err4.message, result);
                var q = async.queue(function (task, cb) {
                    console.log('queue', task.n);
                    setTimeout(cb, 1);
                }, 1);
                q.drain = function () { console.log('queue drained'); };
                q.push([{ n: 1 }, { n: 2 }, { n: 3 }]);
            });
        });
    });
});
async.retry(3, function (cb, results) {
    cb(new Error('always fails'));
}, function (err) { console.log('retry', err.message); });
