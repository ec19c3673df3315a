// A virtual clock and a fake Ethernet link for the network stack's tests:
// stacks run on simulated time, frames cross the link through a queue
// that can lose, duplicate and reorder them (seeded, so runs repeat).
'use strict';

var stackMod = require('../../../js-drivers/net/stack.js');
var ethernet = require('../../../js-drivers/net/ethernet.js');
var checksum = require('../../../js-drivers/net/checksum.js');

function Clock() {
    this.t = 0;
    this.timers = [];  // {due, fn, seq}
    this.seq = 0;
}
Clock.prototype.env = function (seed) {
    var self = this;
    var x = seed || 12345;
    return {
        now: function () { return self.t; },
        setTimer: function (ms, fn) {
            var h = { due: self.t + Math.max(0, ms), fn: fn, seq: self.seq++ };
            self.timers.push(h);
            return h;
        },
        clearTimer: function (h) {
            var i = self.timers.indexOf(h);
            if (i >= 0)
                self.timers.splice(i, 1);
        },
        random32: function () {
            x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
            return x >>> 0;
        }
    };
};
// Fires the earliest timer (advancing time); false when there is none.
Clock.prototype.fireNext = function () {
    if (this.timers.length === 0)
        return false;
    var best = 0;
    for (var i = 1; i < this.timers.length; i++) {
        var a = this.timers[i], b = this.timers[best];
        if (a.due < b.due || (a.due === b.due && a.seq < b.seq))
            best = i;
    }
    var h = this.timers.splice(best, 1)[0];
    if (h.due > this.t)
        this.t = h.due;
    h.fn();
    return true;
};

// A link between netifs: options {loss, duplicate, reorder} (fractions),
// seed, tso, packed. Frames take `delayMs` to cross.
function Link(clock, options) {
    options = options || {};
    this.clock = clock;
    this.queue = [];
    this.opt = options;
    this.x = options.seed || 99;
    this.stats = { sent: 0, lost: 0, duplicated: 0, reordered: 0, segmented: 0 };
    this.ends = [];
    this.capture = null;
}
Link.prototype.rand = function () {
    this.x ^= this.x << 13; this.x ^= this.x >>> 17; this.x ^= this.x << 5;
    return (this.x >>> 0) / 4294967296;
};
// What a NIC with TCP segmentation offload does with a large IPv4/TCP
// frame (8254x SDM 3.5): MSS-sized frames, each with the headers copied,
// IPv4 length, ID and checksum and TCP sequence number and checksum set, PSH
// and FIN only on the last. The TCP checksum field comes holding the
// pseudo-header's sum without the length.
function segment(frame, mss) {
    var ihl = (frame[14] & 15) * 4, tcp = 14 + ihl;
    var hdr = tcp + (frame[tcp + 12] >> 4) * 4;
    var payload = frame.length - hdr;
    var dv0 = new DataView(frame.buffer, frame.byteOffset, frame.length);
    var id = dv0.getUint16(18), seq = dv0.getUint32(tcp + 4), partial = dv0.getUint16(tcp + 16);
    var out = [];
    for (var k = 0, off = 0; off < payload; k++, off += mss) {
        var n = Math.min(mss, payload - off);
        var f = new Uint8Array(hdr + n);
        f.set(frame.subarray(0, hdr));
        f.set(frame.subarray(hdr + off, hdr + off + n), hdr);
        var dv = new DataView(f.buffer);
        dv.setUint16(16, ihl + (hdr - tcp) + n);
        dv.setUint16(18, (id + k) & 0xffff);
        dv.setUint16(24, 0);
        dv.setUint16(24, checksum.compute(f, 14, ihl));
        dv.setUint32(tcp + 4, (seq + off) >>> 0);
        if (off + n < payload)
            f[tcp + 13] &= ~9;  // PSH, FIN
        dv.setUint16(tcp + 16, 0);
        var sum = checksum.add(partial + (hdr - tcp) + n, f, tcp, f.length - tcp);
        dv.setUint16(tcp + 16, checksum.finish(sum));
        out.push(f);
    }
    return out;
}

// options.tso: the netifs segment large TCP frames (tsoMax, send(frame, mss));
// link.onSegmented(frame), when set, sees each such frame first.
// options.packed: the netifs have the e1000's 'receivePacked' event, and
// deliver() hands each end what waits for it as one packed batch; without
// it they have onReceive only (frame by frame).
Link.prototype.netif = function (name, mac) {
    var link = this;
    var end = { handler: null };
    var index = this.ends.length;
    this.ends.push(end);
    return {
        name: name, mac: mac, mtu: 1500, link: true,
        tsoMax: link.opt.tso ? 65535 : 0,
        send: function (frame, tsoMss) {
            if (tsoMss !== undefined && frame.length > 1514) {
                link.stats.segmented++;
                if (link.onSegmented)
                    link.onSegmented(frame);
                var frames = segment(frame, tsoMss);
                for (var i = 0; i < frames.length; i++)
                    this.send(frames[i]);
                return true;
            }
            link.stats.sent++;
            if (link.capture)
                link.capture(index, frame);
            var copies = 1;
            if (link.opt.loss && link.rand() < link.opt.loss) {
                link.stats.lost++;
                return;
            }
            if (link.opt.duplicate && link.rand() < link.opt.duplicate) {
                link.stats.duplicated++;
                copies = 2;
            }
            for (var c = 0; c < copies; c++) {
                var item = { to: 1 - index, frame: new Uint8Array(frame) };
                if (link.opt.reorder && link.queue.length > 0 && link.rand() < link.opt.reorder) {
                    link.stats.reordered++;
                    link.queue.splice(link.queue.length - 1, 0, item);
                } else {
                    link.queue.push(item);
                }
            }
        },
        onReceive: function (fn) { end.handler = fn; },
        on: function (event, fn) {
            if (event !== 'receivePacked' || !link.opt.packed)
                throw new Error("no event '" + event + "'");
            end.packed = fn;
        },
        stats: function () { return link.stats; }
    };
};
// Frames as the e1000's 'receivePacked' gives them: {data, lengths}.
function pack(frames) {
    var lengths = new Uint32Array(frames.length), bytes = 0, k;
    for (k = 0; k < frames.length; k++)
        bytes += (lengths[k] = frames[k].length);
    var data = new Uint8Array(bytes);
    for (k = 0, bytes = 0; k < frames.length; bytes += lengths[k], k++)
        data.set(frames[k], bytes);
    return { data: data, lengths: lengths };
}

// Delivers queued frames; returns how many.
Link.prototype.deliver = function () {
    var n = 0, batches = this.ends.map(function () { return []; });
    while (this.queue.length > 0) {
        var item = this.queue.shift();
        var end = this.ends[item.to];
        if (end && end.packed)
            batches[item.to].push(item.frame);
        else if (end && end.handler)
            end.handler(item.frame);
        n++;
    }
    var ends = this.ends;
    batches.forEach(function (frames, to) {
        if (frames.length > 0) {
            var packed = pack(frames);
            ends[to].packed(packed.data, packed.lengths);
        }
    });
    return n;
};

// Runs the world until cond() holds or time passes limitMs; returns cond().
function run(clock, link, stacks, cond, limitMs) {
    var end = clock.t + (limitMs || 600000);
    function traffic() {
        var n = link ? link.stats.sent : 0;
        stacks.forEach(function (s) { n += s.loopback.stats.packets; });
        return n;
    }
    for (var steps = 0; steps < 10000000; steps++) {
        stacks.forEach(function (s) { s.flush(); });
        var before = traffic();
        if (cond())
            return true;
        // cond() may have moved data itself (read, written, flushed): it
        // looks again before time moves on.
        if (traffic() !== before)
            continue;
        if (link && link.deliver() > 0)
            continue;
        var pending = stacks.some(function (s) { return s.loopback.pending() > 0; });
        if (pending)
            continue;
        if (clock.timers.length === 0 || clock.t > end)
            return cond();
        clock.fireNext();
    }
    return cond();
}

// Two stacks on one link: a = 10.0.0.1, b = 10.0.0.2 (/24).
// options.random32: the stacks' random numbers (initial sequence numbers).
function pair(options) {
    var clock = new Clock();
    var link = new Link(clock, options);
    var envA = clock.env(1), envB = clock.env(2);
    if (options && options.random32)
        envA.random32 = envB.random32 = options.random32;
    var a = stackMod.create(envA, options && options.stack);
    var b = stackMod.create(envB, options && options.stack);
    var ea = ethernet.attach(a, link.netif('eth0', '52:54:00:00:00:01'));
    var eb = ethernet.attach(b, link.netif('eth0', '52:54:00:00:00:02'));
    a.configure(ea, '10.0.0.1', '255.255.255.0', '10.0.0.254');
    b.configure(eb, '10.0.0.2', '255.255.255.0', 0);
    return { clock: clock, link: link, a: a, b: b, ea: ea, eb: eb,
        run: function (cond, limitMs) { return run(clock, link, [a, b], cond, limitMs); } };
}

function single() {
    var clock = new Clock();
    var s = stackMod.create(clock.env(3));
    return { clock: clock, s: s, run: function (cond, limitMs) { return run(clock, null, [s], cond, limitMs); } };
}

module.exports = { Clock: Clock, Link: Link, run: run, pair: pair, single: single, pack: pack };
