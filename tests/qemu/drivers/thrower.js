// A driver whose IRQ handler throws at its third interrupt (RTC IRQ 8):
// the manager restarts it with backoff and leaves it 'failed'.
var io;
function read(reg) { io.out8(0, reg); return io.in8(1); }
module.exports = {
    name: 'thrower',
    match: [{legacy: 'rtc'}],
    start: function (dev, ctx) {
        io = ctx.hal.io.claim(0x70, 2);
        var n = 0;
        ctx.hal.irq.claim(8, function () {
            read(0x0C);
            if (++n === 3)
                throw new Error('boom at interrupt ' + n);
        });
        io.out8(0, 0x0A); io.out8(1, (read(0x0A) & 0xF0) | 10);
        io.out8(0, 0x0B); io.out8(1, read(0x0B) | 0x40);
        read(0x0C);
        ctx.log('started');
    },
    stop: function () { io.out8(0, 0x0B); io.out8(1, read(0x0B) & ~0x40); }
};
