"""The raw-frame helpers of the network scenarios, without an emulator:
tools/jsklib/packets.py (builders, checksums, parsing), rawhost.py (its
DHCP server, ARP answers, HTTP answer parsing) and hostile_frames.py
(deterministic, well-addressed frames)."""
import struct
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tools"))

from jsklib import hostile_frames, netpeer, rawhost  # noqa: E402
from jsklib import packets as P  # noqa: E402

GUEST_MAC = bytes.fromhex("525400123456")


class Packets(unittest.TestCase):
    def test_rfc1071_example(self):
        # RFC 1071 section 3: 0001 f203 f4f5 f6f7 sums to ddf2.
        self.assertEqual(P.checksum(bytes.fromhex("0001f203f4f5f6f7")), ~0xDDF2 & 0xFFFF)

    def test_headers_verify(self):
        ip = P.ipv4("10.0.2.2", "10.0.2.15", P.PROTO_TCP, b"")
        self.assertEqual(P.checksum(ip[:20]), 0)
        for seg, proto in ((P.tcp("10.0.2.2", "10.0.2.15", 1, 2, 3, 4, P.SYN, b"abc"), P.PROTO_TCP),
                           (P.udp("10.0.2.2", "10.0.2.15", 1, 2, b"abcde"), P.PROTO_UDP)):
            self.assertEqual(P.checksum(P.pseudo("10.0.2.2", "10.0.2.15", proto, len(seg)) + seg), 0)

    def test_wrong_fields_on_request(self):
        ip = P.ipv4("1.2.3.4", "5.6.7.8", 6, b"xy", ihl=3, total=999, csum=0x1234)
        self.assertEqual((ip[0] & 15, struct.unpack("!H", ip[2:4])[0], ip[10:12]),
                         (3, 999, b"\x12\x34"))

    def test_parse_round_trip(self):
        seg = P.tcp("10.0.2.2", "10.0.2.15", 4000, 80, 7, 9, P.ACK | P.PSH, b"hello")
        f = P.parse_frame(P.ethernet(GUEST_MAC, netpeer.PEER_MAC, P.ETH_IPV4,
                                     P.ipv4("10.0.2.2", "10.0.2.15", P.PROTO_TCP, seg)))
        t = f["ip"]["tcp"]
        self.assertEqual((t["sport"], t["dport"], t["seq"], t["ack"], t["flags"], t["data"]),
                         (4000, 80, 7, 9, P.ACK | P.PSH, b"hello"))


class FakePeer:
    def __init__(self):
        self.sent = []

    def send(self, frame):
        self.sent.append(frame)


def dhcp_message(kind, xid=0x11223344):
    msg = bytearray(240)
    msg[0:3] = bytes([1, 1, 6])
    msg[4:8] = struct.pack("!I", xid)
    msg[10:12] = b"\x80\x00"
    msg[28:34] = GUEST_MAC
    msg[236:240] = struct.pack("!I", rawhost.DHCP_MAGIC)
    return bytes(msg) + bytes([53, 1, kind, 255])


class RawHost(unittest.TestCase):
    def test_dhcp_offer_then_ack(self):
        peer = FakePeer()
        host = rawhost.RawHost(peer)
        for kind, answer in ((rawhost.DHCP_DISCOVER, rawhost.DHCP_OFFER),
                             (rawhost.DHCP_REQUEST, rawhost.DHCP_ACK)):
            host.dhcp(GUEST_MAC, dhcp_message(kind))
            f = P.parse_frame(peer.sent[-1])
            reply = f["ip"]["udp"]["data"]
            self.assertEqual((f["dst"], f["ip"]["udp"]["dport"]), (netpeer.BROADCAST, 68))
            self.assertEqual(reply[4:8], struct.pack("!I", 0x11223344))
            self.assertEqual(reply[16:20], bytes([10, 0, 2, 15]))
            self.assertEqual(reply[240:243], bytes([53, 1, answer]))
        self.assertTrue(host.leased)
        self.assertEqual(host.guest_mac, GUEST_MAC)

    def test_answers_arp_for_its_address_only(self):
        peer = FakePeer()
        host = rawhost.RawHost(peer)
        for target in ("10.0.2.2", "10.0.2.3"):
            host.handle(P.ethernet(netpeer.BROADCAST, GUEST_MAC, P.ETH_ARP,
                                   P.arp(1, GUEST_MAC, "10.0.2.15", bytes(6), target)))
        self.assertEqual(len(peer.sent), 1)
        a = P.parse_frame(peer.sent[0])["arp"]
        self.assertEqual((a["op"], a["sender_ip"], a["target_ip"]), (2, "10.0.2.2", "10.0.2.15"))

    def test_parse_response(self):
        status, headers, body = rawhost.parse_response(
            b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nX-A: b\r\n\r\nabc")
        self.assertEqual((status, headers["x-a"], body), (200, "b", b"abc"))
        with self.assertRaises(rawhost.ProtocolError):
            rawhost.parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabc")
        with self.assertRaises(rawhost.ProtocolError):
            rawhost.parse_response(b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n")


class HostileFrames(unittest.TestCase):
    def make(self, seed):
        return hostile_frames.Generator(seed, GUEST_MAC, "10.0.2.15", netpeer.PEER_MAC,
                                        "10.0.2.2", 8080)

    def test_deterministic_and_sized(self):
        a, b = self.make(5), self.make(5)
        fa, fb = a.frames(3000), b.frames(3000)
        self.assertEqual(fa, fb)
        self.assertNotEqual(fa, self.make(6).frames(3000))
        self.assertGreaterEqual(len(fa), 3000)
        self.assertTrue(all(len(f) <= netpeer.MAX_FRAME for f in fa))
        self.assertEqual(set(a.counts), set(hostile_frames.Generator.KINDS))

    def test_addressed_to_the_guest(self):
        g = self.make(1)
        frames = g.frames(2000)
        to_guest = [f for f in frames if f[:6] == GUEST_MAC]
        # Only wrong_address sends some to another MAC.
        self.assertGreater(len(to_guest), 0.95 * len(frames))
        self.assertLessEqual(g.spoofed_syns, hostile_frames.MAX_SPOOFED_SYNS)

    def test_in_connection_keeps_the_tuple(self):
        conn = {"sport": 40000, "dport": 8080, "snd_nxt": 1000, "rcv_nxt": 5000}
        segs = self.make(2).in_connection(conn, b"GET / HTTP/1.1\r\n\r\n", 300)
        self.assertGreaterEqual(len(segs), 300)
        for f in segs:
            p = P.parse_frame(f)
            self.assertEqual(p["ip"]["src"], "10.0.2.2")
            self.assertEqual(struct.unpack("!HH", p["ip"]["payload"][:4]), (40000, 8080))


if __name__ == "__main__":
    unittest.main(verbosity=2)
