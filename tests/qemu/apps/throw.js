// An uncaught error: "Uncaught Error: boom" and its stack, status 1.
function fail() {
    throw new Error('boom');
}
console.log('about to throw');
fail();
