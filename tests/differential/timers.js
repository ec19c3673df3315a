// Timers' order: nextTick, then timers by deadline, immediates after I/O.
// The timer that schedules more work (20 ms) is 230 ms from the next one,
// so a busy machine's stall (a loaded emulator, or node on a loaded CI
// host) cannot make both due in the same pass (which would legitimately
// print 'timeout 250' before the immediate, in Node too).
console.log('sync start');
setTimeout(function () { console.log('timeout 250'); }, 250);
setTimeout(function () { console.log('timeout 10 a'); }, 10);
setTimeout(function () { console.log('timeout 10 b'); }, 10);
setTimeout(function () {
    console.log('timeout 20');
    setImmediate(function () { console.log('immediate from timeout 20'); });
    setTimeout(function () { console.log('timeout 0 from timeout 20'); }, 0);
    process.nextTick(function () { console.log('tick from timeout 20'); });
}, 20);
process.nextTick(function () {
    console.log('tick 1');
    process.nextTick(function () { console.log('tick from tick 1'); });
});
process.nextTick(function () { console.log('tick 2'); });
var n = 0;
var interval = setInterval(function () {
    n++;
    console.log('interval', n);
    if (n === 3)
        clearInterval(interval);
}, 400);
var cancelled = setTimeout(function () { console.log('never'); }, 5);
clearTimeout(cancelled);
setTimeout(function (a, b) { console.log('args', a, b); }, 270, 'x', 'y');
console.log('sync end');
