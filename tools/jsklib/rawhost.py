"""A minimal IPv4 host made of raw frames, on the host end of a guest NIC's
socket netdev (tools/jsklib/netpeer.py): the guest's whole network is this
one peer, on 127.0.0.1 only.

It answers the guest's DHCP (so the guest's stack configures itself as it
does under QEMU's user networking), answers ARP, pings, and is a small TCP
client good for one HTTP request at a time (SYN, ACK, request, the answer
in order, FIN). Like a real host it resets SYN-ACKs for connections it did
not open: the guest's half-open connections from spoofed SYNs go away.

Everything is single-threaded: netpeer's reader thread queues the guest's
frames and `pump()` takes them; every wait is bounded in time.
"""
import random
import socket
import struct
import time

from . import netpeer
from . import packets as P

DHCP_SERVER, DHCP_CLIENT = 67, 68
DHCP_MAGIC = 0x63825363
DHCP_DISCOVER, DHCP_OFFER, DHCP_REQUEST, DHCP_ACK = 1, 2, 3, 5


class ProtocolError(Exception):
    pass


class RawHost:
    def __init__(self, peer, ip="10.0.2.2", guest_ip="10.0.2.15", mask="255.255.255.0",
                 mac=netpeer.PEER_MAC, seed=1):
        self.peer, self.ip, self.guest_ip, self.mask, self.mac = peer, ip, guest_ip, mask, mac
        self.guest_mac = None
        self.leased = False
        self.rng = random.Random(seed)
        self.conn = None            # the TCP connection in progress: a dict
        self.seen = {"frames": 0, "arp": 0, "icmp": 0, "tcp": 0, "udp": 0, "other": 0,
                     "resets_sent": 0}
        self.icmp_replies = {}      # seq -> True

    # --- frames in ---------------------------------------------------------

    def send_ip(self, proto, payload, dst_mac=None, **ip_fields):
        self.peer.send(P.ethernet(dst_mac or self.guest_mac, self.mac, P.ETH_IPV4,
                                  P.ipv4(self.ip, self.guest_ip, proto, payload, **ip_fields)))

    def pump(self, timeout, until=lambda: False):
        """Handles the guest's frames for at most `timeout` s, returning
        early (True) once until() holds."""
        deadline = time.monotonic() + timeout
        while not until():
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            frame = self.peer.recv(min(left, 0.5))
            if frame is not None:
                self.handle(frame)
            elif self.peer.closed:      # QEMU is gone
                return False
        return True

    def handle(self, frame):
        self.seen["frames"] += 1
        f = P.parse_frame(frame)
        if f is None:
            self.seen["other"] += 1
            return
        if "arp" in f:
            self.seen["arp"] += 1
            a = f["arp"]
            if a["op"] == 1 and a["target_ip"] == self.ip:
                self.peer.send(P.ethernet(a["sender_mac"], self.mac, P.ETH_ARP,
                                          P.arp(2, self.mac, self.ip, a["sender_mac"],
                                                a["sender_ip"])))
            elif a["op"] == 2 and a["sender_ip"] == self.guest_ip:
                self.guest_mac = a["sender_mac"]
            return
        ip = f.get("ip")
        if ip is None:
            self.seen["other"] += 1
            return
        if "udp" in ip and ip["udp"]["dport"] == DHCP_SERVER:
            self.seen["udp"] += 1
            self.dhcp(f["src"], ip["udp"]["data"])
        elif "icmp" in ip:
            self.seen["icmp"] += 1
            if ip["icmp"]["type"] == 0 and ip["dst"] == self.ip:
                self.icmp_replies[ip["icmp"]["rest"] & 0xFFFF] = True
        elif "tcp" in ip:
            self.seen["tcp"] += 1
            if ip["dst"] == self.ip:
                self.tcp_in(ip["tcp"])
        else:
            self.seen["udp" if "udp" in ip else "other"] += 1

    # --- DHCP server (RFC 2131), just enough for one client ------------------

    def dhcp(self, client_mac, msg):
        if len(msg) < 240 or msg[0] != 1 or struct.unpack("!I", msg[236:240])[0] != DHCP_MAGIC:
            return
        kind, i = None, 240
        while i + 1 < len(msg) and msg[i] != 255:
            if msg[i] == 0:
                i += 1
                continue
            if msg[i] == 53 and msg[i + 1] >= 1:
                kind = msg[i + 2]
            i += 2 + msg[i + 1]
        answer = {DHCP_DISCOVER: DHCP_OFFER, DHCP_REQUEST: DHCP_ACK}.get(kind)
        if answer is None:
            return
        self.guest_mac = msg[28:34]
        reply = bytearray(240)
        reply[0:4] = bytes([2, 1, 6, 0])                 # BOOTREPLY, Ethernet
        reply[4:8] = msg[4:8]                            # xid
        reply[10:12] = msg[10:12]                        # flags (broadcast)
        reply[16:20] = socket.inet_aton(self.guest_ip)   # yiaddr
        reply[20:24] = socket.inet_aton(self.ip)         # siaddr
        reply[28:44] = msg[28:44]                        # chaddr
        reply[236:240] = struct.pack("!I", DHCP_MAGIC)
        reply += bytes([53, 1, answer, 54, 4]) + socket.inet_aton(self.ip) + \
            bytes([1, 4]) + socket.inet_aton(self.mask) + bytes([51, 4]) + \
            struct.pack("!I", 86400) + bytes([255])
        reply += bytes(max(0, 300 - len(reply)))
        self.peer.send(P.ethernet(netpeer.BROADCAST, self.mac, P.ETH_IPV4,
                                  P.ipv4(self.ip, "255.255.255.255", P.PROTO_UDP,
                                         P.udp(self.ip, "255.255.255.255", DHCP_SERVER,
                                               DHCP_CLIENT, bytes(reply)))))
        if answer == DHCP_ACK:
            self.leased = True

    def serve_dhcp(self, timeout):
        """Waits until the guest has its lease (True) or `timeout` s passed."""
        return self.pump(timeout, lambda: self.leased)

    # --- ARP and ping -------------------------------------------------------

    def arp_resolve(self, timeout=10):
        """Asks for the guest's MAC (which also teaches the guest ours,
        RFC 826's merge rule); True when it answered."""
        self.guest_mac = None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.peer.send(P.ethernet(netpeer.BROADCAST, self.mac, P.ETH_ARP,
                                      P.arp(1, self.mac, self.ip, bytes(6), self.guest_ip)))
            if self.pump(min(1.0, max(0.0, deadline - time.monotonic())),
                         lambda: self.guest_mac is not None):
                return True
        return False

    def ping(self, seq, timeout=10, size=32):
        """One ICMP echo request; True when the reply came in time."""
        self.icmp_replies.pop(seq, None)
        body = bytes((seq + k) & 0xFF for k in range(size))
        self.send_ip(P.PROTO_ICMP, P.icmp(8, 0, (0x4A53 << 16) | seq, body))
        return self.pump(timeout, lambda: seq in self.icmp_replies)

    # --- a TCP client for one HTTP exchange --------------------------------------

    def tcp_send(self, flags, data=b"", options=b""):
        c = self.conn
        seg = P.tcp(self.ip, self.guest_ip, c["sport"], c["dport"], c["snd_nxt"], c["rcv_nxt"],
                    flags, data, options=options)
        self.send_ip(P.PROTO_TCP, seg)

    def tcp_in(self, t):
        c = self.conn
        if c is None or t["sport"] != c["dport"] or t["dport"] != c["sport"]:
            if t["flags"] & P.SYN and t["flags"] & P.ACK:
                # A SYN-ACK for nothing of ours (a spoofed SYN's answer): reset.
                self.seen["resets_sent"] += 1
                self.send_ip(P.PROTO_TCP, P.tcp(self.ip, self.guest_ip, t["dport"], t["sport"],
                                                t["ack"], 0, P.RST))
            return
        if t["flags"] & P.RST:
            c["reset"] = True
            return
        if c["state"] == "SYN_SENT":
            if t["flags"] & P.SYN and t["flags"] & P.ACK and t["ack"] == c["iss"] + 1:
                c["rcv_nxt"] = (t["seq"] + 1) & 0xFFFFFFFF
                c["snd_nxt"] = c["iss"] + 1
                c["state"] = "ESTABLISHED"
                self.tcp_send(P.ACK)
            return
        if t["flags"] & P.ACK and ((t["ack"] - c["snd_una"]) & 0xFFFFFFFF) < 0x80000000:
            c["snd_una"] = t["ack"]
        if t["seq"] == c["rcv_nxt"]:
            if t["data"]:
                c["received"] += t["data"]
                c["rcv_nxt"] = (c["rcv_nxt"] + len(t["data"])) & 0xFFFFFFFF
            if t["flags"] & P.FIN:
                c["rcv_nxt"] = (c["rcv_nxt"] + 1) & 0xFFFFFFFF
                c["fin"] = True
        if t["data"] or t["flags"] & P.FIN:
            self.tcp_send(P.ACK)   # in order or not: say what we have

    def http_get(self, path, port, timeout=60, established=None):
        """GET `path` from the guest's port with `Connection: close`:
        (status, headers, body). Raises ProtocolError when the exchange
        fails (no SYN-ACK, a reset, no answer in time). established(conn,
        request), when given, runs once the connection is up and before the
        request is sent: a test injects segments into the connection there
        ({'sport', 'dport', 'snd_nxt': the guest's next expected sequence
        number, 'rcv_nxt': the guest's next one})."""
        deadline = time.monotonic() + timeout
        iss = self.rng.randrange(1 << 31)
        c = self.conn = {"sport": self.rng.randrange(40000, 60000), "dport": port, "iss": iss,
                         "snd_nxt": iss, "snd_una": iss, "rcv_nxt": 0, "state": "SYN_SENT",
                         "received": b"", "fin": False, "reset": False}
        try:
            while c["state"] == "SYN_SENT":
                if time.monotonic() >= deadline:
                    raise ProtocolError(f"no SYN-ACK from port {port}")
                self.tcp_send(P.SYN, options=struct.pack("!BBH", 2, 4, 1460))  # MSS
                self.pump(min(1.0, max(0.0, deadline - time.monotonic())),
                          lambda: c["state"] != "SYN_SENT" or c["reset"])
                if c["reset"]:
                    raise ProtocolError(f"port {port} refused the connection (RST)")
            request = (f"GET {path} HTTP/1.1\r\nHost: {self.guest_ip}:{port}\r\n"
                       "Connection: close\r\n\r\n").encode()
            sent_at = c["snd_nxt"]
            if established is not None:
                established(c, request)
                if c["reset"]:
                    raise ProtocolError("the guest reset the connection after the injection")
            while not c["fin"]:
                if c["reset"]:
                    raise ProtocolError("connection reset during the exchange")
                if time.monotonic() >= deadline:
                    raise ProtocolError(f"no complete answer in {timeout} s: "
                                        f"{len(c['received'])} bytes {c['received'][:80]!r}")
                if c["snd_una"] != sent_at + len(request):   # (re)send until acknowledged
                    c["snd_nxt"] = sent_at
                    self.tcp_send(P.PSH | P.ACK, request)
                    c["snd_nxt"] = sent_at + len(request)
                self.pump(min(2.0, max(0.0, deadline - time.monotonic())),
                          lambda: c["fin"] or c["reset"])
            self.tcp_send(P.FIN | P.ACK)
            fin_seq = c["snd_nxt"]
            c["snd_nxt"] += 1
            self.pump(5, lambda: c["snd_una"] == (fin_seq + 1) & 0xFFFFFFFF)
            return parse_response(c["received"])
        finally:
            self.conn = None


def parse_response(raw):
    """(status, {lower-case header: value}, body) of an HTTP/1.1 answer whose
    body has a Content-Length; ProtocolError if it is not one."""
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        raise ProtocolError(f"no end of headers in {raw[:200]!r}")
    lines = head.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not parts[1].isdigit():
        raise ProtocolError(f"bad status line {lines[0]!r}")
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = headers.get("content-length")
    if length is None or int(length) != len(body):
        raise ProtocolError(f"Content-Length {length} but {len(body)} body bytes")
    return int(parts[1]), headers, body
