// TCP (RFC 9293, which gathers RFC 793 and its fixes): the protocol
// control block (pcb) of each socket, the calls the socket layer makes
// (bind, listen, connect, accept, send, receive, shutdown, close), the
// demultiplexing of arriving segments, and the timers: retransmission and
// persist (tcp_output.js), TIME_WAIT (2 MSL), FIN_WAIT_2 after close, and
// keep-alive (RFC 1122 4.2.3.6). The receiving side is tcp_input.js.
//
// States are strings ('ESTABLISHED'...) so a pcb prints readably.
'use strict';

var S = require('./tcp_segment');
var Rto = require('./tcp_rto').Rto;
var ByteQueue = require('./bytequeue');
var Ports = require('./ports');
var E = require('./errno');

var defaults = {
    sndbuf: 262144,          // bytes a socket buffers for sending
    rcvbuf: 262144,          // and receiving (with window scale 3 it fits)
    timeWaitMs: 60000,       // 2 MSL: Linux's TCP_TIMEWAIT_LEN
    finWait2Ms: 60000,       // tcp_fin_timeout, after close()
    synRetries: 6,           // tcp_syn_retries
    retries: 15,             // tcp_retries2
    keepIdleMs: 7200000, keepIntervalMs: 75000, keepCount: 9,
    rcvScale: 3
};

function create(stack, options) {
    var params = {};
    Object.keys(defaults).forEach(function (k) {
        params[k] = options && options[k] !== void 0 ? options[k] : defaults[k];
    });
    var ports = Ports.create();  // accepted connections: ports.add, not bound
    var stats = { segmentsReceived: 0, segmentsSent: 0, segmentsOffloaded: 0, retransmits: 0,
        fastRetransmits: 0,
        timeouts: 0, resetsSent: 0, badSegments: 0, outOfOrder: 0, bytesReceived: 0,
        listenDrops: 0, activeOpens: 0, passiveOpens: 0, windowProbes: 0, timeWaitReused: 0 };
    var env = stack.env;
    var T = { stack: stack, env: env, ports: ports, stats: stats, params: params };
    T.trace = function (pcb, dir, s) {
        if (T.tracer)
            T.tracer(dir + ' ' + stack.ipv4.format(pcb.localAddr) + ':' + pcb.localPort + ' ' +
                S.flagNames(s.flags) + ' seq=' + s.seq + ' ack=' + s.ack + ' win=' + s.window +
                ' len=' + (s.data ? s.data.length : 0) + ' [' + pcb.state + ']');
    };
    T.tracer = null;

    function Pcb() {
        this.state = 'CLOSED';
        this.localAddr = 0; this.localPort = 0;
        this.remoteAddr = 0; this.remotePort = 0;
        this.portsKey = void 0;  // where ports.js files it (bound pcbs)
        this.parent = null;
        this.backlog = 0; this.acceptQueue = []; this.embryos = 0;
        this.iss = env.random32() >>> 0;
        this.sndUna = this.iss; this.sndNxt = this.iss; this.sndMax = this.iss;
        this.sndBase = S.add(this.iss, 1);   // sequence number of sendBuf's first byte
        this.sndWnd = 0; this.sndWl1 = 0; this.sndWl2 = 0;
        this.sndScale = 0; this.rcvScale = params.rcvScale; this.offerScale = true;
        this.irs = 0; this.rcvNxt = 0; this.rcvAdv = 0;
        this.mss = 536; this.advMss = 536; this.peerMss = 536; this.tsoMax = 0;
        this.outputQueued = false;
        this.routeless = false;  // a SYN came before there was a route back (tcp_input.js)
        this.cwnd = 14600; this.ssthresh = 0x7fffffff;
        this.dupAcks = 0; this.inRecovery = false;
        this.sendBuf = new ByteQueue(); this.sndbuf = params.sndbuf;
        this.recvBuf = new ByteQueue(); this.rcvbuf = params.rcvbuf;
        this.ooo = []; this.oooBytes = 0;
        this.finQueued = false; this.finSeq = 0; this.finAcked = false;
        this.peerFinSeq = null; this.finReceived = false;
        this.readShut = false;
        this.ackPending = false;
        // Delayed ACK (RFC 1122 4.2.3.2, RFC 5681 4.2): an ACK for in-order
        // data may wait up to DELAYED_ACK_MS for data of ours to ride on (a
        // request's answer), unless two full segments are unacknowledged.
        this.ackDelayed = false; this.rcvUnacked = 0; this.delackTimer = null;
        this.delackDue = null;  // when the delayed ACK now pending must go
        this.rto = new Rto(); this.retries = 0;
        this.rttSeq = null; this.rttStart = 0;
        this.rtxTimer = null; this.rtxDue = 0; this.rtxTimerAt = 0;
        this.stateTimer = null; this.keepTimer = null;
        this.timeWaitEnd = 0;    // when TIME_WAIT ends (its queue: enterTimeWait)
        this.lastHeard = env.now(); this.keepProbes = 0; this.probeAt = null;
        this.nodelay = false; this.keepAlive = false; this.reuseAddr = false;
        this.error = 0;          // pending -errno, for SO_ERROR and the next call
        this.everConnected = false;
        this.userClosed = false;
        this.onChange = null;    // the socket layer's readiness callback
        this.path = null;        // ipv4.prepare's path to the peer (tcp_output.js)
    }

    T.newPcb = function () { return new Pcb(); };
    T.changed = function (pcb) {
        if (pcb.onChange)
            pcb.onChange();
    };
    T.setState = function (pcb, state) {
        pcb.state = state;
        if (state === 'ESTABLISHED') {
            pcb.everConnected = true;
            stats[pcb.parent ? 'passiveOpens' : 'activeOpens']++;
            armKeepalive(pcb);
        }
        T.changed(pcb);
    };
    T.mssFor = function (dst) {
        var r = stack.ipv4.route(dst);
        return Math.min(65495, (r ? r.iface.mtu : 576) - 40);
    };
    // The segment size (the peer's and ours), the route's offload and the
    // initial congestion window, which counts segments (RFC 6928).
    T.fitToRoute = function (pcb) {
        pcb.mss = Math.max(64, Math.min(pcb.peerMss, pcb.advMss));
        pcb.tsoMax = T.tsoFor(pcb.remoteAddr);
        pcb.cwnd = Math.min(10 * pcb.mss, Math.max(2 * pcb.mss, 14600));
    };
    // The delayed ACK's timer. Linux starts at 40 ms (TCP_DELACK_MIN); 100 ms
    // lets a busy server's answer carry the ACK more often, well inside RFC
    // 1122's 500 ms and below a peer's minimum RTO (200 ms on Linux, 1 s in
    // RFC 6298).
    var DELAYED_ACK_MS = 100;
    T.delayAck = function (pcb) {
        if (pcb.delackDue === null)
            pcb.delackDue = env.now() + DELAYED_ACK_MS;
        if (!pcb.delackTimer)
            armDelayedAck(pcb, DELAYED_ACK_MS);
    };
    // The timer stays when an answer carries the ACK (cancelling it would
    // cost a timer-heap removal per request). When it fires for an ACK that
    // became pending later (the next request), it waits out that ACK's own
    // delay instead of sending it early: with keep-alive, the early ACK went
    // out just before the answer that would have carried it.
    function armDelayedAck(pcb, ms) {
        pcb.delackTimer = env.setTimer(ms, function () {
            pcb.delackTimer = null;
            if (!pcb.ackPending || pcb.delackDue === null || pcb.state === 'CLOSED')
                return;
            var left = pcb.delackDue - env.now();
            if (left > 0) {
                armDelayedAck(pcb, left);
                return;
            }
            pcb.ackDelayed = false;
            out.ack(pcb);
            stack.flush();
        });
    }

    // Connections whose output waits for the end of the current batch of
    // input (tcp_input.js); stack.flush() runs it (flushOutput).
    // (T.pending.output counts them, so that stack.flush() looks without a
    // call: it runs after every socket call and every batch of frames.)
    var outputPending = [];
    T.pending = { output: 0 };
    T.outputLater = function (pcb) {
        if (pcb.outputQueued)
            return;
        pcb.outputQueued = true;
        outputPending.push(pcb);
        T.pending.output++;
    };
    T.flushOutput = function () {
        if (outputPending.length === 0)
            return false;
        var list = outputPending;
        outputPending = [];
        T.pending.output = 0;
        for (var i = 0; i < list.length; i++) {
            list[i].outputQueued = false;
            out.output(list[i]);
        }
        return true;
    };

    // Connections whose SYN came before there was a route back
    // (tcp_input.js): their SYN-ACK could not leave. When an interface gets
    // its address (stack.configure: DHCP is done), it leaves at once, with
    // the route's MSS and offload, instead of at its retransmission a
    // second later. Nothing was in flight: the RTO is not backed off.
    var routeless = [];
    T.waitForRoute = function (pcb) {
        pcb.routeless = true;
        routeless.push(pcb);
    };
    T.routesChanged = function () {
        var waiting = routeless;
        routeless = [];
        for (var i = 0; i < waiting.length; i++) {
            var pcb = waiting[i];
            if (!pcb.routeless || pcb.state !== 'SYN_RECEIVED')
                continue;  // gone, or its retransmission found the route
            if (!stack.ipv4.route(pcb.remoteAddr)) {
                routeless.push(pcb);
                continue;
            }
            T.stopRetransmit(pcb);
            out.sendSyn(pcb);
        }
    };

    // The largest packet the route's NIC segments itself (0: none).
    T.tsoFor = function (dst) {
        var r = stack.ipv4.route(dst);
        return r && r.iface.tsoMax ? r.iface.tsoMax : 0;
    };

    // Retransmission timer: `restart` re-arms a running one (new ACK).
    // Every new ACK restarts it, so a restart only moves the deadline
    // (pcb.rtxDue): the timer that goes off early sets itself again for the
    // rest, instead of a cancel and a new timer per ACK. For the same
    // reason, when everything sent is acknowledged the timer is parked
    // (rtxDue 0, parkRetransmit), not cancelled: a connection that answers
    // requests would otherwise make one timer and cancel it per answer. A
    // parked timer that goes off just ends; one armed again before then
    // goes off early and sets itself for the rest.
    T.armRetransmit = function (pcb, restart) {
        if (pcb.rtxTimer && pcb.rtxDue !== 0 && !restart)
            return;
        var now = env.now();
        pcb.rtxDue = now + pcb.rto.rto;
        if (pcb.rtxTimer && pcb.rtxTimerAt <= pcb.rtxDue)
            return;
        if (pcb.rtxTimer)
            env.clearTimer(pcb.rtxTimer);
        setRetransmitTimer(pcb, pcb.rto.rto);
    };
    function setRetransmitTimer(pcb, ms) {
        pcb.rtxTimerAt = env.now() + ms;
        pcb.rtxTimer = env.setTimer(ms, function () {
            if (pcb.rtxDue === 0) {  // parked: nothing to retransmit
                pcb.rtxTimer = null;
                return;
            }
            var early = pcb.rtxDue - env.now();
            if (early > 0) {
                setRetransmitTimer(pcb, early);
                return;
            }
            pcb.rtxTimer = null;
            retransmitTimeout(pcb);
            stack.flush();
        });
    }
    T.parkRetransmit = function (pcb) { pcb.rtxDue = 0; };
    T.stopRetransmit = function (pcb) {
        if (pcb.rtxTimer)
            env.clearTimer(pcb.rtxTimer);
        pcb.rtxTimer = null;
    };

    function retransmitTimeout(pcb) {
        stats.timeouts++;
        // Window probes count toward the limit only while unanswered.
        if (pcb.probeAt !== null && pcb.lastHeard >= pcb.probeAt)
            pcb.retries = 0;
        pcb.probeAt = null;
        pcb.retries++;
        pcb.rttSeq = null;  // Karn: nothing in flight is timed any more
        pcb.path = null;  // no answer: the neighbour is looked up again (ipv4.prepare)
        var syn = pcb.state === 'SYN_SENT' || pcb.state === 'SYN_RECEIVED';
        if (pcb.retries > (syn ? params.synRetries : params.retries)) {
            if (pcb.state === 'SYN_RECEIVED' && pcb.parent)
                T.destroy(pcb);
            else
                T.fail(pcb, -E.ETIMEDOUT, true);
            return;
        }
        pcb.rto.backoff();
        if (syn) {
            T.stats.retransmits++;
            out.sendSyn(pcb);
            return;
        }
        var inflight = S.diff(pcb.sndMax, pcb.sndUna);
        if (inflight === 0) {
            // Persist: probe the zero window with an old sequence number (as
            // Linux does), which the peer answers with an ACK carrying its
            // window; the retry limit counts only unanswered probes.
            pcb.probeAt = env.now();
            out.send(pcb, S.add(pcb.sndUna, -1), S.ACK, null, false);
            T.stats.windowProbes++;
            T.armRetransmit(pcb);
            return;
        }
        // Go back to the first unacknowledged byte, one segment at a time
        // (RFC 5681 3.1: ssthresh halves, cwnd is one segment).
        pcb.ssthresh = Math.max(Math.floor(inflight / 2), 2 * pcb.mss);
        pcb.cwnd = pcb.mss;
        pcb.inRecovery = false;
        pcb.dupAcks = 0;
        pcb.sndNxt = pcb.sndUna;
        out.output(pcb, pcb.sndWnd === 0);
        T.armRetransmit(pcb);
    }

    function armKeepalive(pcb) {
        if (pcb.keepTimer)
            env.clearTimer(pcb.keepTimer);
        pcb.keepTimer = null;
        if (!pcb.keepAlive || pcb.state !== 'ESTABLISHED')
            return;
        var idle = env.now() - pcb.lastHeard;
        var keepIdle = pcb.keepIdleMs || params.keepIdleMs;
        var wait = pcb.keepProbes > 0 ? pcb.keepIntervalMs || params.keepIntervalMs :
            Math.max(0, keepIdle - idle);
        pcb.keepTimer = env.setTimer(wait, function () {
            pcb.keepTimer = null;
            if (pcb.state !== 'ESTABLISHED' || !pcb.keepAlive)
                return;
            if (env.now() - pcb.lastHeard >= keepIdle) {
                if (pcb.keepProbes >= (pcb.keepCount || params.keepCount)) {
                    T.fail(pcb, -E.ETIMEDOUT, true);
                    stack.flush();
                    return;
                }
                pcb.keepProbes++;
                // A probe: one sequence number behind, so the peer answers with an ACK.
                out.send(pcb, S.add(pcb.sndUna, -1), S.ACK, null, false);
                stack.flush();
            }
            armKeepalive(pcb);
        });
    }
    T.armKeepalive = armKeepalive;

    // TIME_WAIT. A server that closes first keeps every connection it
    // served in the last 2 MSL: thousands, each marked by every garbage
    // collection. So they wait in one queue, in the order their 2 MSL
    // ends (all last as long), under one timer; and one the user has
    // closed keeps only what answering a late segment needs, as Linux
    // keeps a small record instead of the socket (inet_timewait_sock).
    // timeWaitEnds[i]: when timeWaitQueue[i]'s wait ends; a pcb whose wait
    // restarted (a FIN again) is in the queue again, further on, and its
    // earlier place is passed over.
    var timeWaitQueue = [], timeWaitEnds = [], timeWaitHead = 0, timeWaitTimer = null;
    var NONE = Object.freeze([]);
    var EMPTY_QUEUE = new ByteQueue();  // an empty buffer; a TIME_WAIT pcb never adds to it
    T.enterTimeWait = function (pcb) {
        pcb.state = 'TIME_WAIT';
        T.stopRetransmit(pcb);
        if (pcb.stateTimer)
            env.clearTimer(pcb.stateTimer);
        pcb.stateTimer = null;
        pcb.timeWaitEnd = env.now() + params.timeWaitMs;
        timeWaitQueue.push(pcb);
        timeWaitEnds.push(pcb.timeWaitEnd);
        if (timeWaitTimer === null)
            timeWaitTimer = env.setTimer(params.timeWaitMs, endTimeWaits);
        if (pcb.userClosed && pcb.recvBuf.length === 0 && pcb.sendBuf.length === 0) {
            pcb.sendBuf = pcb.recvBuf = EMPTY_QUEUE;
            pcb.ooo = pcb.acceptQueue = NONE;
            pcb.path = null;  // prepared again for an ACK, should one go
        }
        T.changed(pcb);
    };
    function endTimeWaits() {
        timeWaitTimer = null;
        var now = env.now(), queue = timeWaitQueue, ends = timeWaitEnds, head = timeWaitHead;
        while (head < queue.length && ends[head] <= now) {
            var pcb = queue[head];
            if (pcb.state === 'TIME_WAIT' && pcb.timeWaitEnd === ends[head])
                T.destroy(pcb);
            queue[head++] = null;
        }
        if (head === queue.length) {
            timeWaitQueue = [];
            timeWaitEnds = [];
            head = 0;
        } else if (head >= 1024 && head * 2 >= queue.length) {
            timeWaitQueue = queue.slice(head);
            timeWaitEnds = ends.slice(head);
            head = 0;
        }
        timeWaitHead = head;
        if (head < timeWaitQueue.length)
            timeWaitTimer = env.setTimer(timeWaitEnds[head] - now, endTimeWaits);
    }

    // Connections that ended in the last 2 MSL, by their four numbers: the
    // sequence number after the last one each sent. A new connection on
    // the same four starts 2^30 above it (tcp_input.js listenInput), beyond
    // any window of the old one. The host's Linux reuses a loopback port a
    // second after its side closed, and QEMU's forward connects from it,
    // while slirp keeps the old connection in TIME_WAIT for 10 s: it takes
    // a SYN-ACK within or below that connection's window for one of its
    // old segments and resets, and its SYN comes again 6 s later (16 MiB
    // downloads took 16-17 s instead of 1-2 in 2 of 6 tries). Beyond the
    // window, BSD's rule (which slirp keeps) ends the old connection.
    var RECENT_MS = 60000, RECENT_MAX = 4096;
    // recentKeys, recentAts, recentNexts: each connection that ended, its
    // time and next sequence number, oldest first from recentHead (the
    // front is cut off now and then: Duktape's shift() moves every
    // element). recent: the four numbers -> where their latest ending is
    // (recentBase + its index). A server without keep-alive ends thousands
    // a minute, so an ending is only numbers and its key, no objects.
    var recent = {}, recentKeys = [], recentAts = [], recentNexts = [];
    var recentHead = 0, recentBase = 0;
    function recentKey(pcb) {
        return pcb.remoteAddr + ':' + pcb.remotePort + '>' + pcb.localAddr + ':' + pcb.localPort;
    }
    function forgetOld(now) {
        var keys = recentKeys, head = recentHead;
        while (head < keys.length &&
                (recentAts[head] <= now - RECENT_MS || keys.length - head > RECENT_MAX)) {
            if (recent[keys[head]] === recentBase + head)
                delete recent[keys[head]];
            keys[head++] = null;
        }
        if (head >= 1024 && head * 2 >= keys.length) {
            recentKeys = keys.slice(head);
            recentAts = recentAts.slice(head);
            recentNexts = recentNexts.slice(head);
            recentBase += head;
            head = 0;
        }
        recentHead = head;
    }
    function rememberEnded(pcb) {
        var now = env.now(), key = recentKey(pcb);
        recent[key] = recentBase + recentKeys.length;
        recentKeys.push(key);
        recentAts.push(now);
        recentNexts.push(pcb.sndMax);
        forgetOld(now);
    }
    T.recentCount = function () { return recentKeys.length - recentHead; };
    // The initial sequence number for a new connection on pcb's four
    // numbers: 2^30 above the last one's, else the random one it has.
    T.issAfterRecent = function (pcb) {
        forgetOld(env.now());
        var at = recent[recentKey(pcb)];
        return at !== void 0 ? S.add(recentNexts[at - recentBase], 0x40000000) : pcb.iss;
    };

    // The connection is gone: timers stop, the port is free (a listener's
    // unaccepted children go too).
    T.destroy = function (pcb) {
        if (pcb.everConnected && pcb.remotePort !== 0 && pcb.state !== 'CLOSED')
            rememberEnded(pcb);
        T.stopRetransmit(pcb);
        if (pcb.delackTimer)
            env.clearTimer(pcb.delackTimer);
        pcb.delackTimer = null;
        if (pcb.stateTimer)
            env.clearTimer(pcb.stateTimer);
        if (pcb.keepTimer)
            env.clearTimer(pcb.keepTimer);
        pcb.stateTimer = pcb.keepTimer = null;
        if (pcb.parent && pcb.state === 'SYN_RECEIVED')
            pcb.parent.embryos--;
        pcb.state = 'CLOSED';
        ports.unbind(pcb);
        if (lastPcb === pcb)
            lastPcb = null;
        T.changed(pcb);
    };

    // Aborts with an error for the user; `sendReset`: tell the peer.
    T.fail = function (pcb, errno, sendReset) {
        if (sendReset)
            out.reset(pcb);
        // A connection reset before accept() stays in the queue, as on
        // Linux: the first call on the accepted socket reports the error.
        pcb.error = errno;
        T.destroy(pcb);
    };

    // A RST answering a segment no connection wants (RFC 793 3.4).
    T.resetFor = function (info, seg) {
        if (seg.flags & S.RST)
            return;
        stats.resetsSent++;
        var s = { sport: seg.dport, dport: seg.sport, window: 0, mss: 0, wscale: -1, data: null };
        if (seg.flags & S.ACK) {
            s.seq = seg.ack;
            s.ack = 0;
            s.flags = S.RST;
        } else {
            s.seq = 0;
            s.ack = S.add(seg.seq, seg.data.length + ((seg.flags & S.SYN) ? 1 : 0) +
                ((seg.flags & S.FIN) ? 1 : 0));
            s.flags = S.RST | S.ACK;
        }
        stack.ipv4.output(info.dst, info.src, 6, S.build(info.dst, info.src, s,
            info.iface === stack.loopback));
    };

    var out = T.out = require('./tcp_output').create(T);
    var inp = require('./tcp_input').create(T);

    // The connection the last segment was for (BSD's tcp_last_inpcb): the
    // segments of a burst are for one connection, and ports.lookup makes a
    // key string each time. Only a connection in a state no other one with
    // the same addresses and ports can be in (TIME_WAIT's may be followed
    // by a new one) is taken from here.
    var lastPcb = null;
    function wants(o) {
        return o.state !== 'CLOSED' && (o.remotePort !== 0 || o.state === 'LISTEN');
    }
    function input(info, p) {
        stats.segmentsReceived++;
        if (info.broadcast)
            return;
        var seg = S.parse(info.src, info.dst, p, info.iface === stack.loopback);
        if (!seg) {
            stats.badSegments++;
            return;
        }
        var pcb = lastPcb;
        if (pcb === null || pcb.remotePort !== seg.sport || pcb.localPort !== seg.dport ||
                pcb.remoteAddr !== info.src || pcb.localAddr !== info.dst ||
                pcb.state === 'CLOSED' || pcb.state === 'TIME_WAIT' || pcb.state === 'LISTEN') {
            pcb = ports.lookup(info.dst, seg.dport, info.src, seg.sport, wants);
            if (!pcb) {
                T.resetFor(info, seg);
                return;
            }
            lastPcb = pcb;
        }
        inp.input(pcb, info, seg);
    }
    stack.ipv4.register(6, input);

    // --- the calls of the socket layer ---------------------------------

    function shares(a, b) {
        // SO_REUSEADDR (Linux's rule): a port can be bound again when no
        // listener holds it and the sockets holding it set it too, or are
        // only in TIME_WAIT (or closed).
        return a.reuseAddr && b.state !== 'LISTEN' &&
            (b.reuseAddr || b.state === 'TIME_WAIT' || b.state === 'CLOSED');
    }

    Pcb.prototype.bind = function (addr, port) {
        if (this.localPort)
            return -E.EINVAL;
        if (addr !== 0 && !stack.ipv4.isLocal(addr))
            return -E.EADDRNOTAVAIL;
        return ports.bind(this, addr, port, shares);
    };

    Pcb.prototype.listen = function (backlog) {
        if (this.state !== 'CLOSED' && this.state !== 'LISTEN')
            return -E.EINVAL;
        if (!this.localPort) {
            var r = ports.bind(this, 0, 0, null);
            if (r < 0)
                return r;
        }
        // Linux clamps to somaxconn (4096) and takes a backlog of 0 as 1.
        this.backlog = Math.max(1, Math.min(backlog, 4096));
        this.state = 'LISTEN';
        return 0;
    };

    // Starts the handshake; 0 (the caller waits for ESTABLISHED) or -errno.
    Pcb.prototype.connect = function (addr, port) {
        if (this.state === 'LISTEN')
            return -E.EISCONN;
        if (this.state === 'SYN_SENT')
            return -E.EALREADY;
        if (this.state !== 'CLOSED' || this.everConnected)
            return -E.EISCONN;
        if (port === 0 || addr === 0)
            return -E.ECONNREFUSED;
        var r = stack.ipv4.route(addr);
        if (!r)
            return -E.ENETUNREACH;
        if (this.localAddr === 0) {
            var src = stack.ipv4.sourceFor(addr);
            if (!src)
                return -E.EADDRNOTAVAIL;
            if (this.localPort)
                this.localAddr = src;
            else {
                var b = ports.bind(this, src, 0, null);
                if (b < 0)
                    return b;
            }
        } else if (!this.localPort) {
            var b2 = ports.bind(this, this.localAddr, 0, null);
            if (b2 < 0)
                return b2;
        }
        ports.connect(this, addr, port);
        this.advMss = T.mssFor(addr);
        this.error = 0;
        this.state = 'SYN_SENT';
        out.sendSyn(this);
        return 0;
    };

    // The next established connection of a listener, or null.
    Pcb.prototype.accept = function () {
        return this.acceptQueue.shift() || null;
    };

    // Queues bytes to send: how many were taken (0: the buffer is full),
    // or -errno.
    Pcb.prototype.send = function (u8, offset, n) {
        if (this.error)
            return this.takeError();
        if (this.state === 'SYN_SENT' || this.state === 'SYN_RECEIVED')
            return 0;
        // Linux says EPIPE (and raises SIGPIPE) even on a socket never connected.
        if (this.finQueued || (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE_WAIT'))
            return -E.EPIPE;
        var room = this.sndbuf - this.sendBuf.length;
        var take = n < room ? n : room;
        if (take <= 0)
            return 0;
        this.sendBuf.push(u8, offset, take);
        out.output(this);
        return take;
    };

    // Takes received bytes: a count, 0 at end of stream, or -EAGAIN.
    Pcb.prototype.receive = function (dst, offset, n) {
        if (this.recvBuf.length > 0 && !this.readShut) {
            var got = this.recvBuf.read(dst, offset, n);
            this.windowUpdate();
            return got;
        }
        if (this.error)
            return this.takeError();
        if (this.finReceived || this.readShut || this.state === 'CLOSED' && this.everConnected)
            return 0;
        if (this.state === 'CLOSED' || this.state === 'LISTEN')
            return -E.ENOTCONN;
        return -E.EAGAIN;
    };

    // After a read: tell the peer when the window opened by enough to
    // matter (RFC 9293 3.8.6.2.2, receiver-side silly window avoidance).
    // The window we could advertise now is the free room, but no more than
    // the window field holds (65535, times 2^rcvScale when the peer agreed
    // to window scaling): without that cap, a peer that does not scale
    // (QEMU's slirp) would get an ACK after every read.
    // (Compares, not Math.min/max: this runs after every read.)
    Pcb.prototype.windowUpdate = function () {
        var now = this.rcvbuf - this.recvBuf.length, most = 65535 * (1 << this.rcvScale);
        if (now > most)
            now = most;
        var advertised = (this.rcvAdv - this.rcvNxt) | 0;  // S.diff, inline
        if (advertised < 0)
            advertised = 0;
        var enough = this.rcvbuf / 2 < 2 * this.mss ? this.rcvbuf / 2 : 2 * this.mss;
        if (now - advertised >= enough &&
            (this.state === 'ESTABLISHED' || this.state === 'FIN_WAIT_1' || this.state === 'FIN_WAIT_2'))
            out.ack(this);
    };

    Pcb.prototype.takeError = function () {
        var e = this.error;
        this.error = 0;
        return e;
    };

    Pcb.prototype.readable = function () {
        if (this.state === 'LISTEN')
            return this.acceptQueue.length > 0;
        return this.recvBuf.length > 0 || this.finReceived || this.error !== 0 || this.readShut ||
            (this.state === 'CLOSED' && this.everConnected);
    };

    // Linux's rule (sk_stream_is_writeable): writable when the free space
    // is at least half of what is queued. Waking a writer for every
    // acknowledged segment would cost a system call and an event-loop turn
    // per 1460 bytes.
    Pcb.prototype.writable = function () {
        var queued = this.sendBuf.length;
        return (this.state === 'ESTABLISHED' || this.state === 'CLOSE_WAIT') && !this.finQueued &&
            this.sndbuf - queued >= queued / 2;
    };

    Pcb.prototype.bytesReadable = function () { return this.recvBuf.length; };

    // SHUT_WR: a FIN after the queued bytes.
    Pcb.prototype.shutdownWrite = function () {
        if (this.state === 'LISTEN' || this.state === 'SYN_SENT') {
            return 0;
        }
        if (this.finQueued || (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE_WAIT' &&
            this.state !== 'SYN_RECEIVED'))
            return this.everConnected || this.state === 'SYN_RECEIVED' ? 0 : -E.ENOTCONN;
        this.finQueued = true;
        this.finSeq = S.add(this.sndBase, this.sendBuf.length);
        T.setState(this, this.state === 'CLOSE_WAIT' ? 'LAST_ACK' : 'FIN_WAIT_1');
        out.output(this);
        return 0;
    };

    Pcb.prototype.shutdownRead = function () {
        this.readShut = true;
        this.recvBuf.drop(this.recvBuf.length);
        T.changed(this);
        return 0;
    };

    // close(): a listener resets its unaccepted connections; a connection
    // with unread data is reset (RFC 2525 2.17, as Linux does); else it
    // closes in order and finishes on its own (TIME_WAIT, LAST_ACK...).
    Pcb.prototype.close = function () {
        var self = this;
        this.userClosed = true;
        this.onChange = null;
        switch (this.state) {
        case 'LISTEN':
            this.acceptQueue.forEach(function (c) { T.fail(c, -E.ECONNABORTED, true); });
            ports.all().forEach(function (c) {
                if (c.parent === self && c.state === 'SYN_RECEIVED')
                    T.fail(c, -E.ECONNABORTED, true);
            });
            this.acceptQueue = [];
            T.destroy(this);
            break;
        case 'CLOSED':
        case 'SYN_SENT':
            T.destroy(this);
            break;
        case 'SYN_RECEIVED':
        case 'ESTABLISHED':
        case 'CLOSE_WAIT':
            if (this.recvBuf.length > 0) {
                T.fail(this, 0, true);
                break;
            }
            this.shutdownWrite();
            break;
        }
        if (this.state === 'FIN_WAIT_2' || this.state === 'FIN_WAIT_1')
            this.lingerTimer();
    };

    // After close(), FIN_WAIT_2 does not last forever (tcp_fin_timeout).
    Pcb.prototype.lingerTimer = function () {
        var self = this;
        if (this.stateTimer)
            return;
        this.stateTimer = env.setTimer(params.finWait2Ms, function () {
            self.stateTimer = null;
            if (self.state === 'FIN_WAIT_2' || self.state === 'FIN_WAIT_1') {
                T.destroy(self);
                stack.flush();
            }
        });
    };

    Pcb.prototype.setKeepAlive = function (on) {
        this.keepAlive = !!on;
        armKeepalive(this);
    };

    Pcb.prototype.setNoDelay = function (on) {
        this.nodelay = !!on;
        if (on)
            out.output(this);
    };

    return { open: function () { return new Pcb(); }, stats: stats, params: params, ports: ports,
        T: T, trace: function (fn) { T.tracer = fn; }, flushOutput: T.flushOutput,
        pending: T.pending,
        routesChanged: T.routesChanged };
}

module.exports = { create: create, defaults: defaults };
