// The RTC periodic interrupt (IRQ 8) reaching a JS handler through
// hal.irq.claim: 64 Hz for about one second (scenario qemu.hal_irq).
var hal = require('hal');
var rtc = hal.io.claim(0x70, 2);
function read(reg) { rtc.out8(0, reg); return rtc.in8(1); }
function write(reg, v) { rtc.out8(0, reg); rtc.out8(1, v); }

var handled = 0;
var irq = hal.irq.claim(8, function (line) {
    read(0x0C);  // acknowledge: reading register C lets the RTC raise the next one
    handled++;
    if (handled === 1) console.log('handler line ' + line + ' this.line ' + this.line);
});
console.log('claimed IRQ ' + irq.line + ' count ' + irq.count);
var rate = 10;  // 32768 >> (rate - 1) = 64 Hz
write(0x0A, (read(0x0A) & 0xF0) | rate);
read(0x0C);
var start = hal.clock.now();
write(0x0B, read(0x0B) | 0x40);
setTimeout(function () {
    write(0x0B, read(0x0B) & ~0x40);
    var ms = hal.clock.now() - start;
    var hz = handled * 1000 / ms;
    console.log('handled ' + handled + ' in ' + ms.toFixed(0) + ' ms: ' + hz.toFixed(1) + ' Hz');
    console.log('count matches ' + (irq.count === handled));
    var stats = hal.irq.stats();
    console.log('stats line 8 >= count ' + (stats.lines[8] >= irq.count) +
                ' spurious ' + typeof stats.spurious + ' overflows ' + stats.overflows);
    irq.close();
    irq.close();
    console.log('after close count ' + irq.count);
    // A handler that throws is reported and the line keeps working.
    var thrown = 0;
    var bad = hal.irq.claim(8, function () { read(0x0C); thrown++; if (thrown === 1) throw new Error('handler boom'); });
    write(0x0B, read(0x0B) | 0x40);
    setTimeout(function () {
        write(0x0B, read(0x0B) & ~0x40);
        console.log('after a throwing handler: more calls ' + (thrown > 3));
        bad.close();
        rtc.close();
    }, 200);
}, 1000);
