// An http server written as for Node, the guest of qemu.net_hostile_frames
// (its NIC on a socket netdev whose host end is a Python peer that answers
// DHCP and then floods the guest with malformed frames) and qemu.http_reload
// (host forward through user networking; the e1000 driver is reloaded
// during a download on a keep-alive connection, which then serves one more
// request).
//
//   GET /hello   "hello from unode <n>\n" plus the connection's own request
//                count and the client's port, so the test can tell whether
//                a request came on the same connection as the one before
//   GET /big/N   N bytes, byte k being k % 251, written as fast as the
//                connection takes them (a transfer under way while the
//                driver reloads)
//   GET /stats   the network stack's counters (parsers' drops) as JSON
//   GET /bye     answers, then closes the server: the program ends, status 0
//
// argv[0]: the port (default 8080).
'use strict';

var http = require('http');

var port = +(process.argv[2] || 8080);
var served = 0;

// The kernel's TCP/IP stack (js-drivers/net) and its counters; the stack
// exists once a program has made a socket call (the listen below). Hosted
// on Linux there is no such module: null.
function stackStats() {
    var machine;
    try {
        machine = require('/js-drivers/net/socket_syscalls.js').current();
    } catch (e) {
        return null;
    }
    if (!machine)
        return null;
    var st = machine.stack;
    var eth = st.iface('eth0');
    return {
        eth0: eth ? { addr: st.ipv4.format(eth.addr), stats: eth.stats, arp: eth.arp.stats } : null,
        ipv4: st.ipv4.stats, icmp: st.icmp.stats, udp: st.udp.stats, tcp: st.tcp.stats
    };
}

// 64256 bytes (256 * 251): the pattern k % 251 goes on across chunks.
var CHUNK = Buffer.alloc(256 * 251);
for (var k = 0; k < CHUNK.length; k++)
    CHUNK[k] = k % 251;

function sendBig(res, n) {
    res.setHeader('Content-Type', 'application/octet-stream');
    res.setHeader('Content-Length', n);
    var left = n;
    function more() {
        while (left > 0) {
            var piece = left >= CHUNK.length ? CHUNK : CHUNK.subarray(0, left);
            left -= piece.length;
            if (!res.write(piece)) {
                res.once('drain', more);
                return;
            }
        }
        res.end();
    }
    more();
}

var server = http.createServer(function (req, res) {
    var conn = req.socket;
    conn.requests = (conn.requests || 0) + 1;
    served++;
    var body;
    if (req.url === '/hello') {
        body = 'hello from unode ' + served + ' request ' + conn.requests +
            ' on the connection from port ' + conn.remotePort + '\n';
    } else if (/^\/big\/\d+$/.test(req.url)) {
        sendBig(res, +req.url.slice(5));
        return;
    } else if (req.url === '/stats') {
        body = JSON.stringify(stackStats()) + '\n';
    } else if (req.url === '/bye') {
        body = 'bye\n';
        res.on('finish', function () { server.close(); });
        res.setHeader('Connection', 'close');
    } else {
        res.statusCode = 404;
        body = 'no ' + req.url + '\n';
    }
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('Content-Length', Buffer.byteLength(body));
    res.end(body);
});

// Node's default (5 s) would end an idle keep-alive connection while
// qemu.http_reload reloads the NIC driver under TCG on a loaded machine.
server.keepAliveTimeout = 30000;

server.on('close', function () {
    console.log('net_hostile_http: closed after ' + served + ' requests');
    process.exit(0);
});

server.listen(port, function () {
    console.log('net_hostile_http: listening on port ' + port);
});
