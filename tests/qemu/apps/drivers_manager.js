// The driver manager on bare metal (scenario qemu.drivers_manager), run with
// --with tests/qemu/drivers: a driver that throws in its IRQ handler is
// restarted with backoff and ends 'failed'; an endless loop in a handler is
// cut by the watchdog and handled the same way; a reload whose new version
// throws in start is rolled back; a consumer holding drivers.get(kind)[0]
// sees the new version after a reload, and its listeners follow.
var drivers = require('drivers');
var engine = require('native:engine');

function show(name) {
    var d = drivers.list().filter(function (x) { return x.name === name; })[0];
    console.log(name + ' state ' + d.state + ' device ' + d.device + ' restarts ' + d.restarts +
                ' lastError ' + d.lastError);
}
function wait(ms, then) { setTimeout(then, ms); }

var steps = [
    function (next) {
        console.log('require(drivers) list ' + Array.isArray(drivers.list()));
        drivers.load('/app/drivers/thrower.js');
        show('thrower');
        wait(2000, next);  // 4 restarts: 50 + 100 + 200 + 400 ms of backoff
    },
    function (next) {
        show('thrower');
        drivers.budgetMs = 200;
        var t0 = Date.now();
        drivers.load('/app/drivers/looper.js');
        console.log('looper loaded');
        wait(4000, function () {
            show('looper');
            console.log('alive after the looper ' + (Date.now() - t0 > 0));
            drivers.budgetMs = 1000;
            next();
        });
    },
    function (next) {
        var provided = [];
        drivers.whenProvided('clock', function (p) { provided.push(p.driver); });
        drivers.load('/js-drivers/examples/rtc.js');
        console.log('whenProvided ' + provided.join());
        show('rtc');
        var clock = drivers.get('clock')[0];
        var heldTicks = clock.ticks;  // a method kept: it follows the current version too
        var seconds = 0;
        clock.on('tick', function () { seconds++; });
        console.log('clock version ' + clock.version + ' time ' + /^\d\d:\d\d:\d\d$/.test(clock.time()));
        wait(1500, function () {
            var before = clock.ticks();
            console.log('ticking ' + (before > 50) + ' tick events ' + (seconds >= 1));
            var source = engine.readFile('/js-drivers/examples/rtc.js');
            var bad = source.replace("ctx.hal.io.claim(0x70, 2);",
                                     "ctx.hal.io.claim(0x70, 2); throw new Error('v2 broken');");
            var r = drivers.reload('rtc', bad);
            console.log('bad reload ok ' + r.ok + ' error ' + r.error);
            show('rtc');
            console.log('after rollback version ' + clock.version + ' ticks kept ' +
                        (clock.ticks() >= before));
            var good = source.replace('version: 1', 'version: 2');
            r = drivers.reload('rtc', good);
            console.log('good reload ok ' + r.ok + ' ms ' + (typeof r.ms));
            show('rtc');
            var seen = seconds;
            wait(1500, function () {
                console.log('after reload version ' + clock.version + ' ticks kept ' +
                            (clock.ticks() >= before) + ' listener follows ' + (seconds > seen) +
                            ' held method ' + (heldTicks() >= before));
                drivers.stop('rtc');
                show('rtc');
                var threw = false, heldThrew = false;
                try { clock.ticks(); } catch (e) { threw = e.message; }
                try { heldTicks(); } catch (e) { heldThrew = e.message; }
                console.log('stopped proxy throws ' + threw + '; held method ' + heldThrew);
                drivers.start('rtc');
                console.log('restarted version ' + clock.version + ' held method ' +
                            (heldTicks() >= 0));
                drivers.stop('rtc');
                next();
            });
        });
    },
    function () { console.log('done'); }
];

(function run(i) { steps[i](function () { run(i + 1); }); })(0);
