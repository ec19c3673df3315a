// The loopback interface, lo: 127.0.0.0/8 and the machine's own
// addresses. No frames: a packet sent is queued and handed back to IPv4
// input by stack.flush(), which the socket calls, timers and NIC receive
// handlers call when they finish, so a send never re-enters the code that
// sent it (a SYN's answer is processed after connect() has set its state).
'use strict';

var QUEUE_MAX = 4096;  // packets; beyond it they are dropped, as a full backlog does

function create(stack) {
    var queue = [];
    var lo = {
        name: 'lo', kind: 'loopback', mtu: 65536,
        addr: 0x7f000001, mask: 0xff000000, gateway: 0,
        stats: { packets: 0, dropped: 0 },
        queue: queue,  // read-only for others: stack.flush() looks at its length
        output: function (packet) {
            if (queue.length >= QUEUE_MAX) {
                lo.stats.dropped++;
                return;
            }
            lo.stats.packets++;
            queue.push(packet);
        },
        pending: function () { return queue.length; },
        // Delivers queued packets (and those they cause) until none is left
        // or `limit` were delivered; returns how many.
        deliver: function (limit) {
            var n = 0;
            while (queue.length > 0 && n < limit) {
                stack.ipv4.input(lo, queue.shift());
                n++;
            }
            return n;
        }
    };
    return lo;
}

module.exports = { create: create };
