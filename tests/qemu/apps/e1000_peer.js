// The guest side of the e1000 scenarios (tests/qemu/scenarios/e1000.py)
// and of `tools/jsk bench net-raw`: a program on the `netif` interface
// (drivers.get('netif')[0], the proxy that survives driver reloads) that a
// host peer (tools/jsklib/netpeer.py) drives with control frames.
//
// Data frames (EtherType 0x88B5: seq, 4 bytes big-endian, then byte k =
// (seq * 31 + k) & 0xff) are checked (intact, in order) and echoed back with
// the addresses swapped. Control frames (0x88B6) hold a JSON message
// {cmd, ...}; the answer is a control frame {re: cmd, ...}:
//   hello                  mac, link, the driver list, the send() errors
//   stats                  what arrived (count, bad, out of order), the echo
//                          counters and netif.stats()
//   reset                  forget the counters (seq restarts at 0)
//   echo {on, verify}      echo data frames back (default on, verify on)
//   send {count, sizes, fresh, timed}  send count data frames to the peer,
//                          sizes taken in turn; a refused send waits for
//                          'drain'; timed: report the time inside send()
//   reloadAt {points}      drivers.reload('e1000') when the count of data
//                          frames received reaches each point's `at` (and the
//                          previous reload is over): from a
//                          timer, or (sync) from inside the receive listener,
//                          i.e. inside the driver's interrupt handler; each
//                          answers {re: 'reloaded', result}
//   stopStart              drivers.stop('e1000'), then drivers.start('e1000')
//   profile {on}           netif.profile(on): the driver's time per phase
//   promisc {on}, multicast {list}, exit
// Link changes are printed on the console ("link false"/"link true"; while
// it is down, what send() says) and, once the link is up, sent to the peer
// as {re: 'link', up}.
'use strict';

var drivers = require('drivers');
var clock = require('hal').clock;
// The receive listener checks every byte and echoes, and a reload from
// inside it runs within the driver's interrupt handler, whose budget is
// drivers.budgetMs: under a loaded TCG machine 1 s is tight for that.
drivers.budgetMs = 5000;
var netif = drivers.get('netif')[0];
if (!netif) {
    console.log('no netif: ' + JSON.stringify(drivers.list()));
    process.exit(1);
}

var DATA = 0x88B5, CONTROL = 0x88B6;
var mac = netif.mac.split(':').map(function (h) { return parseInt(h, 16); });
var peer = [0xff, 0xff, 0xff, 0xff, 0xff, 0xff];   // learnt from the first frame
var echo = true, verify = true;
var received, bad, outOfOrder, expected, echoed, echoRefused, echoDropped, firstAt, lastAt;
var backlog = [];          // echoes waiting for 'drain' (bounded)
var BACKLOG_MAX = 4096;
var reloadAt = [];         // [{at: frames received, sync}]: reload points
var sending = null;        // the send command in progress
var linkEvents = [];

function reset() {
    received = bad = outOfOrder = expected = echoed = echoRefused = echoDropped = 0;
    firstAt = lastAt = 0;
}
reset();

function header(frame, type) {
    for (var i = 0; i < 6; i++) {
        frame[i] = peer[i];
        frame[6 + i] = mac[i];
    }
    frame[12] = type >> 8;
    frame[13] = type & 0xff;
}

function reply(message) {
    var text = JSON.stringify(message);
    var frame = new Uint8Array(14 + text.length);
    header(frame, CONTROL);
    for (var i = 0; i < text.length; i++)
        frame[14 + i] = text.charCodeAt(i);
    if (frame.length > 1514)
        throw new Error('reply too long: ' + text.slice(0, 80));
    if (!netif.send(frame))
        backlog.push(frame);    // the ring is full: it goes with the echoes
}

function flush() {
    while (backlog.length && netif.send(backlog[0]))
        backlog.shift();
    if (sending)
        sendSome();
}
netif.on('drain', flush);

function dataFrame(seq, size) {
    var f = new Uint8Array(size);
    header(f, DATA);
    f[14] = seq >>> 24; f[15] = (seq >>> 16) & 0xff; f[16] = (seq >>> 8) & 0xff; f[17] = seq & 0xff;
    for (var k = 18; k < size; k++)
        f[k] = (seq * 31 + k) & 0xff;
    return f;
}

// Sends the frames of the send command, from a timer: a long run must not
// stay inside the control frame's listener, which runs in the driver's
// interrupt handler, under its budget; an app's timer has none.
function sendSome() {
    var s = sending;
    if (s.h0 === undefined) {
        s.hopMs = clock.now() - s.scheduledAt;
        s.h0 = clock.now();
    }
    while (s.next < s.count) {
        if (backlog.length)
            return;              // echoes and replies first, in order
        var size = s.sizes[s.next % s.sizes.length];
        var f = s.frames ? s.frames[s.next % s.frames.length] : dataFrame(s.next, size);
        if (s.frames) {
            f[14] = s.next >>> 24; f[15] = (s.next >>> 16) & 0xff;
            f[16] = (s.next >>> 8) & 0xff; f[17] = s.next & 0xff;
        }
        var t0 = s.timed ? clock.now() : 0;
        var ok = netif.send(f);
        if (s.timed)
            s.inSend += clock.now() - t0;
        if (!ok) {
            s.refused++;
            if (!netif.link)
                setTimeout(flush, 10);   // no 'drain' comes without a link
            return;
        }
        s.next++;
    }
    sending = null;
    reply({re: 'send', count: s.count, refused: s.refused, ms: Date.now() - s.t0,
        guestMs: clock.now() - s.h0, inSendMs: s.timed ? s.inSend : undefined,
        hopMs: s.hopMs});
}

function onData(frame) {
    var seq = ((frame[14] << 24) | (frame[15] << 16) | (frame[16] << 8) | frame[17]) >>> 0;
    var now = clock.now();
    if (received === 0)
        firstAt = now;
    lastAt = now;
    received++;
    if (seq !== expected)
        outOfOrder++;
    expected = seq + 1;
    if (verify) {
        for (var k = 18; k < frame.length; k++)
            if (frame[k] !== ((seq * 31 + k) & 0xff)) {
                bad++;
                break;
            }
    }
    if (echo) {
        var out = frame;            // ours to change: the driver copied it out of its ring
        for (var i = 0; i < 6; i++) {
            out[i] = frame[6 + i];
            out[6 + i] = mac[i];
        }
        if (backlog.length === 0 && netif.send(out)) {
            echoed++;
        } else if (backlog.length < BACKLOG_MAX) {
            echoRefused++;
            backlog.push(out);
            echoed++;
        } else {
            echoDropped++;
        }
    }
    maybeReload();
}

// One reload at a time: a stop() delivers (here) what was left in the old
// ring, and a timer's reload may come late.
var reloading = false;
function maybeReload() {
    if (!reloadAt.length || reloadAt[0].at > received || reloading)
        return;
    var point = reloadAt.shift();
    reloading = true;
    if (point.sync)
        reload(point);          // from inside the driver's receive path
    else
        setTimeout(function () { reload(point); }, 0);
}

function reload(point) {
    var r = drivers.reload('e1000');
    reloading = false;
    r.received = received;
    r.at = point.at;
    r.sync = !!point.sync;
    console.log('reloaded ' + JSON.stringify(r));
    reply({re: 'reloaded', result: r});
    maybeReload();
}

function errorOf(fn) {
    try {
        fn();
        return 'no error';
    } catch (e) {
        return e.name + ': ' + e.message;
    }
}

function onControl(msg) {
    switch (msg.cmd) {
    case 'hello':
        reply({re: 'hello', mac: netif.mac, name: netif.name, mtu: netif.mtu, link: netif.link,
            drivers: drivers.list(), errors: {
                oversize: errorOf(function () { netif.send(new Uint8Array(1515)); }),
                undersize: errorOf(function () { netif.send(new Uint8Array(13)); }),
                type: errorOf(function () { netif.send('frame'); }),
                event: errorOf(function () { netif.on('nope', function () {}); })
            }});
        break;
    case 'stats':
        reply({re: 'stats', received: received, bad: bad, outOfOrder: outOfOrder,
            echoed: echoed, echoRefused: echoRefused, echoDropped: echoDropped,
            backlog: backlog.length, rxMs: lastAt - firstAt, links: linkEvents,
            netif: netif.stats()});
        break;
    case 'reset':
        reset();
        reply({re: 'reset'});
        break;
    case 'echo':
        echo = !!msg.on;
        verify = msg.verify !== false;
        reply({re: 'echo', on: echo, verify: verify});
        break;
    case 'send':
        var sizes = msg.sizes || [60];
        sending = {count: msg.count, sizes: sizes, next: 0, refused: 0, t0: Date.now(),
            timed: !!msg.timed, inSend: 0,    // timed: add up the time inside netif.send
            scheduledAt: clock.now(),
            // fresh: false sends the same few frames over and over (only
            // seq changes, so the pattern is not checkable): for benchmarks
            frames: msg.fresh === false ? sizes.map(function (s) { return dataFrame(0, s); }) : null};
        setTimeout(sendSome, 0);
        break;
    case 'raw':
        // a frame of msg.length bytes (any size, to test padding and the
        // errors): header then bytes 1, 2, 3...
        var f = new Uint8Array(msg.length);
        header(f, DATA);
        for (var r = 14; r < f.length; r++)
            f[r] = (r - 13) & 0xff;
        reply({re: 'raw', result: errorOf(function () {
            if (!netif.send(f)) throw new Error('refused'); })});
        break;
    case 'stopStart':
        // drivers.stop, what the held netif says meanwhile, drivers.start:
        // a cold start (a device reset, counters from zero)
        drivers.stop('e1000');
        var whileStopped = errorOf(function () { netif.send(new Uint8Array(60)); });
        var linkStopped = String(netif.link);
        drivers.start('e1000');
        reply({re: 'stopStart', whileStopped: whileStopped, linkStopped: linkStopped,
            stats: netif.stats(), link: netif.link});
        break;
    case 'reloadAt':
        reloadAt = msg.points;
        reply({re: 'reloadAt'});
        break;
    case 'promisc':
        netif.setPromiscuous(msg.on);
        reply({re: 'promisc', on: netif.promiscuous});
        break;
    case 'multicast':
        netif.setMulticast(msg.list);
        reply({re: 'multicast', list: netif.multicast});
        break;
    case 'profile':
        // on: start timing the driver's hot paths; off: stop and report
        // them, with what a clock read costs (it is in every figure)
        var table = netif.profile(msg.on);
        var t0 = clock.now(), reads = 1000;
        for (var c = 0; c < reads; c++)
            clock.now();
        reply({re: 'profile', table: table, clockReadMs: (clock.now() - t0) / reads});
        break;
    case 'exit':
        reply({re: 'exit'});
        setTimeout(function () { process.exit(0); }, 50);
        break;
    default:
        reply({re: msg.cmd, error: 'unknown command'});
    }
}

netif.onReceive(function (frame) {
    var type = (frame[12] << 8) | frame[13];
    if (type === DATA) {
        if (peer[0] === 0xff)
            for (var j = 0; j < 6; j++) peer[j] = frame[6 + j];
        onData(frame);
    } else if (type === CONTROL) {
        for (var i = 0; i < 6; i++) peer[i] = frame[6 + i];
        var end = frame.length;
        while (end > 14 && frame[end - 1] === 0)
            end--;                   // QEMU pads short frames to 60 bytes
        var text = '';
        for (var k = 14; k < end; k++)
            text += String.fromCharCode(frame[k]);
        onControl(JSON.parse(text));
    }
});

netif.on('link', function (up) {
    linkEvents.push(up);
    console.log('link ' + up + ' netif.link ' + netif.link);
    if (up) {
        reply({re: 'link', up: up});
    } else {
        var f = new Uint8Array(60);
        header(f, DATA);
        console.log('send while down ' + netif.send(f) + ' txNoLink ' + netif.stats().txNoLink);
    }
});

console.log('e1000 peer app ready ' + netif.mac + ' link ' + netif.link);
// Stays alive on a timer until `exit` (a program with nothing pending ends).
setInterval(function () {}, 1000);
