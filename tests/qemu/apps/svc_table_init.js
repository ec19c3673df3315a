// A stand-in init script for qemu.svc_table: loads the real services, but
// first registers test entries and checks register/lock from init's side.
var sys = require('native:sys');
var results = [];
sys.register(400, function () { throw new Error('service bug'); });
sys.register(401, function () { return 'not a number'; });
sys.register(402, function (a, b, c, d, e, f, g) {
    globalThis.lastArgs = [a, b, c, d, e, f, g];
    return arguments.length;
});
sys.register(403, function () { return 1; });
sys.register(403, null);  // unregistered again
var rangeError = false;
try { sys.register(512, function () { return 0; }); } catch (e) { rangeError = e instanceof RangeError; }
results.push(rangeError ? 'ok register(512) throws RangeError' : 'FAIL register(512)');
globalThis.initResults = results;
// The real services register and lock; their init keeps its registrar.
require('/js-drivers/core/init.js');
