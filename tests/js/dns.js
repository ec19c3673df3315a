// dns: the wire format (queries, responses with compression, malformed
// input), lookup of localhost and literals, and resolve4/lookup against a
// fake name server this test runs on 127.0.0.1 (no other traffic).
'use strict';

var check = require('./lib/check.js');
var dns = require('dns');
var dgram = require('dgram');
var wire = require('internal/dns/wire');  // unode's own module

// -- wire format --------------------------------------------------------------

var query = wire.encodeQuery(0x1234, 'www.Example.com', wire.TYPE.A);
check.deepEqual(Array.prototype.slice.call(query), [0x12, 0x34, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0,
    3, 119, 119, 119, 7, 69, 120, 97, 109, 112, 108, 101, 3, 99, 111, 109, 0, 0, 1, 0, 1],
    'query bytes');
check.equal(wire.encodeQuery(1, 'a..b', 1), null, 'empty label');
check.equal(wire.encodeQuery(1, new Array(65).join('x') + '.com', 1), null, 'label > 63');

// A response to `query`: CNAME www -> web (compressed), then web's A.
function response(id, rcode, answers) {
    var head = [id >> 8, id & 255, 0x81, 0x80 | rcode, 0, 1, 0, answers.length, 0, 0, 0, 0];
    var question = Array.prototype.slice.call(query, 12);
    var body = [];
    answers.forEach(function (a) { body = body.concat(a); });
    return Buffer.from(head.concat(question, body));
}
var cname = [0xc0, 12, 0, 5, 0, 1, 0, 0, 0, 30, 0, 6, 3, 119, 101, 98, 0xc0, 16];
var aRecord = [3, 119, 101, 98, 0xc0, 16, 0, 1, 0, 1, 0, 0, 1, 0, 0, 4, 10, 0, 0, 7];
var parsed = wire.parseResponse(response(0x1234, 0, [cname, aRecord]));
check.equal(parsed.id, 0x1234, 'response id');
check.equal(parsed.questions[0].name, 'www.Example.com', 'question name');
check.equal(parsed.answers[0].value, 'web.Example.com', 'CNAME through a pointer');
check.deepEqual(wire.addressesFor(parsed, 'www.example.com'), [{ address: '10.0.0.7', ttl: 256 }],
    'A through the CNAME chain');

function malformed(bytes, what) {
    check.throws(function () { wire.parseResponse(Buffer.from(bytes)); }, /./, what);
    try {
        wire.parseResponse(Buffer.from(bytes));
    } catch (error) {
        check.equal(error.code, 'EBADRESP', what + ' code');
    }
}
var good = Array.prototype.slice.call(response(1, 0, [aRecord]));
malformed(good.slice(0, 11), 'short header');
malformed(good.slice(0, good.length - 2), 'truncated rdata');
malformed([0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1], 'pointer loop');
malformed([0, 1, 0x01, 0x00, 0, 0, 0, 0, 0, 0, 0, 0], 'a query, not a response');
malformed([0, 1, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 1, 0, 1], 'bad label type');
// Random bytes never escape as anything but EBADRESP (bounded: 2000 tries).
var seed = 12345;
function random() { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed; }
var escaped = 0;
for (var t = 0; t < 2000; t++) {
    var bytes = good.slice();
    for (var k = 0; k < 3; k++)
        bytes[random() % bytes.length] = random() & 255;
    try {
        wire.parseResponse(Buffer.from(bytes.slice(0, random() % (bytes.length + 1))));
    } catch (error) {
        if (error.code !== 'EBADRESP')
            escaped++;
    }
}
check.equal(escaped, 0, 'fuzzed responses fail only with EBADRESP');

// -- lookup without a server -------------------------------------------------

dns.lookup('localhost', check.expectCall('lookup localhost', function (err, address, family) {
    check.equal(err, null, 'localhost error');
    check.equal(address, '127.0.0.1', 'localhost address');
    check.equal(family, 4, 'localhost family');
}));
dns.lookup('10.1.2.3', { all: true }, check.expectCall('lookup literal', function (err, list) {
    check.deepEqual(list, [{ address: '10.1.2.3', family: 4 }], 'literal, all');
}));

// -- a fake name server on 127.0.0.1 ---------------------------------------------

var fake = dgram.createSocket('udp4');
var records = { 'one.test': [[10, 0, 0, 1]], 'two.test': [[10, 0, 0, 2], [10, 0, 0, 3]] };
fake.on('message', function (msg, rinfo) {
    var name = wire.parseResponse(Buffer.concat([msg.subarray(0, 2), Buffer.from([0x80]),
        msg.subarray(3)])).questions[0].name;
    var question = Array.prototype.slice.call(msg, 12);
    function reply(id, rcode, addresses) {
        var bytes = [id >> 8, id & 255, 0x81, 0x80 | rcode, 0, 1, 0, addresses.length, 0, 0, 0, 0]
            .concat(question);
        addresses.forEach(function (a) {
            bytes = bytes.concat([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4], a);
        });
        fake.send(Buffer.from(bytes), rinfo.port, rinfo.address);
    }
    var id = (msg[0] << 8) | msg[1];
    if (name === 'fail.test')
        return reply(id, 2, []);
    if (!records[name])
        return reply(id, 3, []);
    reply((id + 1) & 0xffff, 0, [[6, 6, 6, 6]]);  // a stray answer with the wrong id
    reply(id, 0, records[name]);
});
fake.bind(0, '127.0.0.1', function () {
    dns.setServers(['127.0.0.1:' + fake.address().port]);
    check.deepEqual(dns.getServers(), ['127.0.0.1:' + fake.address().port], 'getServers');
    dns.resolve4('two.test', check.expectCall('resolve4', function (err, addresses) {
        check.equal(err, null, 'resolve4 error');
        check.deepEqual(addresses, ['10.0.0.2', '10.0.0.3'], 'resolve4 addresses');
        dns.resolve4('one.test', { ttl: true }, check.expectCall('ttl', function (err2, list) {
            check.deepEqual(list, [{ address: '10.0.0.1', ttl: 60 }], 'resolve4 with ttl');
            nxdomain();
        }));
    }));
});

function nxdomain() {
    dns.resolve('missing.test', check.expectCall('NXDOMAIN', function (err) {
        check.equal(err.code, 'ENOTFOUND', 'NXDOMAIN code');
        check.equal(err.message, 'queryA ENOTFOUND missing.test', 'NXDOMAIN message');
        check.equal(err.hostname, 'missing.test', 'hostname');
        dns.resolve4('fail.test', check.expectCall('SERVFAIL', function (err2) {
            check.equal(err2.code, 'ESERVFAIL', 'SERVFAIL code');
            viaLookup();
        }));
    }));
}

function viaLookup() {
    dns.lookup('one.test', check.expectCall('lookup via server', function (err, address, family) {
        check.equal(address, '10.0.0.1', 'lookup address');
        check.equal(family, 4, 'lookup family');
        dns.promises.lookup('nothing.test').then(function () {
            check.fail('lookup of a missing name succeeded');
        }, check.expectCall('lookup rejection', function (error) {
            check.equal(error.message, 'getaddrinfo ENOTFOUND nothing.test', 'lookup error');
            check.equal(error.errno, -3008, 'lookup errno');
            return dns.promises.resolve4('two.test');
        })).then(check.expectCall('promises.resolve4', function (addresses) {
            check.deepEqual(addresses, ['10.0.0.2', '10.0.0.3'], 'promise addresses');
            refused();
        }));
    }));
}

// A server port nobody listens on: ECONNREFUSED from the ICMP error.
function refused() {
    var probe = dgram.createSocket('udp4');
    probe.bind(0, '127.0.0.1', function () {
        var port = probe.address().port;
        probe.close(function () {
            dns.setServers(['127.0.0.1:' + port]);
            dns.resolve4('one.test', check.expectCall('refused', function (err) {
                check.equal(err.code, 'ECONNREFUSED', 'refused code');
                fake.close();
            }));
        });
    });
}
