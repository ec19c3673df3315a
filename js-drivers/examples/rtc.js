// "Your first driver" (docs/drivers.md): the CMOS real-time clock. It claims
// the CMOS index/data ports 0x70-0x71 and IRQ 8, turns on the RTC's periodic
// interrupt at 64 Hz and provides a 'clock' interface: ticks(), time()
// (the RTC's hh:mm:ss) and on('tick', fn) called every 64 ticks (1 s).
// The tick count survives a reload through the handover.
'use strict';

var RATE = 10;                 // 32768 >> (RATE - 1) = 64 Hz
var io, ticks, listeners;

function read(reg) { io.out8(0, reg); return io.in8(1); }
function write(reg, value) { io.out8(0, reg); io.out8(1, value); }
function bcd(v) { return (v >> 4) * 10 + (v & 15); }
function two(n) { return (n < 10 ? '0' : '') + n; }

module.exports = {
    name: 'rtc',
    match: [{legacy: 'rtc'}],

    start: function (dev, ctx, handover) {
        io = ctx.hal.io.claim(0x70, 2);
        ticks = handover ? handover.ticks : 0;
        listeners = [];
        ctx.hal.irq.claim(8, function () {
            read(0x0C);                            // acknowledge: the next one can come
            ticks++;
            if (ticks % 64 === 0)
                listeners.forEach(function (fn) { fn(ticks); });
        });
        write(0x0A, (read(0x0A) & 0xF0) | RATE);   // periodic rate
        write(0x0B, read(0x0B) | 0x40);            // periodic interrupt on
        read(0x0C);
        ctx.provide('clock', {
            version: 1,
            ticks: function () { return ticks; },
            time: function () {
                return two(bcd(read(4))) + ':' + two(bcd(read(2))) + ':' + two(bcd(read(0)));
            },
            on: function (event, fn) { if (event === 'tick') listeners.push(fn); }
        });
        ctx.log('64 Hz, ' + ticks + ' ticks so far');
    },

    stop: function () {
        write(0x0B, read(0x0B) & ~0x40);           // periodic interrupt off
        return {ticks: ticks};                     // the ports and IRQ close with the owner
    }
};
