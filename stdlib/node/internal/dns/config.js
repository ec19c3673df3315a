// Where names come from: /etc/hosts and the name servers of
// /etc/resolv.conf, read with the file system calls when the platform has
// them. On bare metal without the files, hosts has only localhost and the
// server is QEMU user networking's resolver 10.0.2.3, which DHCP hands out
// there too (agreed with the stack: docs/net.md "DNS: done by unode").
'use strict';

var sys = require('sys');

var MAX_FILE = 65536;

function readTextFile(path) {
    var fd = sys.openat(path, sys.O_RDONLY | sys.O_CLOEXEC);
    if (fd < 0)
        return null;
    var buffer = new Uint8Array(MAX_FILE);
    var length = 0;
    while (length < MAX_FILE) {
        var n = sys.read(fd, buffer.subarray(length));
        if (n <= 0)
            break;
        length += n;
    }
    sys.close(fd);
    return sys.decodeUtf8(buffer.subarray(0, length));
}

function lines(text) {
    return text.split('\n').map(function (line) {
        var hash = line.indexOf('#');
        return (hash === -1 ? line : line.slice(0, hash)).trim();
    }).filter(function (line) { return line.length > 0; });
}

// {lower-case name: IPv4 address}: the first address of each name.
function readHosts() {
    var table = { localhost: '127.0.0.1' };
    var text = readTextFile('/etc/hosts');
    if (text === null)
        return table;
    var seen = {};
    lines(text).forEach(function (line) {
        var fields = line.split(/\s+/);
        if (sys.parseIPv4(fields[0]) === null)
            return;
        for (var i = 1; i < fields.length; i++) {
            var name = fields[i].toLowerCase();
            if (!seen[name]) {
                seen[name] = true;
                table[name] = fields[0];
            }
        }
    });
    return table;
}

// ['10.0.0.1', ...]: the IPv4 nameservers of /etc/resolv.conf.
var BARE_METAL_NAMESERVER = '10.0.2.3';

function readNameservers() {
    var text = readTextFile('/etc/resolv.conf');
    if (text === null)
        return sys.platform === 'linux' ? [] : [BARE_METAL_NAMESERVER];
    var servers = [];
    lines(text).forEach(function (line) {
        var fields = line.split(/\s+/);
        if (fields[0] === 'nameserver' && sys.parseIPv4(fields[1]) !== null)
            servers.push(fields[1]);
    });
    return servers;
}

exports.readHosts = readHosts;
exports.readNameservers = readNameservers;
