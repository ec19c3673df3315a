// A DHCP client (RFC 2131, options RFC 2132) for one Ethernet interface:
// DISCOVER, OFFER, REQUEST, ACK, then the interface has its address,
// netmask, gateway and DNS server; the lease is renewed at half its time
// (T1) by a new REQUEST. DISCOVERs are retried with a doubling delay
// (4 s, 8 s, ... 64 s, RFC 2131 4.1); after TRIES without an answer the
// callback hears of the failure and the client keeps trying every 64 s.
// QEMU's user networking answers 10.0.2.15, gateway 10.0.2.2, DNS 10.0.2.3.
'use strict';

var SERVER_PORT = 67, CLIENT_PORT = 68;
var MAGIC = 0x63825363;
var DISCOVER = 1, OFFER = 2, REQUEST = 3, DECLINE = 4, ACK = 5, NAK = 6;
var OPT_MASK = 1, OPT_ROUTER = 3, OPT_DNS = 6, OPT_REQUESTED = 50, OPT_LEASE = 51,
    OPT_TYPE = 53, OPT_SERVER = 54, OPT_PARAMS = 55, OPT_END = 255;
var TRIES = 4, FIRST_DELAY_MS = 4000, MAX_DELAY_MS = 64000;

// The options of a BOOTP/DHCP message as {code: Uint8Array}.
function parseOptions(p) {
    var opts = {};
    for (var i = 240; i < p.length;) {
        var code = p[i];
        if (code === 0) { i++; continue; }
        if (code === OPT_END || i + 1 >= p.length)
            break;
        var len = p[i + 1];
        opts[code] = p.subarray(i + 2, Math.min(p.length, i + 2 + len));
        i += 2 + len;
    }
    return opts;
}

function u32(b) { return b && b.length >= 4 ? ((b[0] << 24) | (b[1] << 16) | (b[2] << 8) | b[3]) >>> 0 : 0; }

// A client message: op BOOTREQUEST, our MAC, `xid`, options.
function message(mac, xid, ciaddr, options) {
    var body = [];
    options.forEach(function (o) {
        body.push(o[0], o[1].length);
        for (var i = 0; i < o[1].length; i++)
            body.push(o[1][i]);
    });
    body.push(OPT_END);
    var p = new Uint8Array(Math.max(300, 240 + body.length));  // BOOTP's minimum size
    var dv = new DataView(p.buffer);
    p[0] = 1;        // BOOTREQUEST
    p[1] = 1;        // Ethernet
    p[2] = 6;
    dv.setUint32(4, xid >>> 0);
    dv.setUint16(10, ciaddr ? 0 : 0x8000);  // broadcast the answer: we have no address yet
    dv.setUint32(12, ciaddr >>> 0);
    for (var i = 0; i < 6; i++)
        p[28 + i] = mac[i];
    dv.setUint32(236, MAGIC);
    p.set(body, 240);
    return p;
}

function bytes32(v) { return [v >>> 24, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]; }

// Starts the client on `iface`; done(err, lease) at the first lease (or
// failure). Returns {state(), lease(), stop()}.
function start(stack, iface, done) {
    var pcb = stack.udp.open();
    pcb.broadcast = true;
    pcb.reuseAddr = true;
    pcb.device = iface;
    var r = pcb.bind(0, CLIENT_PORT);
    if (r < 0) {
        done(new Error('port 68: errno ' + -r));
        return null;
    }
    var state = 'INIT', xid = 0, offer = null, lease = null, timer = null, tries = 0;
    var reported = false;

    function report(err, value) {
        if (!reported && done) {
            reported = true;
            done(err, value);
        }
    }

    function send(type, extra, ciaddr) {
        var opts = [[OPT_TYPE, [type]], [OPT_PARAMS, [OPT_MASK, OPT_ROUTER, OPT_DNS, OPT_LEASE]]]
            .concat(extra);
        pcb.sendto(message(iface.mac, xid, ciaddr || 0, opts), 0xffffffff, SERVER_PORT);
    }

    function later(ms, fn) {
        if (timer)
            stack.env.clearTimer(timer);
        timer = stack.env.setTimer(ms, function () {
            timer = null;
            fn();
            stack.flush();
        });
    }

    function discover() {
        state = 'SELECTING';
        xid = stack.env.random32();
        offer = null;
        tries++;
        send(DISCOVER, []);
        if (tries === TRIES)
            report(new Error('no DHCP server answered ' + TRIES + ' DISCOVERs'));
        later(Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * Math.pow(2, Math.min(tries - 1, 4))), discover);
    }

    function request(o, ciaddr) {
        state = ciaddr ? 'RENEWING' : 'REQUESTING';
        var extra = [[OPT_SERVER, bytes32(o.server)]];
        if (!ciaddr)
            extra.push([OPT_REQUESTED, bytes32(o.addr)]);
        send(REQUEST, extra, ciaddr);
        later(FIRST_DELAY_MS * 2, ciaddr ? function () { request(o, ciaddr); } : discover);
    }

    pcb.onChange = function () {
        var m;
        while ((m = pcb.receive()) !== null) {
            var p = m.data;
            if (p.length < 240 || p[0] !== 2 || new DataView(p.buffer, p.byteOffset).getUint32(4) !== xid ||
                u32(p.subarray(236, 240)) !== MAGIC)
                continue;
            var opts = parseOptions(p);
            var type = opts[OPT_TYPE] ? opts[OPT_TYPE][0] : 0;
            var info = {
                addr: u32(p.subarray(16, 20)),
                server: u32(opts[OPT_SERVER]) || m.addr,
                mask: u32(opts[OPT_MASK]) || 0xffffff00,
                gateway: u32(opts[OPT_ROUTER]),
                dns: u32(opts[OPT_DNS]),
                leaseSeconds: opts[OPT_LEASE] ? u32(opts[OPT_LEASE]) : 86400
            };
            if (type === OFFER && state === 'SELECTING') {
                offer = info;
                request(info, 0);
            } else if (type === ACK && (state === 'REQUESTING' || state === 'RENEWING')) {
                lease = info;
                lease.obtainedAt = stack.env.now();
                stack.configure(iface, info.addr, info.mask, info.gateway);
                iface.dns = info.dns;
                state = 'BOUND';
                tries = 0;
                var renewAt = Math.min(info.leaseSeconds * 500, 0x7fffffff);
                later(renewAt, function () { request(lease, lease.addr); });
                report(null, lease);
            } else if (type === NAK) {
                stack.configure(iface, 0, 0, 0);
                lease = null;
                later(0, discover);
            }
        }
    };

    discover();
    stack.flush();
    return {
        state: function () { return state; },
        lease: function () { return lease; },
        stop: function () {
            if (timer)
                stack.env.clearTimer(timer);
            pcb.close();
            state = 'STOPPED';
        }
    };
}

module.exports = { start: start, parseOptions: parseOptions, message: message,
    SERVER_PORT: SERVER_PORT, CLIENT_PORT: CLIENT_PORT,
    DISCOVER: DISCOVER, OFFER: OFFER, REQUEST: REQUEST, ACK: ACK, NAK: NAK, DECLINE: DECLINE };
