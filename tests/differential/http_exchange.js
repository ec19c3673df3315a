// An http server and client in one process, printing events in order:
// the request as the server sees it, the response as the client sees it,
// a second request over the kept-alive connection, a chunked response.
'use strict';

var http = require('http');

var server = http.createServer(function (req, res) {
    console.log('server: request', req.method, req.url, 'HTTP/' + req.httpVersion);
    // The port is chosen by the kernel: print it as PORT.
    console.log('server: headers', JSON.stringify(req.headers).replace(/:\d+"/, ':PORT"'));
    var body = [];
    req.on('data', function (chunk) { body.push(chunk); });
    req.on('end', function () {
        console.log('server: body', JSON.stringify(Buffer.concat(body).toString()),
            'complete', req.complete);
        if (req.url === '/stream') {
            res.setHeader('Content-Type', 'text/plain; charset=utf-8');
            res.write('first,');
            res.end('second');
        } else {
            res.writeHead(201, { 'X-Seen': String(body.length > 0) });
            // Headers given only to writeHead go straight into the head:
            // the header table does not have them.
            console.log('server: after writeHead', JSON.stringify([res.getHeader('x-seen'),
                res.hasHeader('X-Seen'), res.getHeaderNames()]));
            res.end('got ' + Buffer.concat(body).length + ' bytes');
        }
        console.log('server: headersSent', res.headersSent, 'finished', res.writableEnded);
    });
});

function show(res, label, next) {
    var headers = {};
    Object.keys(res.headers).sort().forEach(function (name) {
        if (name !== 'date')
            headers[name] = res.headers[name];
    });
    console.log(label + ': status', res.statusCode, res.statusMessage, 'HTTP/' + res.httpVersion);
    console.log(label + ': headers', JSON.stringify(headers));
    var text = '';
    res.setEncoding('utf8');
    res.on('data', function (chunk) { text += chunk; });
    res.on('end', function () {
        console.log(label + ': body', JSON.stringify(text), 'complete', res.complete);
        next();
    });
}

server.listen(0, '127.0.0.1', function () {
    var port = server.address().port;
    console.log('listening', server.address().address, server.address().family);
    var req = http.request({ host: '127.0.0.1', port: port, method: 'POST', path: '/upload?x=1',
        headers: { 'Content-Type': 'application/json', 'X-Custom': 'A' } }, function (res) {
        show(res, 'client 1', function () {
            setImmediate(function () {
                http.get({ host: '127.0.0.1', port: port, path: '/stream' }, function (res2) {
                    show(res2, 'client 2', function () {
                        server.close(function () { console.log('server closed'); });
                    });
                });
            });
        });
    });
    req.on('finish', function () { console.log('client 1: request finished'); });
    req.write('{"a":');
    req.end('1}');
});
