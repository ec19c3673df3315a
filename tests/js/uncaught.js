// An error thrown from a callback goes to 'uncaughtException' listeners
// when there are some; the program then goes on.
'use strict';

var check = require('./lib/check.js');

var seen = [];
process.on('uncaughtException', function (error) { seen.push(error.message); });
setTimeout(function () { throw new Error('from a timer'); }, 1);
setImmediate(function () { throw new Error('from an immediate'); });
process.nextTick(function () { throw new Error('from a tick'); });
setTimeout(check.expectCall('later timer', function () {
    check.deepEqual(seen.sort(), ['from a tick', 'from a timer', 'from an immediate'].sort(),
        'all three errors reported');
}), 20);
