// An unhandled rejection ends the process with status 1 after the
// microtasks ran; 'exit' listeners still run.
process.on('exit', function (code) { console.log('exit', code); });
Promise.reject(new Error('nobody catches this'));
Promise.resolve().then(function () { console.log('microtask still runs'); });
process.nextTick(function () { console.log('tick still runs'); });
setTimeout(function () { console.log('timer never runs'); }, 0);
console.log('end of script');
