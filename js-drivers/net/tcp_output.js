// TCP's sending side: segments from the send buffer within the peer's
// window and the congestion window (RFC 5681 slow start and congestion
// avoidance), Nagle's rule (RFC 896; off with TCP_NODELAY), FIN after the
// last byte, ACKs with the receive window (scaled, RFC 7323), and the
// retransmission timer's work: go back to the first unacknowledged byte
// with the window cut to one segment (one byte past a window the peer
// shrank to zero: `probe`). Zero-window probes of an idle sender are
// tcp.js's (RFC 9293 3.8.6.1).
'use strict';

var S = require('./tcp_segment');
var TSO_HEADROOM = require('./ipv4').TSO_HEADROOM;  // where a frame's transport part starts

function create(T) {
    // The window field to advertise (and remember its right edge).
    function window(pcb) {
        // Out-of-order bytes lie inside the window already advertised: not
        // subtracted, so duplicate ACKs carry an unchanged window (RFC 5681).
        // (Compares, not Math.min/max: this runs for every segment sent,
        // and each Math call is a built-in call in Duktape.)
        var scale = 1 << pcb.rcvScale;  // at most 14 (RFC 7323)
        var room = pcb.rcvbuf - pcb.recvBuf.length;  // below 2^31 (SO_RCVBUF's limit)
        var raw = room > 0 ? room >> pcb.rcvScale : 0;
        if (raw > 65535)
            raw = 65535;
        var edge = (pcb.rcvNxt + raw * scale) >>> 0;  // S.add and S.gt, inline
        if (pcb.rcvAdv === void 0 || ((edge - pcb.rcvAdv) | 0) > 0)
            pcb.rcvAdv = edge;
        return raw;
    }

    function send(pcb, seq, flags, data, syn) {
        var s = {
            sport: pcb.localPort, dport: pcb.remotePort,
            seq: seq, ack: (flags & S.ACK) ? pcb.rcvNxt : 0, flags: flags,
            window: 0, mss: 0, wscale: -1, data: data
        };
        if (syn) {
            s.mss = pcb.advMss;
            if (pcb.offerScale)
                s.wscale = pcb.rcvScale;
            // The window in a SYN is never scaled (RFC 7323 2.2).
            s.window = Math.min(65535, pcb.rcvbuf);
            pcb.rcvAdv = S.add(pcb.rcvNxt, s.window);
        } else {
            s.window = window(pcb);
        }
        if (flags & S.ACK) {
            pcb.ackPending = false;
            pcb.ackDelayed = false;
            pcb.delackDue = null;
            pcb.rcvUnacked = 0;
        }
        T.stats.segmentsSent++;
        if (T.tracer !== null)
            T.trace(pcb, 'out', s);
        // More than one MSS of data: the NIC segments it (pcb.tsoMax).
        var segmented = data !== null && data.length > pcb.mss;
        if (segmented)
            T.stats.segmentsOffloaded++;
        // The path to the peer, prepared once (ipv4.prepare): the segment
        // is written straight into a frame that has the link and IPv4
        // headers, without output()'s route, ARP and Ethernet steps (about
        // 100,000 instructions a segment). Without a template (loopback,
        // ARP not answered yet): output().
        var ipv4 = T.stack.ipv4, path = pcb.path;
        if (path === null || !ipv4.usable(path))
            path = pcb.path = ipv4.prepare(pcb.localAddr, pcb.remoteAddr, 6);
        if (path.template !== null) {
            var f = ipv4.frame(path, S.length(s), segmented);
            S.write(f, TSO_HEADROOM, pcb.localAddr, pcb.remoteAddr, s, false, segmented);
            ipv4.transmit(path, f, segmented ? pcb.mss : void 0);
            return;
        }
        ipv4.output(pcb.localAddr, pcb.remoteAddr, 6,
            S.build(pcb.localAddr, pcb.remoteAddr, s, ipv4.isLocal(pcb.remoteAddr), segmented),
            segmented ? { tsoMss: pcb.mss } : void 0);
    }

    function sendSyn(pcb) {
        if (pcb.routeless && T.stack.ipv4.route(pcb.remoteAddr)) {
            pcb.routeless = false;  // the SYN came before the route: take it now
            pcb.advMss = T.mssFor(pcb.remoteAddr);
            T.fitToRoute(pcb);
        }
        var flags = S.SYN | (pcb.state === 'SYN_RECEIVED' ? S.ACK : 0);
        send(pcb, pcb.iss, flags, null, true);
        pcb.sndNxt = S.add(pcb.iss, 1);
        if (S.gt(pcb.sndNxt, pcb.sndMax))
            pcb.sndMax = pcb.sndNxt;
        T.armRetransmit(pcb);
    }

    function ack(pcb) { send(pcb, pcb.sndNxt, S.ACK, null, false); }

    function reset(pcb) { send(pcb, pcb.sndNxt, S.RST | S.ACK, null, false); }

    var SENDING = { ESTABLISHED: 1, CLOSE_WAIT: 1, FIN_WAIT_1: 1, CLOSING: 1, LAST_ACK: 1 };

    // Data per segment: one MSS, or as many whole MSS as the NIC segments
    // at once (TCP segmentation offload: pcb.tsoMax, from the route).
    function segmentLimit(pcb) {
        if (pcb.tsoMax <= pcb.mss + 60)
            return pcb.mss;
        var most = pcb.tsoMax - 60;  // 60: IPv4 + TCP headers
        return most - most % pcb.mss;
    }

    // Sends what the windows allow. `probe`: one byte even into a zero window.
    function output(pcb, probe) {
        if (!SENDING[pcb.state]) {
            // FIN_WAIT_2 sends nothing more but still receives: data gets
            // its ACK like anywhere else.
            if (pcb.ackPending && pcb.state === 'FIN_WAIT_2')
                ackOrDelay(pcb);
            return;
        }
        var sent = false;
        var limit = segmentLimit(pcb);
        // (S.diff, S.add and the compares inline: a call of one costs about
        // 2,000 instructions in Duktape, and this loop runs per segment.)
        for (var guard = 0; guard < 100000; guard++) {
            var off = (pcb.sndNxt - pcb.sndBase) | 0;
            var unsent = pcb.sendBuf.length - off;
            var inflight = (pcb.sndNxt - pcb.sndUna) | 0;
            var room = (pcb.sndWnd < pcb.cwnd ? pcb.sndWnd : pcb.cwnd) - inflight;
            var finNow = pcb.finQueued && ((pcb.sndNxt - pcb.finSeq) | 0) === 0;
            if (unsent > 0) {
                var len = unsent < limit ? unsent : limit;
                if (room < len)
                    len = room;
                if (probe && len <= 0 && inflight === 0)
                    len = 1;
                if (len <= 0)
                    break;
                // A large segment ends on a whole MSS unless it takes the
                // last bytes: no runt in the middle of a burst.
                if (len > pcb.mss && len < unsent)
                    len -= len % pcb.mss;
                // Nagle: a small segment waits while data is unacknowledged.
                if (len < pcb.mss && len === unsent && inflight > 0 && !pcb.nodelay && !pcb.finQueued)
                    break;
                // Sender-side silly window avoidance: no runt into a small window.
                if (len < pcb.mss && len < unsent && !probe && inflight > 0)
                    break;
                var data = pcb.sendBuf.slice(off, len);  // copied by S.build
                var last = off + len === pcb.sendBuf.length;
                var flags = S.ACK | (last ? S.PSH : 0);
                var withFin = last && pcb.finQueued;
                if (withFin)
                    flags |= S.FIN;
                var seq = pcb.sndNxt;
                var behind = (seq - pcb.sndMax) | 0;  // < 0: sent before
                if (pcb.rttSeq === null && behind >= 0) {
                    pcb.rttSeq = (seq + len) >>> 0;
                    pcb.rttStart = T.env.now();
                }
                if (behind < 0)
                    T.stats.retransmits++;
                send(pcb, seq, flags, data, false);
                pcb.sndNxt = (seq + len + (withFin ? 1 : 0)) >>> 0;
                sent = true;
                probe = false;
            } else if (finNow) {
                send(pcb, pcb.sndNxt, S.ACK | S.FIN, null, false);
                pcb.sndNxt = (pcb.sndNxt + 1) >>> 0;
                sent = true;
            } else {
                break;
            }
            if (((pcb.sndNxt - pcb.sndMax) | 0) > 0)
                pcb.sndMax = pcb.sndNxt;
        }
        if (sent || (pcb.sendBuf.length > ((pcb.sndNxt - pcb.sndBase) | 0) && pcb.sndWnd === 0))
            T.armRetransmit(pcb);  // the retransmission or the persist timer
        if (pcb.ackPending)
            ackOrDelay(pcb);
    }

    function ackOrDelay(pcb) {
        if (pcb.ackDelayed)
            T.delayAck(pcb);
        else
            ack(pcb);
    }

    // One segment again from the first unacknowledged byte (fast retransmit).
    function retransmitFirst(pcb) {
        var len = Math.min(pcb.mss, pcb.sendBuf.length - S.diff(pcb.sndUna, pcb.sndBase));
        var flags = S.ACK;
        var data = null;
        if (len > 0) {
            data = new Uint8Array(len);
            pcb.sendBuf.peek(S.diff(pcb.sndUna, pcb.sndBase), data, 0, len);
        }
        if (pcb.finQueued && S.diff(S.add(pcb.sndUna, len), pcb.finSeq) === 0)
            flags |= S.FIN;
        if (!data && !(flags & S.FIN))
            return;
        T.stats.retransmits++;
        T.stats.fastRetransmits++;
        pcb.rttSeq = null;
        send(pcb, pcb.sndUna, flags, data, false);
    }

    return { output: output, send: send, sendSyn: sendSyn, ack: ack, reset: reset,
        retransmitFirst: retransmitFirst, window: window };
}

module.exports = { create: create };
