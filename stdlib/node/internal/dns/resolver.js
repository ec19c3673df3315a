// A stub resolver: one query over UDP to each configured server in turn,
// each tried ATTEMPTS times with a TIMEOUT_MS wait, answered by the first
// response whose id and question match. Errors carry Node's c-ares codes
// (ENOTFOUND, ENODATA, ESERVFAIL, EREFUSED, ETIMEOUT, ECONNREFUSED, ...).
'use strict';

var wire = require('./wire.js');

var TIMEOUT_MS = 2000;
var ATTEMPTS = 2;

var RCODE_ERRORS = { 1: 'EFORMERR', 2: 'ESERVFAIL', 3: 'ENOTFOUND', 4: 'ENOTIMP', 5: 'EREFUSED' };

function randomId() {
    var bytes = new Uint8Array(2);
    require('sys').getrandom(bytes);
    return (bytes[0] << 8) | bytes[1];
}

// query(name, type, servers [{address, port}], callback(code|null, response))
function query(name, type, servers, callback) {
    var dgram = require('../../dgram.js');
    var message = null;
    var id = 0;
    var tries = [];
    servers.forEach(function (server) {
        for (var i = 0; i < ATTEMPTS; i++)
            tries.push(server);
    });
    if (tries.length === 0) {
        process.nextTick(callback, 'ECONNREFUSED');
        return;
    }
    var lastError = 'ETIMEOUT';
    var index = 0;
    function attempt() {
        if (index >= tries.length) {
            callback(lastError);
            return;
        }
        var server = tries[index++];
        id = randomId();
        message = wire.encodeQuery(id, name, type);
        if (message === null) {
            process.nextTick(callback, 'EBADNAME');
            return;
        }
        var socket = dgram.createSocket('udp4');
        var done = false;
        var timer = setTimeout(function () { finish('ETIMEOUT'); }, TIMEOUT_MS);
        function finish(error, response) {
            if (done)
                return;
            done = true;
            clearTimeout(timer);
            socket.close();
            if (error === null) {
                callback(null, response);
            } else {
                lastError = error;
                attempt();
            }
        }
        socket.on('error', function (err) { finish(err.code || 'ECONNREFUSED'); });
        socket.on('message', function (bytes) {
            var response;
            try {
                response = wire.parseResponse(bytes);
            } catch (error) {
                finish('EBADRESP');
                return;
            }
            var asked = name.toLowerCase().replace(/\.$/, '');
            if (response.id !== id || response.questions.length !== 1 ||
                response.questions[0].name.toLowerCase() !== asked) {
                return;  // someone else's answer (or a spoof): keep waiting
            }
            if (response.rcode !== 0) {
                var code = RCODE_ERRORS[response.rcode] || 'EBADRESP';
                // NXDOMAIN and REFUSED are answers; other servers are not asked.
                done = true;
                clearTimeout(timer);
                socket.close();
                callback(code, response);
                return;
            }
            finish(null, response);
        });
        socket.connect(server.port, server.address, function () {
            socket.send(message, function (err) {
                if (err)
                    finish(err.code || 'ECONNREFUSED');
            });
        });
    }
    attempt();
}

exports.query = query;
exports.TIMEOUT_MS = TIMEOUT_MS;
exports.ATTEMPTS = ATTEMPTS;
