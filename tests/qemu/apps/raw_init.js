// A stand-in init script for raw_syscalls.js (init=/app/raw_init.js): the
// two system calls it needs, straight on native:kernel, so the app path
// (archive, command line, output filter, exit status) is tested without
// the services in js-drivers/.
var sys = require('native:sys');
var kernel = require('native:kernel');
sys.register(1, function (fd, data, length) { return kernel.consoleWrite(data, 0, length); });
sys.register(231, function (status) { kernel.exit(status); });
