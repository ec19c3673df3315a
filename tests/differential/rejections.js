// Reaction order of chained, adopted and combined promises, and the
// moments 'unhandledRejection' and 'rejectionHandled' are emitted.
var log = function (s) { console.log(s); };
var p = Promise.resolve();
p.then(function () { log('a1'); return Promise.resolve('x'); }).then(function (v) { log('a2 ' + v); });
p.then(function () { log('b1'); }).then(function () { log('b2'); }).then(function () { log('b3'); }).then(function () { log('b4'); });
Promise.resolve(1).finally(function () { log('f1'); }).then(function () { log('f2'); });
Promise.reject(2).finally(function () { log('g1'); }).catch(function () { log('g2'); });
new Promise(function (r) { r({ then: function (res) { log('thenable'); res(3); } }); }).then(function (v) { log('t ' + v); });
Promise.all([Promise.resolve(1), 2]).then(function () { log('all'); });
Promise.race([Promise.resolve(1)]).then(function () { log('race'); });
Promise.allSettled([1]).then(function () { log('settled'); });
Promise.any([1]).then(function () { log('any'); });
var q = Promise.reject(new Error('late'));
setTimeout(function () { q.catch(function () { log('late catch'); }); }, 0);
process.on('unhandledRejection', function (r) { log('unhandled ' + r.message); });
process.on('rejectionHandled', function () { log('rejectionHandled'); });
