// process.exit(n) ends the process at once: later timers never run.
process.on('exit', function (code) { console.log('exit listener', code); });
setTimeout(function () { console.log('never printed'); }, 50);
setTimeout(function () {
    console.log('exiting');
    process.exit(5);
    console.log('not reached');
}, 5);
