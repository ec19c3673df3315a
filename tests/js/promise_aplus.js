// The Promises/A+ 1.1 specification, section by section, against unode's
// Promise through the suite's adapter (deferred/resolved/rejected). The npm
// package promises-aplus-tests 2.1.2 drives mocha 2.5 and sinon; mocha needs
// fs, tty, child_process and glob, which unode does not have, so the
// suite's cases are re-stated here in the project's
// dialect: every numbered requirement of sections 2.1-2.3 has at least
// one case. Each case calls done() (or fails by timing out).
'use strict';

var check = require('./lib/check.js');

var adapter = {
    deferred: function () {
        var d = {};
        d.promise = new Promise(function (resolve, reject) {
            d.resolve = resolve;
            d.reject = reject;
        });
        return d;
    },
    resolved: function (v) { return Promise.resolve(v); },
    rejected: function (r) { return Promise.reject(r); }
};

var dummy = { dummy: 'dummy' };
var sentinel = { sentinel: 'sentinel' };
var other = { other: 'other' };
var cases = [];
function test(name, body) { cases.push({ name: name, body: body }); }

// Runs the cases one after the other; each has 200 ms to call done.
function runNext(index) {
    if (index >= cases.length) {
        check.equal(index, cases.length, 'all cases ran');
        return;
    }
    var c = cases[index];
    var finished = false;
    var timer = setTimeout(function () {
        if (!finished) {
            finished = true;
            check.fail('A+ ' + c.name + ': done() never called');
            runNext(index + 1);
        }
    }, 200);
    function done(error) {
        if (finished) {
            check.fail('A+ ' + c.name + ': done() called twice or after the timeout');
            return;
        }
        finished = true;
        clearTimeout(timer);
        if (error)
            check.fail('A+ ' + c.name + ': ' + error);
        else
            check.ok(true);
        setTimeout(function () { runNext(index + 1); }, 0);
    }
    try {
        c.body(done);
    } catch (e) {
        done(e && e.message || String(e));
    }
}

// -- 2.1 states -------------------------------------------------------------
test('2.1.2.1 fulfilled: cannot move to rejected', function (done) {
    var d = adapter.deferred();
    var fulfilled = false;
    d.promise.then(function () { fulfilled = true; }, function () { done('rejected'); });
    d.resolve(dummy);
    d.reject(dummy);
    setTimeout(function () { done(fulfilled ? undefined : 'not fulfilled'); }, 10);
});
test('2.1.3.1 rejected: cannot move to fulfilled', function (done) {
    var d = adapter.deferred();
    var rejected = false;
    d.promise.then(function () { done('fulfilled'); }, function () { rejected = true; });
    d.reject(dummy);
    d.resolve(dummy);
    setTimeout(function () { done(rejected ? undefined : 'not rejected'); }, 10);
});

// -- 2.2.1 optional arguments ------------------------------------------------
[undefined, null, false, 5, {}].forEach(function (nonFunction) {
    test('2.2.1.1 onFulfilled ' + String(nonFunction) + ' is ignored', function (done) {
        adapter.rejected(dummy).then(nonFunction, function () { done(); });
    });
    test('2.2.1.2 onRejected ' + String(nonFunction) + ' is ignored', function (done) {
        adapter.resolved(dummy).then(function () { done(); }, nonFunction);
    });
});

// -- 2.2.2 / 2.2.3 called once with the value, after settling ----------------
test('2.2.2.1 onFulfilled gets the value', function (done) {
    adapter.resolved(sentinel).then(function (v) {
        done(v === sentinel ? undefined : 'wrong value');
    });
});
test('2.2.2.2 onFulfilled not called before fulfillment', function (done) {
    var d = adapter.deferred();
    var isFulfilled = false;
    d.promise.then(function () { done(isFulfilled ? undefined : 'too early'); });
    setTimeout(function () { d.resolve(dummy); isFulfilled = true; }, 10);
});
test('2.2.2.3 onFulfilled called once', function (done) {
    var d = adapter.deferred();
    var calls = 0;
    d.promise.then(function () { calls++; });
    d.resolve(dummy);
    d.resolve(dummy);
    setTimeout(function () { d.resolve(dummy); }, 5);
    setTimeout(function () { done(calls === 1 ? undefined : calls + ' calls'); }, 20);
});
test('2.2.3.1 onRejected gets the reason', function (done) {
    adapter.rejected(sentinel).then(null, function (r) {
        done(r === sentinel ? undefined : 'wrong reason');
    });
});
test('2.2.3.2 onRejected not called before rejection', function (done) {
    var d = adapter.deferred();
    var isRejected = false;
    d.promise.then(null, function () { done(isRejected ? undefined : 'too early'); });
    setTimeout(function () { d.reject(dummy); isRejected = true; }, 10);
});
test('2.2.3.3 onRejected called once', function (done) {
    var d = adapter.deferred();
    var calls = 0;
    d.promise.then(null, function () { calls++; });
    d.reject(dummy);
    d.reject(dummy);
    setTimeout(function () { done(calls === 1 ? undefined : calls + ' calls'); }, 20);
});

// -- 2.2.4 asynchronous handlers -----------------------------------------
test('2.2.4 onFulfilled not called in the same turn (already fulfilled)', function (done) {
    var thenReturned = false;
    adapter.resolved(dummy).then(function () {
        done(thenReturned ? undefined : 'called synchronously');
    });
    thenReturned = true;
});
test('2.2.4 onFulfilled not called in the same turn (resolved later)', function (done) {
    var d = adapter.deferred();
    var firstStackFinished = false;
    setTimeout(function () {
        d.resolve(dummy);
        firstStackFinished = true;
    }, 0);
    d.promise.then(function () { done(firstStackFinished ? undefined : 'synchronous'); });
});
test('2.2.4 onRejected not called in the same turn', function (done) {
    var thenReturned = false;
    adapter.rejected(dummy).then(null, function () {
        done(thenReturned ? undefined : 'called synchronously');
    });
    thenReturned = true;
});
test('2.2.4 handler added inside a handler runs later', function (done) {
    var promise = adapter.resolved(dummy);
    var firstOnFulfilledFinished = false;
    promise.then(function () {
        promise.then(function () { done(firstOnFulfilledFinished ? undefined : 'sync'); });
        firstOnFulfilledFinished = true;
    });
});

// -- 2.2.5 called as functions -------------------------------------------
test('2.2.5 onFulfilled this is undefined (strict)', function (done) {
    adapter.resolved(dummy).then(function () {
        done(this === undefined ? undefined : 'this is ' + this);
    });
});
test('2.2.5 onRejected this is undefined (strict)', function (done) {
    adapter.rejected(dummy).then(null, function () {
        done(this === undefined ? undefined : 'this is ' + this);
    });
});

// -- 2.2.6 several then() on one promise ---------------------------------
test('2.2.6.1 fulfillment handlers run in order, even if one throws', function (done) {
    var promise = adapter.resolved(sentinel);
    var seen = [];
    promise.then(function () { seen.push(1); });
    promise.then(function () { seen.push(2); throw other; }).then(null, function () {});
    promise.then(function () { seen.push(3); });
    promise.then(function (v) {
        done(seen.join() === '1,2,3' && v === sentinel ? undefined : 'order ' + seen);
    });
});
test('2.2.6.2 rejection handlers run in order, even if one throws', function (done) {
    var promise = adapter.rejected(sentinel);
    var seen = [];
    promise.then(null, function () { seen.push(1); });
    promise.then(null, function () { seen.push(2); throw other; }).then(null, function () {});
    promise.then(null, function () { seen.push(3); });
    promise.then(null, function (r) {
        done(seen.join() === '1,2,3' && r === sentinel ? undefined : 'order ' + seen);
    });
});
test('2.2.6 handlers added while running run after', function (done) {
    var promise = adapter.resolved(dummy);
    var seen = [];
    promise.then(function () {
        seen.push(1);
        promise.then(function () { seen.push(3); done(seen.join() === '1,2,3' ? undefined :
            'order ' + seen); });
    });
    promise.then(function () { seen.push(2); });
});

// -- 2.2.7 then returns a promise ----------------------------------------
test('2.2.7 then returns a promise', function (done) {
    var p = adapter.resolved(dummy).then();
    done(p instanceof Promise && typeof p.then === 'function' ? undefined : 'not a promise');
});
test('2.2.7.2 onFulfilled throws: promise2 rejected with it', function (done) {
    adapter.resolved(dummy).then(function () { throw sentinel; })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.2.7.2 onRejected throws: promise2 rejected with it', function (done) {
    adapter.rejected(dummy).then(null, function () { throw sentinel; })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.2.7.3 no onFulfilled: promise2 fulfilled with the value', function (done) {
    adapter.resolved(sentinel).then(null, function () {})
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); });
});
test('2.2.7.4 no onRejected: promise2 rejected with the reason', function (done) {
    adapter.rejected(sentinel).then(function () {})
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.2.7.1 onRejected returns a value: promise2 fulfilled', function (done) {
    adapter.rejected(dummy).then(null, function () { return sentinel; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); });
});

// -- 2.3 the resolution procedure ----------------------------------------
test('2.3.1 resolving with itself rejects with a TypeError', function (done) {
    var promise = adapter.resolved(dummy).then(function () { return promise; });
    promise.then(null, function (r) { done(r instanceof TypeError ? undefined : 'not TypeError'); });
});
test('2.3.2.1 x pending: promise stays pending until x settles', function (done) {
    var d = adapter.deferred();
    var settled = false;
    var p = adapter.resolved(dummy).then(function () { return d.promise; });
    p.then(function () { settled = true; }, function () { settled = true; });
    setTimeout(function () { done(settled ? 'settled too early' : undefined); }, 20);
});
test('2.3.2.2 x fulfilled later: same value', function (done) {
    var d = adapter.deferred();
    adapter.resolved(dummy).then(function () { return d.promise; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); });
    setTimeout(function () { d.resolve(sentinel); }, 5);
});
test('2.3.2.3 x rejected: same reason', function (done) {
    adapter.resolved(dummy).then(function () { return adapter.rejected(sentinel); })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.3.3.1 x.then is read exactly once', function (done) {
    var reads = 0;
    var x = Object.create(null, { then: { get: function () {
        reads++;
        return function (resolvePromise) { resolvePromise(); };
    } } });
    adapter.resolved(dummy).then(function () { return x; }).then(function () {
        done(reads === 1 ? undefined : reads + ' reads');
    });
});
test('2.3.3.2 reading x.then throws: rejected with the error', function (done) {
    var x = Object.create(null, { then: { get: function () { throw sentinel; } } });
    adapter.resolved(dummy).then(function () { return x; })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.3.3.3 then is called with x as this', function (done) {
    var x = {
        then: function (resolvePromise) {
            var self = this;
            resolvePromise();
            setTimeout(function () { done(self === x ? undefined : 'wrong this'); }, 0);
        }
    };
    adapter.resolved(dummy).then(function () { return x; });
});
test('2.3.3.3.1 resolvePromise(y) runs the procedure on y (thenable chain)', function (done) {
    var y = { then: function (onFulfilled) { setTimeout(function () { onFulfilled(sentinel); }, 0); } };
    var x = { then: function (resolvePromise) { resolvePromise(y); } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); });
});
test('2.3.3.3.2 rejectPromise(r) rejects with r', function (done) {
    var x = { then: function (resolvePromise, rejectPromise) { rejectPromise(sentinel); } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.3.3.3.3 only the first of resolvePromise/rejectPromise counts', function (done) {
    var x = { then: function (resolvePromise, rejectPromise) {
        resolvePromise(sentinel);
        rejectPromise(other);
        resolvePromise(other);
    } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); },
            function () { done('rejected'); });
});
test('2.3.3.3.4 then throws after resolvePromise: ignored', function (done) {
    var x = { then: function (resolvePromise) {
        resolvePromise(sentinel);
        throw other;
    } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); },
            function () { done('rejected'); });
});
test('2.3.3.3.4 then throws before: rejected with the error', function (done) {
    var x = { then: function () { throw sentinel; } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(null, function (r) { done(r === sentinel ? undefined : 'wrong reason'); });
});
test('2.3.3.4 then not a function: fulfilled with x', function (done) {
    var x = { then: 5 };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === x ? undefined : 'wrong value'); });
});
test('2.3.3 x a function with then: treated as thenable', function (done) {
    function x() {}
    x.then = function (resolvePromise) { resolvePromise(sentinel); };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === sentinel ? undefined : 'wrong value'); });
});
[undefined, null, false, true, 0, 5, 'str'].forEach(function (value) {
    test('2.3.4 x = ' + String(value) + ': fulfilled with x', function (done) {
        adapter.resolved(dummy).then(function () { return value; })
            .then(function (v) { done(v === value ? undefined : 'wrong value'); });
    });
});
test('2.3.3 a cyclic thenable chain does not hang the loop', function (done) {
    var depth = 0;
    var x = { then: function (resolvePromise) {
        if (++depth < 50)
            resolvePromise(x);
        else
            resolvePromise(sentinel);
    } };
    adapter.resolved(dummy).then(function () { return x; })
        .then(function (v) { done(v === sentinel && depth === 50 ? undefined : 'wrong'); });
});

runNext(0);
