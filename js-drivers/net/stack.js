// One TCP/IP stack instance: its interfaces (loopback always; Ethernet
// ones attached with ethernet.attach), IPv4, ICMP, UDP and TCP, and the
// environment it runs in:
//
//   env.now()                  monotonic milliseconds
//   env.setTimer(ms, fn) -> t  one-shot timer; env.clearTimer(t)
//   env.random32()             initial sequence numbers, DHCP xids
//   env.defer(fn)              fn soon, from the top level (received frames
//                              are processed there, not in the NIC's IRQ
//                              handler); setTimer(0, fn) when absent
//
// On bare metal env comes from js-drivers/core/timers.js and the kernel
// (socket_syscalls.js); the tests give a virtual clock, so two stacks
// wired by a fake link run deterministically and fast.
//
// flush() sends what TCP left for the end of a batch of input and delivers
// what loopback queued; every entry point (a socket call, a timer, a batch
// of received frames) ends with it.
'use strict';

var ipv4 = require('./ipv4');

function create(env, options) {
    options = options || {};
    if (!env.defer)
        env.defer = function (fn) { return env.setTimer(0, fn); };
    var stack = {
        env: env,
        interfaces: [],
        loopback: null,
        onActivity: null,   // called after flush() delivered something (readiness may change)
        // Counts changes of the interfaces and their addresses: ipv4.route()
        // keeps its last answer while this stays the same.
        routeGeneration: 0,
        addInterface: function (iface) {
            stack.interfaces.push(iface);
            stack.routeGeneration++;
        },
        iface: function (name) {
            for (var i = 0; i < stack.interfaces.length; i++)
                if (stack.interfaces[i].name === name)
                    return stack.interfaces[i];
            return null;
        },
        // Gives an interface its address: addr, mask, gateway as numbers or
        // dotted strings.
        configure: function (iface, addr, mask, gateway) {
            function num(v) { return typeof v === 'string' ? ipv4.parse(v) : (v || 0) >>> 0; }
            iface.addr = num(addr);
            iface.mask = num(mask);
            iface.gateway = num(gateway);
            stack.routeGeneration++;
            if (iface.addr && stack.tcp)
                stack.tcp.routesChanged();  // SYN-ACKs that waited for a route leave now
        },
        // /etc/resolv.conf's text from the DNS servers DHCP gave (docs/net.md:
        // unode's dns asks them itself, over UDP).
        resolvConf: function () {
            var text = '';
            stack.interfaces.forEach(function (f) {
                if (f.dns)
                    text += 'nameserver ' + ipv4.format(f.dns) + '\n';
            });
            return text;
        },
        flush: function () {
            // Most calls find nothing to do: looked at without a call (and
            // `stack` looked up once: a name from the enclosing function
            // costs a scope lookup at every use).
            var s = stack;
            if (flushing || ((s.tcp === void 0 || s.tcp.pending.output === 0) &&
                    s.loopback.queue.length === 0))
                return;
            flushing = true;
            try {
                // Bounded: a storm (two sockets echoing forever) yields
                // back, and the rest goes on from a timer.
                for (var rounds = 0; ; rounds++) {
                    var more = stack.tcp ? stack.tcp.flushOutput() : false;
                    if (stack.loopback.pending() > 0) {
                        stack.loopback.deliver(1024);
                        more = true;
                    }
                    if (!more)
                        break;
                    if (rounds === 64) {
                        env.defer(stack.flush);
                        break;
                    }
                }
            } finally {
                flushing = false;
            }
        }
    };
    var flushing = false;
    stack.ipv4 = ipv4.create(stack);
    stack.loopback = require('./loopback').create(stack);
    stack.addInterface(stack.loopback);
    stack.icmp = require('./icmp').create(stack);
    stack.ipv4.register(1, stack.icmp.input);
    stack.udp = require('./udp').create(stack);
    stack.tcp = require('./tcp').create(stack, options.tcp);
    return stack;
}

module.exports = { create: create };
