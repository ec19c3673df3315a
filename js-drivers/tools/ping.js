// ping: ICMP echo requests through the machine's network stack
// (js-drivers/net, docs/net.md), with lines like Linux's ping:
//
//   64 bytes from 127.0.0.1: icmp_seq=1 time=0.412 ms
//
// ping(host, {count, timeoutMs, size}) -> {lines, sent, received}; waits
// for each answer (drivers keep running). From the REPL or an app:
// require('/js-drivers/tools/ping.js').ping('10.0.2.2'); as a program:
// tools/jsk run js-drivers/tools/ping.js [-c COUNT] HOST (exit status 0 when
// every request was answered, 1 otherwise).
'use strict';

// Absolute paths: run as a program, this file is /app/ping.js.
var kernel = require('native:kernel');
var timers = require('/js-drivers/core/timers.js');
var ipv4 = require('/js-drivers/net/ipv4.js');

function ping(host, options) {
    options = options || {};
    var count = options.count || 3;
    var size = options.size === undefined ? 56 : options.size;
    var dst = ipv4.parse(host);
    if (dst < 0)
        throw new Error('ping: ' + host + ': not an IPv4 address (no resolver here)');
    var stack = require('/js-drivers/net/socket_syscalls.js').create(kernel).stack;
    var lines = ['PING ' + host + ' (' + host + ') ' + size + '(' + (size + 28) + ') bytes of data.'];
    var received = 0;
    // The stack may have just come up: give DHCP a moment (5 s at most).
    for (var t = 0; t < 250 && !stack.ipv4.route(dst) && dhcpPending(stack); t++)
        kernel.waitForEvent(20, 0);
    for (var seq = 1; seq <= count; seq++) {
        var result = null;
        stack.icmp.ping(dst, { seq: seq, size: size, timeoutMs: options.timeoutMs || 1000 },
            function (err, r) {
                result = err || r;
                timers.wake();
            });
        stack.flush();
        // Bounded: the request's own timeout always answers.
        for (var slice = 0; result === null && slice < 1000; slice++)
            kernel.waitForEvent(20, 0);
        if (result instanceof Error || result === null) {
            lines.push('icmp_seq=' + seq + ': ' + (result ? result.message : 'no answer'));
        } else {
            received++;
            lines.push((result.bytes + 8) + ' bytes from ' + ipv4.format(result.from) +
                ': icmp_seq=' + seq + ' time=' + result.ms.toFixed(3) + ' ms');
        }
    }
    lines.push(count + ' packets transmitted, ' + received + ' received, ' +
        Math.round(100 * (count - received) / count) + '% packet loss');
    return { lines: lines, sent: count, received: received };
}

function dhcpPending(stack) {
    return stack.interfaces.some(function (f) { return f.dhcp && f.dhcp.state() !== 'BOUND'; });
}

module.exports = { ping: ping };

if (require.main === module) {
    var args = process.argv.slice(2);
    var count = 3;
    var c = args.indexOf('-c');
    if (c >= 0) {
        count = +args[c + 1];
        args.splice(c, 2);
    }
    var r = ping(args[0] || '127.0.0.1', { count: count });
    console.log(r.lines.join('\n'));
    process.exitCode = r.received === r.sent ? 0 : 1;
}
