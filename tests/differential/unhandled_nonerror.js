// A rejection with a non-Error reason: 'uncaughtException' listeners get
// an ERR_UNHANDLED_REJECTION error whose message quotes the reason.
process.on('uncaughtException', function (err, origin) {
    console.log(origin, err.code, err.message);
});
Promise.reject('a string');
setTimeout(function () { console.log('the process goes on'); }, 1);
