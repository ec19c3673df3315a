'use strict';
// readline on streams (question, lines split on LF, CRLF and CR, a last
// line without its newline, close at end of input) and process.stdout as
// a stream.Writable.
var readline = require('readline');
var stream = require('stream');

var written = [];
var output = new stream.Writable({
    write: function (chunk, encoding, callback) { written.push(String(chunk)); callback(); }
});
var input = new stream.PassThrough();
var rl = readline.createInterface({ input: input, output: output });
rl.on('line', function (line) { console.log('line', JSON.stringify(line)); });
rl.on('close', function () {
    console.log('close; the output stream got', JSON.stringify(written.join('')));
    console.log('stdout is a Writable:', process.stdout instanceof stream.Writable);
    console.log('write returns', process.stdout.write('direct write\n'));
    process.stdout.write('with a callback\n', function () { console.log('callback ran'); });
    console.log('fd', process.stdout.fd, process.stderr.fd, typeof process.stdin.on);
});
rl.question('name? ', function (answer) {
    console.log('answer', JSON.stringify(answer));
    rl.question('again? ', function (second) { console.log('second answer', JSON.stringify(second)); });
});
input.write('Ada\nfirst\r\nsec');
input.write('ond\rthird\n');
input.end('last');
