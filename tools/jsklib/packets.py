"""Ethernet, ARP, IPv4, ICMP, UDP and TCP packets as bytes, built and parsed
in plain Python for the host peers of the network scenarios
(tests/qemu/scenarios/net_hostile.py). Builders take every header field as
a keyword so a test can also build wrong ones (a bad checksum, a length
that lies); by default the fields are right.

Addresses: MACs are 6 bytes, IPv4 addresses dotted strings or 4 bytes.
"""
import socket
import struct

ETH_IPV4, ETH_ARP = 0x0800, 0x0806
PROTO_ICMP, PROTO_TCP, PROTO_UDP = 1, 6, 17
FIN, SYN, RST, PSH, ACK = 1, 2, 4, 8, 16


def ip4(addr):
    return addr if isinstance(addr, bytes) else socket.inet_aton(addr)


def checksum(data):
    """The Internet checksum (RFC 1071) of data."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ethernet(dst, src, ethertype, payload):
    return dst + src + struct.pack("!H", ethertype) + payload


def arp(op, sender_mac, sender_ip, target_mac, target_ip, htype=1, ptype=ETH_IPV4, hlen=6,
        plen=4):
    return struct.pack("!HHBBH", htype, ptype, hlen, plen, op) + sender_mac + ip4(sender_ip) + \
        target_mac + ip4(target_ip)


def ipv4(src, dst, proto, payload, ident=0, ttl=64, frag=0, options=b"", ihl=None, total=None,
         csum=None, version=4, tos=0):
    """An IPv4 packet; `frag` is the flags + offset field (offset in 8-byte
    units). ihl (in 32-bit words), total and csum default to the right values."""
    if ihl is None:
        ihl = 5 + len(options) // 4
    if total is None:
        total = 20 + len(options) + len(payload)
    head = struct.pack("!BBHHHBBH4s4s", (version << 4) | (ihl & 15), tos, total & 0xFFFF,
                       ident & 0xFFFF, frag & 0xFFFF, ttl, proto, 0, ip4(src), ip4(dst)) + options
    if csum is None:
        csum = checksum(head)
    head = head[:10] + struct.pack("!H", csum) + head[12:]
    return head + payload


def pseudo(src, dst, proto, length):
    return ip4(src) + ip4(dst) + struct.pack("!BBH", 0, proto, length)


def udp(src, dst, sport, dport, data, length=None, csum=None):
    if length is None:
        length = 8 + len(data)
    seg = struct.pack("!HHHH", sport, dport, length & 0xFFFF, 0) + data
    if csum is None:
        csum = checksum(pseudo(src, dst, PROTO_UDP, len(seg)) + seg) or 0xFFFF
    return seg[:6] + struct.pack("!H", csum) + seg[8:]


def tcp(src, dst, sport, dport, seq, ack, flags, data=b"", window=65535, options=b"",
        offset=None, csum=None):
    """A TCP segment; `offset` is the data offset in 32-bit words (default:
    20 bytes + options, which must then be a multiple of 4)."""
    if offset is None:
        offset = 5 + len(options) // 4
    seg = struct.pack("!HHIIBBHHH", sport, dport, seq & 0xFFFFFFFF, ack & 0xFFFFFFFF,
                      (offset & 15) << 4, flags & 0xFF, window, 0, 0) + options + data
    if csum is None:
        csum = checksum(pseudo(src, dst, PROTO_TCP, len(seg)) + seg)
    return seg[:16] + struct.pack("!H", csum) + seg[18:]


def icmp(type_, code, rest, body, csum=None):
    msg = struct.pack("!BBHI", type_, code, 0, rest) + body
    if csum is None:
        csum = checksum(msg)
    return msg[:2] + struct.pack("!H", csum) + msg[4:]


# --- parsing what the guest sends ------------------------------------------

def parse_frame(frame):
    """{'dst', 'src', 'type', ...} with 'arp', 'ip' (and in it 'tcp', 'udp'
    or 'icmp') when the frame holds them and is well formed; else None."""
    if len(frame) < 14:
        return None
    f = {"dst": frame[:6], "src": frame[6:12], "type": struct.unpack("!H", frame[12:14])[0]}
    body = frame[14:]
    if f["type"] == ETH_ARP and len(body) >= 28:
        op = struct.unpack("!H", body[6:8])[0]
        f["arp"] = {"op": op, "sender_mac": body[8:14], "sender_ip": socket.inet_ntoa(body[14:18]),
                    "target_ip": socket.inet_ntoa(body[24:28])}
    elif f["type"] == ETH_IPV4 and len(body) >= 20:
        ihl = (body[0] & 15) * 4
        total = struct.unpack("!H", body[2:4])[0]
        if ihl < 20 or total < ihl or total > len(body):
            return f
        ip = {"src": socket.inet_ntoa(body[12:16]), "dst": socket.inet_ntoa(body[16:20]),
              "proto": body[9], "payload": body[ihl:total]}
        f["ip"] = ip
        p = ip["payload"]
        if ip["proto"] == PROTO_TCP and len(p) >= 20:
            off = (p[12] >> 4) * 4
            sport, dport, seq, ack = struct.unpack("!HHII", p[:12])
            ip["tcp"] = {"sport": sport, "dport": dport, "seq": seq, "ack": ack,
                         "flags": p[13] & 0x3F, "window": struct.unpack("!H", p[14:16])[0],
                         "data": p[off:]}
        elif ip["proto"] == PROTO_UDP and len(p) >= 8:
            sport, dport, length = struct.unpack("!HHH", p[:6])
            ip["udp"] = {"sport": sport, "dport": dport, "data": p[8:length]}
        elif ip["proto"] == PROTO_ICMP and len(p) >= 8:
            ip["icmp"] = {"type": p[0], "code": p[1], "rest": struct.unpack("!I", p[4:8])[0],
                          "body": p[8:]}
    return f
