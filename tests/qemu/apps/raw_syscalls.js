// Output and exit through require('sys').syscall alone: write(1, ...) and
// exit_group(5). Prints its argv (process.argv as the kernel built it).
var sys = require('sys');
var argv = require('native:engine').options.argv;
function write(text) { sys.syscall(1, 1, text, text.length); }
write('argv ' + JSON.stringify(argv) + '\n');
write('crlf\r\nlast line without newline');
sys.syscall(231, 5);
write('not reached\n');
