// An uncaught error in a callback ends the program with status 1 (stderr
// differs between engines and is not compared).
process.on('exit', function (code) { console.log('exit', code); });
setTimeout(function () { console.log('later timer never runs'); }, 30);
setTimeout(function () {
    console.log('about to throw');
    throw new Error('boom');
}, 5);
