"""Malformed and random Ethernet frames for a guest's network stack, from a
seeded random generator (the same seed gives the same frames), for
qemu.net_hostile_frames (tests/qemu/scenarios/net_hostile.py).

The frames go to the guest's own MAC and IPv4 address and, for TCP, mostly
to the port its server listens on, so that they pass the NIC's address
filter and reach every parser: Ethernet, ARP, IPv4 (and its reassembly),
ICMP, UDP, TCP (header and options), and the TCP state machine of a
listening socket. Each kind is one function `kind(g)` returning a list of
frames; `Generator.frames(n)` cycles through the kinds until n frames.

Spoofed source addresses are on the guest's subnet but never the peer's
own address (the guest's ARP entry for the peer stays right) and never
the guest's; SYNs from them leave half-open connections in the guest that
time out after its SYN retries, so their number is kept under the
listener's backlog (unode's http: 511).
"""
import random
import struct

from . import packets as P

MAX_SPOOFED_SYNS = 200


class Generator:
    def __init__(self, seed, guest_mac, guest_ip, peer_mac, peer_ip, port):
        self.rng = random.Random(seed)
        self.guest_mac, self.guest_ip = guest_mac, guest_ip
        self.peer_mac, self.peer_ip = peer_mac, peer_ip
        self.port = port
        self.spoofed_syns = 0
        self.counts = {}

    # --- helpers -----------------------------------------------------------

    def junk(self, lo, hi):
        return self.rng.randbytes(self.rng.randint(lo, hi))

    def spoofed_ip(self):
        """An address on the guest's /24 that is neither side's."""
        prefix = self.guest_ip.rsplit(".", 1)[0]
        while True:
            ip = f"{prefix}.{self.rng.randint(1, 254)}"
            if ip not in (self.guest_ip, self.peer_ip):
                return ip

    def eth(self, ethertype, payload, dst=None):
        return P.ethernet(dst or self.guest_mac, self.peer_mac, ethertype, payload)

    def ip(self, proto, payload, src=None, **fields):
        fields.setdefault("ident", self.rng.randrange(1 << 16))
        return self.eth(P.ETH_IPV4, P.ipv4(src or self.peer_ip, self.guest_ip, proto, payload,
                                           **fields))

    def tcp_to(self, flags, data=b"", options=b"", src=None, dport=None, **fields):
        src = src or self.peer_ip
        seg = P.tcp(src, self.guest_ip, self.rng.randrange(1024, 65536), dport or self.port,
                    self.rng.randrange(1 << 32), self.rng.randrange(1 << 32), flags, data,
                    window=self.rng.randrange(1 << 16), options=options, **fields)
        return self.ip(P.PROTO_TCP, seg, src=src)

    # --- the kinds --------------------------------------------------------------

    def short_ethernet(self):
        """Frames shorter than an Ethernet header, and headers alone."""
        return [self.guest_mac + self.junk(0, 7), self.eth(P.ETH_IPV4, b""),
                self.eth(P.ETH_ARP, b"")]

    def random_bytes(self):
        """Random payloads under the IPv4, ARP and random EtherTypes."""
        t = self.rng.choice([P.ETH_IPV4, P.ETH_ARP, self.rng.randrange(1 << 16)])
        return [self.eth(t, self.junk(0, 1500))]

    def bad_arp(self):
        """Truncated ARP, wrong hardware/protocol sizes, random operations
        and spoofed senders asking for the guest (which it answers)."""
        r = self.rng
        good = P.arp(r.choice([1, 2, r.randrange(1 << 16)]), r.randbytes(6), self.spoofed_ip(),
                     r.randbytes(6), self.guest_ip)
        return [self.eth(P.ETH_ARP, good[:r.randrange(28)]),
                self.eth(P.ETH_ARP, P.arp(1, r.randbytes(6), self.spoofed_ip(), bytes(6),
                                          self.guest_ip, htype=r.randrange(1 << 16),
                                          hlen=r.randrange(256), plen=r.randrange(256))),
                self.eth(P.ETH_ARP, good)]

    def truncated_ipv4(self):
        """IPv4 headers cut short, and a version other than 4."""
        whole = P.ipv4(self.peer_ip, self.guest_ip, P.PROTO_UDP, self.junk(8, 40))
        return [self.eth(P.ETH_IPV4, whole[:self.rng.randrange(20)]),
                self.eth(P.ETH_IPV4, P.ipv4(self.peer_ip, self.guest_ip, P.PROTO_UDP,
                                            self.junk(0, 40), version=self.rng.choice([0, 5, 6, 15])))]

    def bad_ipv4_lengths(self):
        """Header length (IHL) below 5 or past the packet, total length
        larger or smaller than the frame or the header, options of random
        bytes (with a right checksum)."""
        r, data = self.rng, self.junk(8, 60)
        out = []
        for ihl in (r.randrange(5), r.randrange(6, 16)):
            out.append(self.ip(P.PROTO_UDP, data, ihl=ihl))
        out.append(self.ip(P.PROTO_TCP, data, total=20 + len(data) + r.randint(1, 2000)))
        out.append(self.ip(P.PROTO_TCP, data, total=r.randrange(20)))
        out.append(self.ip(P.PROTO_ICMP, data, total=r.randrange(20, 20 + len(data))))
        out.append(self.ip(r.choice([P.PROTO_TCP, P.PROTO_UDP, P.PROTO_ICMP]), data,
                           options=self.junk(1, 10).ljust(r.choice([4, 8, 40]), b"\0")[:40]))
        return out

    def bad_ipv4_checksum(self):
        return [self.ip(self.rng.choice([1, 6, 17]), self.junk(0, 100),
                        csum=self.rng.randrange(1 << 16))]

    def unknown_protocol(self):
        """Protocols the guest does not speak (it answers protocol unreachable)."""
        return [self.ip(self.rng.choice([0, 2, 4, 41, 47, 50, 132, 255]), self.junk(0, 100))]

    def fragments(self):
        """Fragments: absurd offsets (past 65535), overlapping and duplicate
        pieces, pieces past the end the last fragment set, a last fragment
        alone, tiny ones; a few make a whole datagram of random bytes."""
        r = self.rng
        ident = r.randrange(1 << 16)
        proto = r.choice([P.PROTO_ICMP, P.PROTO_UDP, P.PROTO_TCP])
        out = [self.ip(proto, self.junk(8, 64), ident=ident,
                       frag=r.choice([0, 0x2000]) | r.randrange(8000, 8192))]
        pieces = r.randint(1, 6)
        for _ in range(pieces):
            more = 0x2000 if r.random() < 0.7 else 0
            out.append(self.ip(proto, self.junk(0, 48) if r.random() < 0.5 else
                               self.junk(1, 6) * 8, ident=ident,
                               frag=more | r.randrange(12)))
        return out

    def overlapping_fragments(self):
        """A datagram of random bytes cut into pieces that overlap, in a
        random order, whose union covers it; sometimes with one more piece
        that starts or ends past the end, or with a second last fragment
        (MF clear) that ends sooner than pieces already there.
        Reassembly completes (its checksum then fails above)."""
        r = self.rng
        ident = r.randrange(1 << 16)
        proto = r.choice([P.PROTO_ICMP, P.PROTO_UDP, P.PROTO_TCP])
        units = r.randint(2, 16)             # the datagram, in 8-byte units
        data = r.randbytes(units * 8)
        pieces, at = [], 0
        while at < units:
            start = max(0, at - r.randrange(3))  # back a little: an overlap
            end = min(units, at + r.randint(1, 4))
            pieces.append((start, end, end < units))
            at = end
        extra = r.random()
        if extra < 0.3:    # one more piece, starting at or past the end
            start = r.randrange(units // 2, units + 3)
            pieces.append((start, start + r.randint(1, 3), True))
        elif extra < 0.6:  # a second "last" fragment that ends sooner
            end = r.randint(1, units - 1)
            pieces.append((r.randrange(end), end, False))
        r.shuffle(pieces)
        out = []
        for start, end, more in pieces:
            chunk = data[start * 8:end * 8].ljust((end - start) * 8, b"\xee")
            out.append(self.ip(proto, chunk, ident=ident, frag=(0x2000 if more else 0) | start))
        return out

    def bad_icmp(self):
        """Truncated ICMP, bad checksums, echo requests (answered), and
        destination unreachables quoting random headers (the guest reads
        the quoted IPv4 and UDP/TCP headers)."""
        r = self.rng
        quoted = P.ipv4(self.guest_ip, self.peer_ip, r.choice([6, 17, r.randrange(256)]),
                        self.junk(0, 12), ihl=r.choice([5, 5, r.randrange(16)]))
        quoted = quoted[:r.randrange(len(quoted) + 1)]
        return [self.ip(P.PROTO_ICMP, self.junk(0, 7)),
                self.ip(P.PROTO_ICMP, P.icmp(r.randrange(256), r.randrange(256), 0,
                                             self.junk(0, 64), csum=r.randrange(1 << 16))),
                self.ip(P.PROTO_ICMP, P.icmp(8, 0, r.randrange(1 << 32), self.junk(0, 200))),
                self.ip(P.PROTO_ICMP, P.icmp(3, r.randrange(16), 0, quoted)),
                self.ip(P.PROTO_ICMP, P.icmp(r.randrange(256), r.randrange(256), 0,
                                             self.junk(0, 64)))]

    def bad_udp(self):
        """UDP shorter than its header, length fields larger and smaller
        than the packet, bad checksums, datagrams to closed ports (ICMP port
        unreachable back) and junk to the DHCP client's port 68."""
        r = self.rng
        src, dst = self.peer_ip, self.guest_ip
        data = self.junk(0, 300)
        sport = r.randrange(1 << 16)
        return [self.ip(P.PROTO_UDP, self.junk(0, 7)),
                self.ip(P.PROTO_UDP, P.udp(src, dst, sport, r.randrange(1 << 16), data,
                                           length=r.choice([r.randrange(8), len(data) + 8 +
                                                            r.randint(1, 500)]))),
                self.ip(P.PROTO_UDP, P.udp(src, dst, sport, r.randrange(1 << 16), data,
                                           csum=r.randrange(1, 1 << 16))),
                self.ip(P.PROTO_UDP, P.udp(src, dst, sport, r.randrange(1 << 16), data)),
                self.ip(P.PROTO_UDP, P.udp(src, dst, 67, 68, bytes([2]) + self.junk(239, 400)))]

    def bad_tcp_header(self):
        """Segments shorter than a TCP header, data offsets below 5 or past
        the segment, bad checksums, and random flags (SYN|FIN, SYN|RST...)
        to the server's port and to closed ports."""
        r = self.rng
        return [self.ip(P.PROTO_TCP, self.junk(0, 19)),
                self.tcp_to(r.randrange(64), self.junk(0, 8), offset=r.randrange(5)),
                self.tcp_to(r.randrange(64), self.junk(0, 8), offset=r.randrange(6, 16)),
                self.tcp_to(r.randrange(64), self.junk(0, 40), csum=r.randrange(1 << 16)),
                self.tcp_to(r.randrange(64) & ~P.SYN, self.junk(0, 100)),
                self.tcp_to(r.randrange(64) & ~P.SYN, self.junk(0, 100),
                            dport=r.randrange(1, 1 << 16))]

    def bad_tcp_options(self):
        """SYNs whose options are wrong: length 0 or 1, a length past the
        header, MSS and window scale with the wrong lengths, a scale of 255,
        MSS 0, random option bytes; and the same on non-SYN segments."""
        r = self.rng
        kind = r.randrange(256)
        cases = [bytes([kind, 0, 0, 0]), bytes([kind, 1, 0, 0]),
                 bytes([kind, r.randint(5, 255), 0, 0]),
                 bytes([2, r.choice([2, 3, 5, 6]), 5, 0xB4]).ljust(8, b"\1"),
                 bytes([3, r.choice([2, 4, 5]), 14, 0]),
                 bytes([3, 3, 255, 1]), bytes([2, 4, 0, 0]), bytes([2, 4, 0, 1]),
                 bytes([1, 1, 1, 2]),  # NOPs then a kind with no length byte
                 self.junk(4, 40)[:40]]
        opts = r.choice(cases)
        opts = opts[:len(opts) // 4 * 4] or bytes(4)
        return [self.tcp_to(r.choice([P.SYN, P.ACK, P.SYN | P.ACK, P.PSH | P.ACK]),
                            self.junk(0, 20), options=opts)]

    def syn_flood(self):
        """SYNs with junk (data in the SYN, random options and windows): from
        the peer's address (the peer resets the guest's SYN-ACKs, as a host
        that sent no SYN does) and a few from spoofed neighbours."""
        r = self.rng
        src = None
        if self.spoofed_syns < MAX_SPOOFED_SYNS and r.random() < 0.2:
            self.spoofed_syns += 1
            src = self.spoofed_ip()
        opts = r.choice([b"", struct.pack("!BBH", 2, 4, r.randrange(1 << 16)),
                         bytes([3, 3, r.randrange(256), 1]), self.junk(1, 40)])
        opts = opts[:len(opts) // 4 * 4]
        extra = r.choice([0, 0, P.PSH, 0x20, 0xC0])   # URG, ECE|CWR
        return [self.tcp_to(P.SYN | extra, self.junk(0, 64), options=opts, src=src)]

    def martian_source(self):
        """Valid packets whose source no packet from the wire may have: the
        guest's own address (a SYN from it to its own listener, port to the
        same port: the LAND attack), 0.0.0.0, loopback, multicast,
        broadcast, the subnet's broadcast."""
        r = self.rng
        prefix = self.guest_ip.rsplit(".", 1)[0]
        src = r.choice([self.guest_ip, self.guest_ip, "0.0.0.0", "127.0.0.1",
                        f"224.0.0.{r.randint(1, 255)}", "255.255.255.255", f"{prefix}.255"])
        seg = P.tcp(src, self.guest_ip, self.port, self.port, r.randrange(1 << 32), 0, P.SYN)
        return [self.eth(P.ETH_IPV4, P.ipv4(src, self.guest_ip, P.PROTO_TCP, seg)),
                self.eth(P.ETH_IPV4, P.ipv4(src, self.guest_ip, P.PROTO_ICMP,
                                            P.icmp(8, 0, r.randrange(1 << 32), self.junk(0, 32))))]

    def wrong_address(self):
        """Valid-looking packets for another host and from a broadcast
        source: dropped by IPv4 (the MAC is the guest's)."""
        r = self.rng
        seg = P.udp(self.peer_ip, "10.0.2.99", 1, 2, self.junk(0, 32))
        return [self.eth(P.ETH_IPV4, P.ipv4(self.peer_ip, "10.0.2.99", P.PROTO_UDP, seg)),
                self.eth(P.ETH_IPV4, P.ipv4("255.255.255.255", self.guest_ip, P.PROTO_TCP,
                                            P.tcp("255.255.255.255", self.guest_ip, 1,
                                                  self.port, 0, 0, P.SYN))),
                self.eth(P.ETH_IPV4, self.junk(20, 100), dst=r.randbytes(6))]

    def in_connection(self, conn, request, n):
        """n segments carrying an established connection's addresses and
        ports (conn as rawhost.RawHost.http_get gives it), none of which may
        change what the guest reads: data, FIN, SYN and RST outside the
        receive window or not at its exact edge (RFC 5961: challenge ACKs),
        ACKs of data never sent and very old ones, data without the ACK bit,
        bad checksums, bad options; and the coming request itself in
        overlapping pieces, out of order (what they say agrees with it)."""
        r = self.rng
        base, theirs = conn["snd_nxt"], conn["rcv_nxt"]
        wnd = 65535         # the guest's receive window is at least this big

        def seg(seq, ack, flags, data=b"", window=65535, **fields):
            return self.ip(P.PROTO_TCP, P.tcp(self.peer_ip, self.guest_ip, conn["sport"],
                                              conn["dport"], seq, ack, flags, data,
                                              window=window, **fields))
        out = []
        while len(out) < n:
            kind = r.randrange(10)
            junk = self.junk(0, 200)
            far = base + r.randint(1 << 20, (1 << 31) - 1)    # beyond any window
            old = base - r.randint(1, (1 << 31) - 1)          # before the window
            if kind == 0:
                out.append(seg(r.choice([far, old]), theirs, P.ACK | r.choice([0, P.PSH, P.FIN]),
                               junk or b"x", window=r.randrange(1 << 16)))
            elif kind == 1:   # RST in the window but not at its edge, and anywhere
                out.append(seg(base + r.randint(1, wnd - 1), 0, P.RST | r.choice([0, P.ACK])))
                out.append(seg(r.randrange(1 << 32), r.randrange(1 << 32), P.RST))
            elif kind == 2:   # SYN on a synchronized connection
                out.append(seg(r.choice([base, base + r.randint(1, wnd - 1), far]),
                               r.randrange(1 << 32), P.SYN | r.choice([0, P.ACK]), junk))
            elif kind == 3:   # ACK of data never sent
                out.append(seg(base, theirs + r.randint(1, 1 << 30), P.ACK))
            elif kind == 4:   # out of the window with a window of 0: ignored
                out.append(seg(old, theirs - r.randint(1, 1 << 30), P.ACK, window=0))
            elif kind == 5:   # data at the edge without the ACK bit: not taken
                out.append(seg(base, theirs, r.choice([0, P.PSH]), b"GET /evil HTTP/1.1\r\n"))
            elif kind == 6:   # data at the edge with a bad checksum
                # (One bit of the right one flipped: a random checksum was the
                # right one once in 2^15, and its data then went in.)
                good = P.tcp(self.peer_ip, self.guest_ip, conn["sport"], conn["dport"], base,
                             theirs, P.ACK | P.PSH, b"GET /evil HTTP/1.1\r\n")
                right = struct.unpack("!H", good[16:18])[0]
                out.append(seg(base, theirs, P.ACK | P.PSH, b"GET /evil HTTP/1.1\r\n",
                               csum=right ^ (1 << r.randrange(16))))
            elif kind == 7:   # data at the edge with broken options
                opts = r.choice([bytes([r.randrange(2, 256), 0, 0, 0]),
                                 bytes([r.randrange(2, 256), 1, 0, 0]),
                                 bytes([r.randrange(2, 256), r.randint(9, 255), 0, 0]),
                                 bytes([2, 4, 5, 0xB4, 8, 200, 0, 0])])
                out.append(seg(base, theirs, P.ACK | P.PSH, b"GET /evil HTTP/1.1\r\n",
                               options=opts))
            elif kind == 8:   # a data offset past the segment, at the edge
                out.append(seg(base, theirs, P.ACK, b"GET /evil", offset=r.randint(8, 15)))
            else:             # pieces of the real request, overlapping, out of order
                start = r.randrange(1, len(request))
                end = min(len(request), start + r.randint(1, 12))
                out.append(seg(base + start, theirs, P.ACK | P.PSH, request[start:end]))
        return out

    KINDS = ["short_ethernet", "random_bytes", "bad_arp", "truncated_ipv4", "bad_ipv4_lengths",
             "bad_ipv4_checksum", "unknown_protocol", "fragments", "overlapping_fragments",
             "bad_icmp", "bad_udp", "bad_tcp_header", "bad_tcp_options", "syn_flood",
             "martian_source", "wrong_address"]

    def frames(self, n):
        """At least n frames, the kinds in turn; self.counts says how many of
        each kind."""
        out = []
        i = 0
        while len(out) < n:
            kind = self.KINDS[i % len(self.KINDS)]
            made = getattr(self, kind)()
            self.counts[kind] = self.counts.get(kind, 0) + len(made)
            out.extend(made)
            i += 1
        return out
