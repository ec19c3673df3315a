// UDP (RFC 768): datagrams to and from bound sockets, checksummed with the
// pseudo-header (a computed 0 is sent as 0xffff; a received 0 means "none").
// A datagram to a port nobody bound gets ICMP port unreachable, which in
// turn gives a connected sender ECONNREFUSED, as on Linux.
'use strict';

var checksum = require('./checksum');
var Ports = require('./ports');
var E = require('./errno');

var HEADER = 8;
var RCVBUF = 212992;   // Linux's default rmem_default
var SNDBUF = 212992;
var MAX_PAYLOAD = 65535 - 20 - HEADER;

function create(stack) {
    var ports = Ports.create();
    var stats = { rx: 0, tx: 0, badChecksum: 0, noPort: 0, dropped: 0 };

    function Pcb() {
        this.localAddr = 0;
        this.localPort = 0;
        this.remoteAddr = 0;
        this.remotePort = 0;
        this.portsKey = undefined;  // where ports.js files it (bound pcbs)
        this.queue = [];      // {addr, port, data}
        this.queued = 0;      // bytes
        this.rcvbuf = RCVBUF;
        this.error = 0;       // pending -errno (SO_ERROR)
        this.reuseAddr = false;
        this.broadcast = false;
        this.closed = false;
        this.device = null;   // an interface all datagrams leave through
        this.onChange = null; // called when readable
    }

    function shares(a, b) { return a.reuseAddr && b.reuseAddr; }

    Pcb.prototype.bind = function (addr, port) {
        if (this.localPort)
            return -E.EINVAL;
        if (addr !== 0 && !stack.ipv4.isLocal(addr) && addr !== 0xffffffff)
            return -E.EADDRNOTAVAIL;
        return ports.bind(this, addr, port, shares);
    };

    Pcb.prototype.connect = function (addr, port) {
        if (!this.localPort) {
            var r = ports.bind(this, 0, 0, null);
            if (r < 0)
                return r;
        }
        if (!stack.ipv4.route(addr))
            return -E.ENETUNREACH;
        ports.connect(this, addr, port);
        return 0;
    };

    // The pending error (ICMP unreachable), reported once.
    Pcb.prototype.takeError = function () {
        var e = this.error;
        this.error = 0;
        return e;
    };

    Pcb.prototype.disconnect = function () {
        if (this.localPort)
            ports.connect(this, 0, 0);
        else
            this.remoteAddr = this.remotePort = 0;
    };

    // Sends data (Uint8Array) to addr:port (the connected peer when port
    // is 0); bytes sent or -errno.
    Pcb.prototype.sendto = function (data, addr, port) {
        if (port === 0 && addr === 0) {
            if (!this.remotePort)
                return -E.EDESTADDRREQ;
            addr = this.remoteAddr;
            port = this.remotePort;
        }
        if (data.length > MAX_PAYLOAD)
            return -E.EMSGSIZE;
        if (addr === 0xffffffff && !this.broadcast)
            return -E.EACCES;
        if (!this.localPort) {
            var r = ports.bind(this, 0, 0, null);
            if (r < 0)
                return r;
        }
        var src = this.localAddr || stack.ipv4.sourceFor(addr);
        if (!src && addr !== 0xffffffff && !stack.ipv4.route(addr))
            return -E.ENETUNREACH;
        var d = new Uint8Array(HEADER + data.length);
        var dv = new DataView(d.buffer);
        dv.setUint16(0, this.localPort);
        dv.setUint16(2, port);
        dv.setUint16(4, d.length);
        d.set(data, HEADER);
        // Over loopback: no checksum (0 means none in UDP), as Linux's lo.
        if (!stack.ipv4.isLocal(addr)) {
            var sum = checksum.transport(src, addr, 17, d, 0, d.length);
            dv.setUint16(6, sum === 0 ? 0xffff : sum);
        }
        // SO_BINDTODEVICE-like: DHCP sends through its own interface.
        var res = stack.ipv4.output(src, addr, 17, d, this.device ? { iface: this.device } : null);
        if (res < 0)
            return res;
        stats.tx++;
        return data.length;
    };

    // The next datagram {addr, port, data} or null.
    Pcb.prototype.receive = function () {
        var m = this.queue.shift() || null;
        if (m)
            this.queued -= m.data.length;
        return m;
    };

    Pcb.prototype.close = function () {
        this.closed = true;
        ports.unbind(this);
        this.queue = [];
        this.queued = 0;
    };

    function input(info, p) {
        stats.rx++;
        if (p.length < HEADER)
            return;
        var dv = new DataView(p.buffer, p.byteOffset, p.length);
        var len = dv.getUint16(4);
        if (len < HEADER || len > p.length) {
            stats.dropped++;
            return;
        }
        p = p.subarray(0, len);
        if (dv.getUint16(6) !== 0 &&
            checksum.transport(info.src, info.dst, 17, p, 0, len) !== 0) {
            stats.badChecksum++;
            return;
        }
        var sport = dv.getUint16(0), dport = dv.getUint16(2);
        var pcb = ports.lookup(info.dst, dport, info.src, sport, null);
        if (!pcb && info.broadcast)
            pcb = ports.lookup(0, dport, info.src, sport, null);
        if (!pcb) {
            stats.noPort++;
            if (!info.broadcast && stack.icmp) {
                var whole = new Uint8Array(info.header.length + p.length);
                whole.set(info.header);
                whole.set(p, info.header.length);
                stack.icmp.unreachable(info, whole, 3);  // port unreachable
            }
            return;
        }
        if (pcb.queued + len - HEADER > pcb.rcvbuf) {
            stats.dropped++;
            return;
        }
        var data = new Uint8Array(len - HEADER);
        data.set(p.subarray(HEADER));
        pcb.queue.push({ addr: info.src, port: sport, data: data });
        pcb.queued += data.length;
        if (pcb.onChange)
            pcb.onChange();
    }

    // ICMP unreachable about one of our datagrams: a connected socket
    // to that peer gets ECONNREFUSED (port) or EHOSTUNREACH.
    function unreachable(info, type, code, quoted) {
        if (quoted.length < 28 || quoted[9] !== 17)
            return;
        var qdv = new DataView(quoted.buffer, quoted.byteOffset, quoted.length);
        var ihl = (quoted[0] & 15) * 4;
        if (quoted.length < ihl + 8)
            return;
        var src = qdv.getUint32(12), dst = qdv.getUint32(16);
        var sport = qdv.getUint16(ihl), dport = qdv.getUint16(ihl + 2);
        var pcb = ports.lookup(src, sport, dst, dport, function (o) { return o.remotePort !== 0; });
        if (pcb && pcb.remotePort) {
            pcb.error = code === 3 ? -E.ECONNREFUSED : -E.EHOSTUNREACH;
            if (pcb.onChange)
                pcb.onChange();
        }
    }

    stack.ipv4.register(17, input);
    if (stack.icmp)
        stack.icmp.onUnreachable(unreachable);

    return { open: function () { return new Pcb(); }, stats: stats, ports: ports,
        SNDBUF: SNDBUF, RCVBUF: RCVBUF };
}

module.exports = { create: create, HEADER: HEADER };
