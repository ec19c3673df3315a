// Ethernet II framing (IEEE 802.3 / RFC 894) over a NIC driver's `netif`
// interface (docs/drivers.md: {name, mac, mtu, link, send(frame),
// onReceive(handler), stats()}): turns it into one of the stack's
// interfaces, whose output() resolves the next hop with ARP and frames the
// packet, and whose received frames go to ARP or IPv4 by EtherType.
'use strict';

var ackCoalesce = require('./ack_coalesce');

var ETH_HEADER = 14;
var ETH_MIN_FRAME = 60;  // without the FCS, which the NIC adds
var RX_QUEUE_MAX = 4096;  // frames waiting for the stack
var TYPE_IPV4 = 0x0800, TYPE_ARP = 0x0806;
var BROADCAST = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

// A MAC address as 6 numbers, from an array, Uint8Array or 'aa:bb:..'.
function parseMac(mac) {
    if (typeof mac === 'string')
        return mac.split(':').map(function (h) { return parseInt(h, 16) & 0xff; });
    return Array.prototype.slice.call(mac, 0, 6);
}

function formatMac(mac) {
    return Array.prototype.map.call(mac, function (b) {
        return (b < 16 ? '0' : '') + b.toString(16);
    }).join(':');
}

// A frame: header + payload, padded to the 60-byte minimum. `inFront`:
// the payload has ETH_HEADER free bytes before it in its buffer (a packet
// for the NIC to segment, ipv4.js TSO_HEADROOM), where the header goes;
// otherwise the frame is a new buffer.
function frame(dstMac, srcMac, type, payload, inFront) {
    var f;
    if (inFront && payload.byteOffset >= ETH_HEADER &&
            ETH_HEADER + payload.length >= ETH_MIN_FRAME) {
        f = new Uint8Array(payload.buffer, payload.byteOffset - ETH_HEADER,
            ETH_HEADER + payload.length);
    } else {
        var size = ETH_HEADER + payload.length;  // (a compare: Math.max is a call)
        f = new Uint8Array(size > ETH_MIN_FRAME ? size : ETH_MIN_FRAME);
        f.set(payload, ETH_HEADER);
    }
    writeHeader(f, dstMac, srcMac, type);
    return f;
}

function writeHeader(f, dstMac, srcMac, type) {
    for (var i = 0; i < 6; i++) {
        f[i] = dstMac[i];
        f[6 + i] = srcMac[i];
    }
    f[12] = type >> 8;
    f[13] = type & 0xff;
}

// Attaches `netif` to `stack` as interface `name` and returns it. The
// interface has no address until one is configured (stack.configure, or
// DHCP).
function attach(stack, netif) {
    var mac = parseMac(netif.mac);
    var iface = {
        name: netif.name || 'eth0',
        kind: 'ethernet',
        mac: mac,
        mtu: netif.mtu || 1500,
        minFrame: ETH_MIN_FRAME,  // shorter frames are padded (a prepared path's too)
        // The largest IPv4/TCP packet the NIC segments itself (TCP
        // segmentation offload; 0: none): output()'s `tsoMss` asks for it.
        tsoMax: netif.tsoMax || 0,
        addr: 0, mask: 0, gateway: 0,
        lastSource: -1, lastSourceGeneration: -1,  // ipv4.input's: the last source found fine
        netif: netif,
        // rxCoalesced: pure TCP ACKs a later one made redundant (ack_coalesce.js)
        stats: { rxFrames: 0, txFrames: 0, rxDropped: 0, txDropped: 0, rxCoalesced: 0 },
        // IPv4 packet to the neighbour `nextHop` (0xffffffff: broadcast);
        // `tsoMss`: a TCP packet larger than the MTU for the NIC to segment.
        output: function (packet, nextHop, tsoMss) {
            // (`|` gives a signed number: >>> 0 before comparing.)
            var subnetBroadcast = iface.mask && ((nextHop | iface.mask) >>> 0) === 0xffffffff;
            if (nextHop === 0xffffffff || subnetBroadcast) {
                send(BROADCAST, TYPE_IPV4, packet);
                return;
            }
            iface.arp.resolve(nextHop, packet, tsoMss);
        },
        sendFrame: send,  // (dstMac, type, payload, tsoMss)
        transmit: transmit,  // (frame, tsoMss): a whole frame, header and all
        linkHeader: linkHeader  // (nextHop): see below
    };
    // A frame the NIC cannot take (ring full: send() is false; driver not
    // running: it throws) is dropped and counted; TCP retransmits.
    // The NIC's send is read once: a driver proxy's method stays valid
    // across reloads (docs/drivers.md), and every read of one is a call of
    // the proxy's get trap (about 5,000 instructions).
    var nicSend = null;
    function send(dstMac, type, payload, tsoMss) {
        transmit(tsoMss ? frame(dstMac, mac, type, payload, true) : frame(dstMac, mac, type, payload),
            tsoMss);
    }
    function transmit(f, tsoMss) {
        iface.stats.txFrames++;
        var ok;
        try {
            if (typeof nicSend !== 'function')
                nicSend = netif.send;
            ok = tsoMss ? nicSend.call(netif, f, tsoMss) : nicSend.call(netif, f);
        } catch (e) {
            ok = false;
        }
        if (ok === false)
            iface.stats.txDropped++;
    }
    // The Ethernet header of an IPv4 packet to the neighbour `nextHop`, or
    // null while ARP has no answer for it: for a path prepared once and
    // used for many packets (ipv4.prepare), which stays valid while
    // iface.arp.generation does not change.
    function linkHeader(nextHop) {
        var e = iface.arp.lookup(nextHop);
        if (e === null || !e.mac)
            return null;
        var h = new Uint8Array(ETH_HEADER);
        writeHeader(h, e.mac, mac, TYPE_IPV4);
        return h;
    }
    iface.arp = require('./arp').create(stack, iface);
    // Frames are queued by the driver's receive callback and processed
    // later (env.defer: outside the driver's IRQ time budget, which the
    // stack's TCP work must not count against); at most RX_QUEUE_MAX wait.
    // A NIC with 'receivePacked' (the e1000) hands over a batch as one
    // buffer and the frames' lengths; its frames become Uint8Arrays only
    // when coalescing keeps them (one in 40 of a download's ACKs).
    var rxQueue = [];         // frames (Uint8Arrays), from the other events
    var rxPacked = null;      // {data, lengths, count}: packed batches, joined
    var rxSkip = new Uint8Array(RX_QUEUE_MAX);  // coalescePacked's flags
    var scheduled = false;
    function processQueue() {
        scheduled = false;
        var batch = rxQueue, packed = rxPacked, i, n;
        rxQueue = [];
        rxPacked = null;
        if (packed !== null) {
            var skip = rxSkip, data = packed.data, lengths = packed.lengths, at = 0;
            n = packed.count;
            iface.stats.rxCoalesced += ackCoalesce.coalescePacked(data, lengths, n, skip);
            for (i = 0; i < n; i++) {
                var length = lengths[i];
                if (skip[i] === 0)
                    receive(data.subarray(at, at + length));
                at += length;
            }
        }
        iface.stats.rxCoalesced += ackCoalesce.coalesce(batch);  // skipped: null
        for (i = 0, n = batch.length; i < n; i++) {
            if (batch[i] !== null)
                receive(batch[i]);
        }
        stack.flush();
    }
    function receive(f) {
        if (f.length < ETH_HEADER) {
            iface.stats.rxDropped++;
            return;
        }
        var type = (f[12] << 8) | f[13];
        var payload = f.subarray(ETH_HEADER);
        if (type === TYPE_IPV4)
            stack.ipv4.input(iface, payload);
        else if (type === TYPE_ARP)
            iface.arp.input(payload);
        else
            iface.stats.rxDropped++;
    }
    // Received frames join the queue a batch at a time when the NIC offers
    // it (the e1000's 'receivePacked', else 'receiveBatch'), else one by
    // one. A netif hands its listeners fresh arrays they may keep
    // (docs/net.md), and the stack never writes into a received frame; a
    // batch's array is shared with other listeners, so the queue copies it
    // (coalescing writes in it).
    function schedule() {
        if (!scheduled) {
            scheduled = true;
            stack.env.defer(processQueue);
        }
    }
    function room(n) {
        var waiting = rxQueue.length + (rxPacked !== null ? rxPacked.count : 0);
        iface.stats.rxFrames += n;
        if (n > RX_QUEUE_MAX - waiting) {
            iface.stats.rxDropped += n - (RX_QUEUE_MAX - waiting);
            return RX_QUEUE_MAX - waiting;
        }
        return n;
    }
    function enqueue(frames) {
        var n = room(frames.length);
        if (n === 0)
            return;
        rxQueue = rxQueue.length === 0 ? frames.slice(0, n) : rxQueue.concat(frames.slice(0, n));
        schedule();
    }
    function enqueuePacked(data, lengths) {
        var n = room(lengths.length);
        if (n === 0)
            return;
        var bytes = data.length;  // all the frames: unless some did not fit
        if (n < lengths.length) {
            bytes = 0;
            for (var k = 0; k < n; k++)
                bytes += lengths[k];
        }
        if (rxPacked === null) {
            rxPacked = {data: bytes === data.length ? data : data.subarray(0, bytes), lengths: lengths,
                count: n};
        } else {  // a second batch before the stack ran: one batch, so ACKs coalesce across
            var joined = new Uint8Array(rxPacked.data.length + bytes);
            joined.set(rxPacked.data);
            joined.set(data.subarray(0, bytes), rxPacked.data.length);
            var allLengths = new Uint32Array(rxPacked.count + n);
            allLengths.set(rxPacked.lengths.subarray(0, rxPacked.count));
            allLengths.set(lengths.subarray(0, n), rxPacked.count);
            rxPacked = {data: joined, lengths: allLengths, count: rxPacked.count + n};
        }
        schedule();
    }
    function subscribe(event, listener) {
        try {
            netif.on(event, listener);
            return true;
        } catch (e) {
            return false;  // a NIC without the event
        }
    }
    if (!(typeof netif.on === 'function' &&
            (subscribe('receivePacked', enqueuePacked) || subscribe('receiveBatch', enqueue))))
        netif.onReceive(function (f) { enqueue([f]); });
    stack.addInterface(iface);
    return iface;
}

module.exports = {
    attach: attach, frame: frame, parseMac: parseMac, formatMac: formatMac,
    TYPE_IPV4: TYPE_IPV4, TYPE_ARP: TYPE_ARP, BROADCAST: BROADCAST, HEADER: ETH_HEADER
};
