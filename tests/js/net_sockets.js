// js-drivers/net/socket_syscalls.js over two stacks on the fake link of
// tests/js/lib/net_harness.js, with a stand-in for native:kernel whose
// waits move the simulated world (frames, then the next timer): blocking
// calls, timeouts and epoll_wait on sockets, with lost frames.
'use strict';

var check = require('./lib/check.js');
var h = require('./lib/net_harness.js');
var fdtable = require('../../js-drivers/core/fdtable.js');
var sockets = require('../../js-drivers/net/socket_syscalls.js');
var epollMod = require('../../js-drivers/core/epoll.js');

var w = h.pair();
// A wait: deliver what is on the link, else fire the next timer.
var kernel = {
    waits: 0,
    monotonicNs: function () { return w.clock.t * 1e6; },
    waitForEvent: function (timeout) {
        kernel.waits++;
        w.a.flush();
        w.b.flush();
        if (w.link.deliver() > 0)
            return 0;
        var next = null;
        w.clock.timers.forEach(function (t) { if (next === null || t.due < next) next = t.due; });
        if (next !== null && (timeout < 0 || next <= w.clock.t + timeout)) {
            w.clock.fireNext();
            return 0;
        }
        if (timeout < 0)
            throw new Error('waiting for good with nothing left to happen');
        w.clock.t += timeout;  // a sleep to the deadline
        return 0;
    }
};
var A = sockets.create(kernel, w.a).entries;
var B = sockets.create(kernel, w.b).entries;
var epoll = epollMod.create(kernel);

function sa(a, b, c, d, port) {
    var s = new Uint8Array(16);
    s[0] = 2; s[2] = port >> 8; s[3] = port & 0xff; s[4] = a; s[5] = b; s[6] = c; s[7] = d;
    return s;
}
var B_ADDR = [10, 0, 0, 2];
function toB(port) { return sa(B_ADDR[0], B_ADDR[1], B_ADDR[2], B_ADDR[3], port); }
function text(u8, n) { return String.fromCharCode.apply(null, u8.subarray(0, n)); }

// A server on B; a blocking connect from A whose first SYN is lost.
var l = B.socket(2, 1, 0);
check.equal(B.bind(l, sa(0, 0, 0, 0, 80), 16), 0, 'bind 0.0.0.0:80');
check.equal(B.listen(l, 4), 0, 'listen');
var c = A.socket(2, 1, 0);
var lostSyn = false;
var deliver = w.link.deliver;
w.link.deliver = function () {
    // ARP goes first; the first TCP frame (the SYN) is lost.
    if (!lostSyn && this.queue.length && this.queue[0].frame[23] === 6) {
        this.queue.shift();
        lostSyn = true;
    }
    return deliver.call(this);
};
var t0 = w.clock.t;
check.equal(A.connect(c, toB(80), 16), 0, 'blocking connect succeeds');
check.ok(lostSyn, 'the first SYN was lost');
check.ok(w.clock.t - t0 >= 1000, 'after the SYN was sent again (RTO 1 s)');
w.link.deliver = deliver;
var peer = new Uint8Array(16), plen = new Int32Array([16]);
var s = B.accept4(l, peer, plen, 0);
check.ok(s >= 0, 'accept');
check.equal(Array.prototype.slice.call(peer, 4, 8).join('.'), '10.0.0.1', 'peer 10.0.0.1');

// A blocking read waits for data from the other side.
var buf = new Uint8Array(64);
check.equal(fdtable.entries.write(c, 'over the wire', 13), 13, 'write');
check.equal(text(buf, fdtable.entries.read(s, buf, 64)), 'over the wire', 'blocking read gets it');

// epoll_wait on a socket: readable once the peer writes; times out when not.
var ep = epoll.epoll_create1(0);
var ev = new Uint8Array(12);
new DataView(ev.buffer).setUint32(0, 1, true);
check.equal(epoll.epoll_ctl(ep, 1, c, ev), 0, 'epoll_ctl ADD');
var out = new Uint8Array(12 * 4);
var t1 = w.clock.t;
check.equal(epoll.epoll_wait(ep, out, 4, 300), 0, 'epoll_wait times out with nothing to read');
check.ok(w.clock.t - t1 >= 300, 'after 300 ms');
fdtable.entries.write(s, 'ping', 4);
check.equal(epoll.epoll_wait(ep, out, 4, 5000), 1, 'epoll_wait: readable');
check.equal(new DataView(out.buffer).getUint32(0, true) & 1, 1, 'EPOLLIN');
fdtable.entries.read(c, buf, 64);

// Non-blocking calls (MSG_DONTWAIT) are one try: EAGAIN with nothing to
// read; with MSG_WAITALL as well, what has come so far (Linux's answer),
// not EAGAIN after taking it.
var MSG_DONTWAIT = 0x40, MSG_WAITALL = 0x100;
check.equal(A.recvfrom(c, buf, 64, MSG_DONTWAIT, null, null), -11, 'MSG_DONTWAIT: EAGAIN');
check.equal(B.sendto(s, 'part', 4, MSG_DONTWAIT, null, 0), 4, 'MSG_DONTWAIT send');
check.equal(epoll.epoll_wait(ep, out, 4, 5000), 1, 'the part came');
check.equal(A.recvfrom(c, buf, 64, MSG_DONTWAIT | MSG_WAITALL, null, null), 4,
    'MSG_DONTWAIT|MSG_WAITALL: the part');
check.equal(text(buf, 4), 'part', 'its bytes');

// A non-blocking connect to a closed port: EINPROGRESS, then SO_ERROR.
var n = A.socket(2, 1 | 0x800, 0);
check.equal(A.connect(n, toB(81), 16), -115, 'EINPROGRESS');
new DataView(ev.buffer).setUint32(0, 4, true);
epoll.epoll_ctl(ep, 1, n, ev);
epoll.epoll_ctl(ep, 2, c, ev);
check.equal(epoll.epoll_wait(ep, out, 4, 5000), 1, 'the failed connect is reported');
check.equal(new DataView(out.buffer).getUint32(0, true) & 0x18, 0x18, 'EPOLLERR|EPOLLHUP');
var err = new Int32Array(1);
check.equal(A.getsockopt(n, 1, 4, err, new Int32Array([4])), 0, 'getsockopt SO_ERROR');
check.equal(err[0], 111, 'ECONNREFUSED');

// UDP across the link.
var u = B.socket(2, 2, 0);
B.bind(u, sa(0, 0, 0, 0, 53), 16);
var v = A.socket(2, 2, 0);
check.equal(A.sendto(v, 'query', 5, 0, toB(53), 16), 5, 'UDP sendto');
var from = new Uint8Array(16);
check.equal(text(buf, B.recvfrom(u, buf, 64, 0, from, new Int32Array([16]))), 'query',
    'blocking recvfrom gets the datagram');

// A connected UDP socket whose datagram finds no port: ICMP port
// unreachable, and recvfrom reports ECONNREFUSED once.
var x = A.socket(2, 2, 0);
check.equal(A.connect(x, toB(9), 16), 0, 'UDP connect');
check.equal(fdtable.entries.write(x, 'nobody', 6), 6, 'UDP write');
check.equal(A.recvfrom(x, buf, 64, 0, null, null), -111, 'recvfrom: ECONNREFUSED');
var e2 = new Int32Array(1);
A.getsockopt(x, 1, 4, e2, new Int32Array([4]));
check.equal(e2[0], 0, 'the error was reported once');

// epoll asks a socket again only when it changed or was ready at the last
// look (core/epoll.js): ten idle connections and one that gets data cost
// one ask per wait, not ten; a ready one is asked (and reported) until
// it is read; a peer's FIN and the program's own calls count as changes.
(function readyList() {
    var clients = [], served = [], asks = [];
    for (var i = 0; i < 10; i++) {
        clients.push(A.socket(2, 1, 0));
        check.equal(A.connect(clients[i], toB(80), 16), 0, 'connection ' + i);
        served.push(B.accept4(l, null, null, 0));
        asks.push(0);
    }
    var ep2 = epoll.epoll_create1(0);
    served.forEach(function (fd, k) {
        var file = fdtable.get(fd), poll = file.poll;
        file.poll = function () { asks[k]++; return poll.call(this); };
        check.equal(epoll.epoll_ctl(ep2, 1, fd, ev1(1, k)), 0, 'watch ' + k);
    });
    function ev1(events, data) {
        var e = new Uint8Array(12);
        new DataView(e.buffer).setUint32(0, events, true);
        new DataView(e.buffer).setUint32(4, data, true);
        return e;
    }
    function total() { return asks.reduce(function (a, b) { return a + b; }, 0); }
    var ev2 = new Uint8Array(12 * 10), dv2 = new DataView(ev2.buffer);
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 0), 0, 'ten idle connections');
    check.equal(total(), 10, 'each asked once, the first time');
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 0), 0, 'still idle');
    check.equal(total(), 10, 'then none is asked: nothing changed');
    fdtable.entries.write(clients[3], 'hi', 2);
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 5000), 1, 'data on one');
    check.equal(dv2.getUint32(4, true), 3, 'the one that got it');
    check.equal(total(), 11, 'and only it was asked');
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 0), 1, 'level-triggered: reported again');
    check.equal(fdtable.entries.read(served[3], buf, 64), 2, 'read');
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 0), 0, 'read: no longer ready');
    check.equal(asks[3], 4, 'a ready one is asked at every wait');
    fdtable.entries.close(clients[7]);
    check.equal(epoll.epoll_wait(ep2, ev2, 10, 5000), 1, "the peer's FIN");
    check.equal(dv2.getUint32(4, true), 7, 'on the one it closed');
    // A call of the program's: shutdown(SHUT_RD) makes reads return 0 at
    // once, so the socket is readable, with nothing from the network.
    check.equal(B.shutdown(served[5], 0), 0, 'shutdown(SHUT_RD)');
    var got = epoll.epoll_wait(ep2, ev2, 10, 0), fds = [];
    for (var j = 0; j < got; j++)
        fds.push(dv2.getUint32(12 * j + 4, true));
    check.deepEqual(fds.sort(), [5, 7], 'after shutdown(SHUT_RD): reported too');
    // A watched fd closed with data waiting: its watch goes, and a socket
    // given the same fd number is not reported through it.
    function settle() {  // (5 and 7 are ready: a wait returns before frames move)
        for (var tries = 0; tries < 10; tries++) {
            kernel.waitForEvent(0);
            var k = epoll.epoll_wait(ep2, ev2, 10, 0);
            if (k === 3)
                return k;
        }
        return k;
    }
    fdtable.entries.write(clients[2], 'x', 1);
    check.equal(settle(), 3, 'data on a third one');
    fdtable.entries.close(served[2]);
    var again = B.socket(2, 1, 0);
    check.equal(again, served[2], 'the fd number is given again');
    got = epoll.epoll_wait(ep2, ev2, 10, 0);
    fds = [];
    for (j = 0; j < got; j++)
        fds.push(dv2.getUint32(12 * j + 4, true));
    check.deepEqual(fds.sort(), [5, 7], 'the closed fd\'s watch went');
    fdtable.entries.write(clients[4], 'y', 1);
    check.equal(settle(), 3, 'the other watches still work');
    // An ACK for a socket that had room in its send buffer is no news: the
    // write is a change (one ask), the ACK that comes back is not.
    var asked = asks[6];
    check.equal(fdtable.entries.write(served[6], 'z', 1), 1, 'a reply');
    epoll.epoll_wait(ep2, ev2, 10, 0);
    check.equal(asks[6], asked + 1, 'the write: asked once');
    var pcb6 = fdtable.get(served[6]).sock.pcb;
    for (var moves = 0; moves < 20 && pcb6.sendBuf.length > 0; moves++)
        kernel.waitForEvent(500);  // the reply, then its (maybe delayed) ACK
    check.equal(pcb6.sendBuf.length, 0, 'the reply was acknowledged');
    epoll.epoll_wait(ep2, ev2, 10, 0);
    check.equal(asks[6], asked + 1, 'its ACK: not asked again');
    clients.concat(served, [ep2]).forEach(function (fd) { fdtable.entries.close(fd); });
}());

// A full send buffer: not writable (EPOLLOUT) until ACKs make room, and
// those ACKs are what tells epoll (tcp_input.js). The buffer is small
// (SO_SNDBUF) and the peer's window large, so no window update does it.
(function writableAgain() {
    var a = A.socket(2, 1, 0);
    check.equal(A.connect(a, toB(80), 16), 0, 'connect');
    var b = B.accept4(l, null, null, 0);
    // A first exchange: the peer's window (scaled after the handshake) settles.
    var one = new Uint8Array(1);
    check.equal(A.sendto(a, one, 1, 0, null, 0), 1, 'a first byte');
    check.equal(B.recvfrom(b, one, 1, 0, null, null), 1, 'read by the peer');
    var pcbA = fdtable.get(a).sock.pcb;
    for (var moves = 0; moves < 20 && pcbA.sendBuf.length > 0; moves++)
        kernel.waitForEvent(500);
    check.equal(A.setsockopt(a, 1, 7 /* SO_SNDBUF */, new Int32Array([2304]), 4), 0, 'SO_SNDBUF');
    var chunk = new Uint8Array(1000), r = 0, sent = 0;
    for (var i = 0; i < 100 && r >= 0; i++) {  // no frames move meanwhile
        r = A.sendto(a, chunk, chunk.length, 0x40 /* MSG_DONTWAIT */, null, 0);
        if (r > 0)
            sent += r;
    }
    check.equal(r, -11, 'EAGAIN once the send buffer is full');
    var ep3 = epoll.epoll_create1(0), ev = new Uint8Array(12), out3 = new Uint8Array(12);
    new DataView(ev.buffer).setUint32(0, 4 /* EPOLLOUT */, true);
    check.equal(epoll.epoll_ctl(ep3, 1, a, ev), 0, 'watch for EPOLLOUT');
    check.equal(epoll.epoll_wait(ep3, out3, 1, 0), 0, 'full: not writable');
    check.equal(epoll.epoll_wait(ep3, out3, 1, 5000), 1, 'acknowledged: writable again');
    check.equal(new DataView(out3.buffer).getUint32(0, true) & 4, 4, 'EPOLLOUT');
    var got = 0, into = new Uint8Array(65536);
    while (got < sent) {
        var k = B.recvfrom(b, into, into.length, 0, null, null);
        check.ok(k > 0, 'the peer reads');
        if (k <= 0)
            break;
        got += k;
    }
    [a, b, ep3].forEach(function (fd) { fdtable.entries.close(fd); });
}());

// Nobody answers any more: a blocking write's data is never acknowledged
// and the connection times out; the next call reports ETIMEDOUT.
w.link.opt.loss = 1;
fdtable.entries.write(c, 'lost', 4);
check.equal(fdtable.entries.read(c, buf, 64), -110, 'read: ETIMEDOUT after the retries');
check.equal(A.sendto(c, 'x', 1, 0x4000, null, 0), -32, 'then EPIPE');
fdtable.entries.close(c);
fdtable.entries.close(s);
fdtable.entries.close(l);
