// process.exitCode and 'exit' listeners.
process.on('exit', function (code) { console.log('exit with', code); });
setTimeout(function () {
    console.log('timer ran');
    process.exitCode = 3;
}, 5);
console.log('main done');
