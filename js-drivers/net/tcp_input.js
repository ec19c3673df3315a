// TCP's receiving side: "SEGMENT ARRIVES" of RFC 793 3.9 (as revised by
// RFC 9293): the SYN states of the handshake, the acceptability check,
// RST, ACK processing (send window update, RTT samples, congestion
// window, fast retransmit on the third duplicate ACK, RFC 5681 3.2), data
// in order and out of order (kept up to the receive buffer's size), and
// FIN with the closing states.
'use strict';

var S = require('./tcp_segment');
var E = require('./errno');

var DUPACK_THRESHOLD = 3;

function create(T) {
    var out = T.out;

    // Options of a SYN: the peer's MSS and window scale.
    function takeSynOptions(pcb, seg) {
        pcb.peerMss = seg.mss || 536;  // RFC 9293 3.7.1's default
        T.fitToRoute(pcb);
        if (seg.wscale >= 0 && pcb.offerScale) {
            pcb.sndScale = seg.wscale;
        } else {
            pcb.sndScale = 0;
            pcb.rcvScale = 0;
            pcb.offerScale = false;
        }
    }

    function listenInput(lp, info, seg) {
        if (seg.flags & S.RST)
            return;
        if (seg.flags & S.ACK) {
            T.resetFor(info, seg);
            return;
        }
        if (!(seg.flags & S.SYN))
            return;
        if (lp.acceptQueue.length + lp.embryos >= lp.backlog) {
            T.stats.listenDrops++;
            return;  // the peer's SYN retransmission tries again
        }
        var c = T.newPcb();
        c.parent = lp;
        c.localAddr = info.dst;
        c.localPort = lp.localPort;
        c.remoteAddr = info.src;
        c.remotePort = seg.sport;
        // Above an earlier connection's numbers on the same four (tcp.js).
        c.iss = c.sndUna = c.sndNxt = c.sndMax = T.issAfterRecent(c);
        c.sndBase = S.add(c.iss, 1);
        c.nodelay = lp.nodelay;
        c.keepAlive = lp.keepAlive;
        c.reuseAddr = lp.reuseAddr;
        c.keepIdleMs = lp.keepIdleMs;
        c.keepIntervalMs = lp.keepIntervalMs;
        c.keepCount = lp.keepCount;
        c.sndbuf = lp.sndbuf;
        c.rcvbuf = lp.rcvbuf;
        c.state = 'SYN_RECEIVED';
        c.irs = seg.seq;
        c.rcvNxt = S.add(seg.seq, 1);
        c.offerScale = seg.wscale >= 0;
        c.advMss = T.mssFor(info.src);
        // The interface takes frames before DHCP gave it an address, and
        // QEMU's forwards deliver a host's SYN then: with no route back,
        // the MSS and offload would be those of no route (536 bytes a
        // segment, no TSO: 30 times slower). The SYN-ACK cannot leave yet
        // either; it leaves with the route's (tcp_output.sendSyn) when the
        // address comes (T.routesChanged) or at its retransmission.
        if (!T.stack.ipv4.route(info.src))
            T.waitForRoute(c);
        takeSynOptions(c, seg);
        c.sndWnd = seg.window;
        c.sndWl1 = seg.seq;
        c.sndWl2 = c.iss;
        lp.embryos++;
        T.ports.add(c);
        out.sendSyn(c);
    }

    function synSentInput(pcb, info, seg) {
        var ackOk = false;
        if (seg.flags & S.ACK) {
            if (S.le(seg.ack, pcb.iss) || S.gt(seg.ack, pcb.sndMax)) {
                if (!(seg.flags & S.RST))
                    T.resetFor(info, seg);
                return;
            }
            ackOk = true;
        }
        if (seg.flags & S.RST) {
            if (ackOk)
                T.fail(pcb, -E.ECONNREFUSED);
            return;
        }
        if (!(seg.flags & S.SYN))
            return;
        pcb.irs = seg.seq;
        pcb.rcvNxt = S.add(seg.seq, 1);
        pcb.rcvAdv = pcb.rcvNxt;
        takeSynOptions(pcb, seg);
        pcb.sndWnd = seg.window;  // unscaled in a SYN
        pcb.sndWl1 = seg.seq;
        pcb.sndWl2 = seg.ack;
        if (ackOk) {
            ackAdvance(pcb, seg.ack);
            T.setState(pcb, 'ESTABLISHED');
            out.ack(pcb);
            out.output(pcb);
        } else {
            // Simultaneous open (RFC 793 figure 8).
            T.setState(pcb, 'SYN_RECEIVED');
            out.sendSyn(pcb);
        }
    }

    // The peer acknowledged up to `ack` (newer than sndUna). (It runs for
    // every ACK taken: its clamps are compares, not Math calls, which are
    // built-in calls in Duktape.)
    // (On the per-segment paths below, sequence numbers are compared
    // inline: `(a - b) | 0` is S.diff(a, b), and `> 0` after it S.gt. In
    // Duktape each call of those small functions costs about 2,000
    // instructions, and an ACK took some twenty of them.)
    function ackAdvance(pcb, ack) {
        var newly = (ack - pcb.sndUna) | 0;
        pcb.sndUna = ack;
        var dataAcked = (ack - pcb.sndBase) | 0;
        if (dataAcked > pcb.sendBuf.length)
            dataAcked = pcb.sendBuf.length;
        if (dataAcked < 0)
            dataAcked = 0;
        pcb.sendBuf.drop(dataAcked);
        pcb.sndBase = (pcb.sndBase + dataAcked) >>> 0;
        if (pcb.synPending) {
            pcb.synPending = false;  // the SYN's sequence number is in `newly`
        }
        if (pcb.finQueued && ((ack - pcb.finSeq) | 0) > 0)
            pcb.finAcked = true;
        if (((pcb.sndNxt - ack) | 0) < 0)
            pcb.sndNxt = ack;
        if (pcb.rttSeq !== null && ((ack - pcb.rttSeq) | 0) >= 0) {
            pcb.rto.sample(T.env.now() - pcb.rttStart);
            pcb.rttSeq = null;
        }
        if (pcb.inRecovery) {
            pcb.inRecovery = false;
            pcb.cwnd = pcb.ssthresh;  // deflate (RFC 5681 3.2 step 6)
        } else if (pcb.cwnd < pcb.ssthresh) {
            pcb.cwnd += newly < pcb.mss ? newly : pcb.mss;
        } else {
            var grow = (pcb.mss * pcb.mss / pcb.cwnd) | 0;  // below 2^31: mss^2 / (cwnd >= mss)
            pcb.cwnd += grow > 1 ? grow : 1;
        }
        pcb.dupAcks = 0;
        pcb.retries = 0;
        pcb.rto.backoffs = 0;
        if (((pcb.sndMax - pcb.sndUna) | 0) === 0)
            T.parkRetransmit(pcb);
        else
            T.armRetransmit(pcb, true);
    }

    // Whether the segment has something in the receive window (RFC 793's
    // four cases, taking in a segment that begins before rcvNxt).
    // (Offsets from rcvNxt: in the window means 0 <= offset < wnd.)
    function acceptable(pcb, seg, len) {
        var wnd = (pcb.rcvAdv - pcb.rcvNxt) | 0;
        if (wnd < 0)
            wnd = 0;
        var first = (seg.seq - pcb.rcvNxt) | 0;
        if (len === 0)
            return first === 0 || (first > 0 && first < wnd);
        if (wnd === 0)
            return false;
        var last = (first + len - 1) | 0;
        return (first >= 0 && first < wnd) || (last >= 0 && last < wnd);
    }

    // A SYN for a connection in TIME_WAIT whose sequence number is above
    // everything the old connection received opens a new one (RFC 1122
    // 4.2.2.13, as BSD and Linux do), whose initial sequence number is 2^30
    // above everything the old one sent (T.issAfterRecent): beyond any
    // window, so no old segment fits the new connection, and a peer still
    // holding the old connection in TIME_WAIT itself takes our SYN-ACK as
    // the new one's. The challenge ACK we sent before made slirp reset and
    // send its SYN again 6 s later.
    function timeWaitSyn(pcb, info, seg) {
        T.destroy(pcb);  // remembers where it ended
        var lp = T.ports.lookup(info.dst, seg.dport, info.src, seg.sport, function (o) {
            return o.state === 'LISTEN';
        });
        if (!lp) {
            T.resetFor(info, seg);
            return;
        }
        T.stats.timeWaitReused++;
        listenInput(lp, info, seg);
    }

    function input(pcb, info, seg) {
        if (T.tracer !== null)  // (tested here: a call costs ~2,000 instructions)
            T.trace(pcb, 'in', seg);
        pcb.lastHeard = T.env.now();
        pcb.keepProbes = 0;
        if (pcb.state === 'LISTEN')
            return listenInput(pcb, info, seg);
        if (pcb.state === 'TIME_WAIT' && (seg.flags & (S.SYN | S.ACK | S.RST)) === S.SYN &&
                S.gt(seg.seq, pcb.rcvNxt))
            return timeWaitSyn(pcb, info, seg);
        if (pcb.state === 'SYN_SENT')
            return synSentInput(pcb, info, seg);
        if (pcb.state === 'CLOSED')
            return;
        var len = seg.data.length + ((seg.flags & S.SYN) ? 1 : 0) + ((seg.flags & S.FIN) ? 1 : 0);
        if (!acceptable(pcb, seg, len)) {
            if (seg.flags & S.RST)
                return;
            out.ack(pcb);  // a duplicate: the peer learns where we are
            // The peer's last segment sent again may still acknowledge
            // something new: QEMU's slirp, when FINs cross, sends its FIN
            // again with the ACK of ours. Like BSD and Linux, keep its ACK
            // and drop the rest; dropping it all cost our FIN a
            // retransmission. Only a copy that ends at rcvNxt (Linux takes
            // those ending after its last window update; BSD any): older
            // sequence numbers are no way in for a forged ACK.
            if ((seg.flags & (S.SYN | S.ACK)) !== S.ACK || S.add(seg.seq, len) !== pcb.rcvNxt)
                return;
            seg.seq = pcb.rcvNxt;
            seg.flags &= ~(S.FIN | S.PSH);
            seg.data = seg.data.subarray(0, 0);
        }
        if (seg.flags & S.RST) {
            // RFC 5961 3.2: only the exact sequence resets; else a challenge ACK.
            if (seg.seq !== pcb.rcvNxt) {
                out.ack(pcb);
                return;
            }
            if (pcb.state === 'SYN_RECEIVED' && pcb.parent)
                T.destroy(pcb);
            else
                T.fail(pcb, pcb.state === 'SYN_RECEIVED' ? -E.ECONNREFUSED : -E.ECONNRESET);
            return;
        }
        if (seg.flags & S.SYN) {
            out.ack(pcb);  // RFC 5961 4.2: a challenge ACK, the segment goes
            return;
        }
        if (!(seg.flags & S.ACK))
            return;
        if (pcb.state === 'SYN_RECEIVED') {
            if (S.le(seg.ack, pcb.sndUna) || S.gt(seg.ack, pcb.sndMax)) {
                T.resetFor(info, seg);
                return;
            }
            T.setState(pcb, 'ESTABLISHED');
            pcb.sndWnd = seg.window * (1 << pcb.sndScale);
            pcb.sndWl1 = seg.seq;
            pcb.sndWl2 = seg.ack;
            if (pcb.parent) {
                pcb.parent.embryos--;
                pcb.parent.acceptQueue.push(pcb);
                T.changed(pcb.parent);
            }
        }
        // ACK.
        if (((seg.ack - pcb.sndMax) | 0) > 0) {
            out.ack(pcb);
            return;
        }
        var wnd = seg.window * (1 << pcb.sndScale);
        if (((seg.ack - pcb.sndUna) | 0) > 0) {
            // Readiness changes only if the send buffer had no room for a
            // writer (Pcb.writable): then the room this ACK makes is news.
            // Otherwise the socket was writable and stays so, and telling
            // epoll would end its wait for nothing, once per response (as
            // Linux, which wakes writers only after one found no space).
            var queued = pcb.sendBuf.length;
            var full = pcb.sndbuf - queued < queued / 2;
            ackAdvance(pcb, seg.ack);
            if (full)
                T.changed(pcb);  // writable
        } else if (seg.ack === pcb.sndUna && seg.data.length === 0 && !(seg.flags & S.FIN) &&
                   wnd === pcb.sndWnd && ((pcb.sndMax - pcb.sndUna) | 0) > 0) {
            pcb.dupAcks++;
            if (pcb.dupAcks === DUPACK_THRESHOLD) {
                var flight = S.diff(pcb.sndMax, pcb.sndUna);
                pcb.ssthresh = Math.max(Math.floor(flight / 2), 2 * pcb.mss);
                pcb.cwnd = pcb.ssthresh + 3 * pcb.mss;
                pcb.inRecovery = true;
                out.retransmitFirst(pcb);
            } else if (pcb.dupAcks > DUPACK_THRESHOLD) {
                pcb.cwnd += pcb.mss;  // each duplicate: a segment has left the network
            }
        }
        if (((pcb.sndWl1 - seg.seq) | 0) < 0 ||
                (pcb.sndWl1 === seg.seq && ((pcb.sndWl2 - seg.ack) | 0) <= 0)) {
            var opened = wnd > pcb.sndWnd;
            pcb.sndWnd = wnd;
            pcb.sndWl1 = seg.seq;
            pcb.sndWl2 = seg.ack;
            if (opened)
                T.changed(pcb);
        }
        if (pcb.finAcked) {
            if (pcb.state === 'FIN_WAIT_1')
                T.setState(pcb, 'FIN_WAIT_2');
            else if (pcb.state === 'CLOSING')
                T.enterTimeWait(pcb);
            else if (pcb.state === 'LAST_ACK') {
                T.destroy(pcb);
                return;
            }
        }
        if (pcb.state === 'TIME_WAIT') {
            if (seg.flags & S.FIN) {
                out.ack(pcb);
                T.enterTimeWait(pcb);  // restarts 2MSL (RFC 793)
            }
            return;
        }
        // Data.
        var receiving = pcb.state === 'ESTABLISHED' || pcb.state === 'FIN_WAIT_1' ||
            pcb.state === 'FIN_WAIT_2';
        var dataSeq = seg.seq;
        var data = seg.data;
        if (receiving && data.length > 0) {
            // Out of order, filling a gap, or old: ACKed at once, not at the
            // end of the batch, so the sender sees every duplicate ACK (RFC
            // 5681 4.2; fast retransmit counts them).
            var immediate = pcb.ooo.length > 0;
            var skip = (pcb.rcvNxt - dataSeq) | 0;
            if (skip > 0) {
                data = data.subarray(Math.min(skip, data.length));
                dataSeq = pcb.rcvNxt;
            }
            if (data.length > 0) {
                if (dataSeq === pcb.rcvNxt) {
                    take(pcb, data);
                    drainOutOfOrder(pcb);
                } else {
                    keepOutOfOrder(pcb, dataSeq, data);
                    immediate = true;
                }
            } else {
                immediate = true;
            }
            pcb.ackPending = true;
            pcb.rcvUnacked += seg.data.length;
            if (immediate)
                out.ack(pcb);
            else
                pcb.ackDelayed = pcb.rcvUnacked < 2 * pcb.mss;
        }
        if (seg.flags & S.FIN) {
            var finSeq = S.add(seg.seq, seg.data.length);
            if (S.diff(finSeq, pcb.rcvNxt) >= 0 && !pcb.finReceived)
                pcb.peerFinSeq = finSeq;
            pcb.ackPending = true;
            pcb.ackDelayed = false;
        }
        checkPeerFin(pcb);
        if (receiving && data.length > 0)
            T.changed(pcb);
        // Sent when this batch of received frames is done (stack.flush):
        // the ACKs of a batch open the window once, for one large segment
        // (TCP segmentation offload) instead of one MSS per ACK.
        T.outputLater(pcb);
    }

    function take(pcb, data) {
        var room = pcb.rcvbuf - pcb.recvBuf.length;
        var n = room < data.length ? room : data.length;
        if (pcb.readShut) {
            n = data.length;  // SHUT_RD: taken and forgotten
        } else if (n > 0) {
            pcb.recvBuf.push(data, 0, n);
        }
        pcb.rcvNxt = (pcb.rcvNxt + n) >>> 0;
        T.stats.bytesReceived += n;
    }

    function keepOutOfOrder(pcb, seq, data) {
        if (pcb.oooBytes + data.length > pcb.rcvbuf)
            return;
        for (var i = 0; i < pcb.ooo.length; i++) {
            var o = pcb.ooo[i];
            if (o.seq === seq && o.data.length >= data.length)
                return;  // a duplicate
            if (S.gt(o.seq, seq))
                break;
        }
        var copy = new Uint8Array(data.length);
        copy.set(data);
        pcb.ooo.splice(i, 0, { seq: seq, data: copy });
        pcb.oooBytes += copy.length;
        T.stats.outOfOrder++;
    }

    function drainOutOfOrder(pcb) {
        while (pcb.ooo.length > 0 && S.le(pcb.ooo[0].seq, pcb.rcvNxt)) {
            var o = pcb.ooo.shift();
            pcb.oooBytes -= o.data.length;
            var skip = S.diff(pcb.rcvNxt, o.seq);
            if (skip < o.data.length)
                take(pcb, o.data.subarray(skip));
        }
    }

    // The peer's FIN once every byte before it has come.
    function checkPeerFin(pcb) {
        if (pcb.peerFinSeq === null || pcb.finReceived || pcb.peerFinSeq !== pcb.rcvNxt)
            return;
        pcb.finReceived = true;
        pcb.rcvNxt = S.add(pcb.rcvNxt, 1);
        pcb.ackPending = true;
        if (pcb.state === 'ESTABLISHED' || pcb.state === 'SYN_RECEIVED')
            T.setState(pcb, 'CLOSE_WAIT');
        else if (pcb.state === 'FIN_WAIT_1')
            T.setState(pcb, pcb.finAcked ? 'TIME_WAIT' : 'CLOSING');
        else if (pcb.state === 'FIN_WAIT_2')
            T.setState(pcb, 'TIME_WAIT');
        if (pcb.state === 'TIME_WAIT') {
            out.ack(pcb);
            T.enterTimeWait(pcb);
        }
        T.changed(pcb);
    }

    return { input: input };
}

module.exports = { create: create };
