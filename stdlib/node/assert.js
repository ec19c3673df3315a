// require('assert'): Node 20's assert module. Every failure throws an
// AssertionError (internal/assertion_error.js) with code 'ERR_ASSERTION',
// actual, expected, operator, generatedMessage and Node's message text.
// assert.strict (also require('assert/strict')) is the same module with
// equal/deepEqual meaning strictEqual/deepStrictEqual.
'use strict';

var util = require('./util.js');
var comparisons = require('./internal/comparisons.js');
var AssertionError = require('./internal/assertion_error.js').AssertionError;

var NO_EXCEPTION = {};

function innerFail(options) {
    if (options.message instanceof Error)
        throw options.message;
    throw new AssertionError(options);
}

function objectIs(a, b) {
    if (a === b)
        return a !== 0 || 1 / a === 1 / b;
    return a !== a && b !== b;
}

function invalidArgType(name, expected, value) {
    return util._invalidArgType(name, expected, value);
}

// -- ok and the text of its failing expression ------------------------------

// The source of the call that failed, read from the caller's file and line
// (Duktape's stack has no column: the first assert call on that line is
// taken). null when the source cannot be read, like Node in the REPL.
function failingExpression() {
    var stack = String(new Error().stack || '').split('\n');
    var here = null;
    for (var i = 1; i < stack.length; i++) {
        var m = /\((.*):(\d+)\)/.exec(stack[i]);
        if (!m)
            continue;
        if (here === null) {
            here = m[1];
            continue;
        }
        if (m[1] === here)
            continue;
        return expressionAt(m[1], Number(m[2]));
    }
    return null;
}

function expressionAt(file, lineNumber) {
    var source;
    try {
        source = require('native:engine').readFile(file);
    } catch (e) {
        return null;
    }
    if (typeof source !== 'string')
        return null;
    var line = source.split('\n')[lineNumber - 1];
    if (line === undefined)
        return null;
    var call = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\s*\(/g;
    var match;
    while ((match = call.exec(line)) !== null) {
        var callee = match[0].replace(/\s*\($/, '');
        if (!/(^|\.)(assert|ok|strict)$/.test(callee))
            continue;
        var end = closingParen(line, call.lastIndex);
        return end === -1 ? null : line.slice(match.index, end + 1);
    }
    return null;
}

function closingParen(text, from) {
    var depth = 1;
    var quote = null;
    for (var i = from; i < text.length; i++) {
        var c = text.charAt(i);
        if (quote !== null) {
            if (c === '\\')
                i++;
            else if (c === quote)
                quote = null;
        } else if (c === '"' || c === "'") {
            quote = c;
        } else if (c === '(' || c === '[' || c === '{') {
            depth++;
        } else if (c === ')' || c === ']' || c === '}') {
            if (--depth === 0)
                return c === ')' ? i : -1;
        }
    }
    return -1;
}

function innerOk(argumentCount, value, message) {
    if (value)
        return;
    var generated = false;
    if (argumentCount === 0) {
        generated = true;
        message = 'No value argument passed to `assert.ok()`';
    } else if (message === undefined || message === null) {
        generated = true;
        var code = failingExpression();
        message = code !== null ? 'The expression evaluated to a falsy value:\n\n  ' + code +
            '\n' : util.inspect(value) + ' == true';
    } else if (message instanceof Error) {
        throw message;
    }
    var error = new AssertionError({ actual: value, expected: true, message: message,
        operator: '==' });
    error.generatedMessage = generated;
    throw error;
}

function assert(value, message) {
    innerOk(arguments.length, value, message);
}
assert.ok = function ok(value, message) {
    innerOk(arguments.length, value, message);
};

// -- comparisons -----------------------------------------------------------

function check(pass, actual, expected, message, operator) {
    if (!pass)
        innerFail({ actual: actual, expected: expected, message: message, operator: operator });
}

function requireTwo(count) {
    if (count < 2) {
        var error = new TypeError('The "actual" and "expected" arguments must be specified');
        error.code = 'ERR_MISSING_ARGS';
        throw error;
    }
}

assert.equal = function equal(actual, expected, message) {
    requireTwo(arguments.length);
    // eslint-disable-next-line eqeqeq
    check(actual == expected || (actual !== actual && expected !== expected), actual, expected,
        message, '==');
};
assert.notEqual = function notEqual(actual, expected, message) {
    requireTwo(arguments.length);
    // eslint-disable-next-line eqeqeq
    check(!(actual == expected || (actual !== actual && expected !== expected)), actual,
        expected, message, '!=');
};
assert.strictEqual = function strictEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(objectIs(actual, expected), actual, expected, message, 'strictEqual');
};
assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(!objectIs(actual, expected), actual, expected, message, 'notStrictEqual');
};
assert.deepEqual = function deepEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(comparisons.isDeepEqual(actual, expected), actual, expected, message, 'deepEqual');
};
assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(!comparisons.isDeepEqual(actual, expected), actual, expected, message,
        'notDeepEqual');
};
assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(comparisons.isDeepStrictEqual(actual, expected), actual, expected, message,
        'deepStrictEqual');
};
assert.notDeepStrictEqual = function notDeepStrictEqual(actual, expected, message) {
    requireTwo(arguments.length);
    check(!comparisons.isDeepStrictEqual(actual, expected), actual, expected, message,
        'notDeepStrictEqual');
};

// fail([message]); the deprecated fail(actual, expected, message, operator).
assert.fail = function fail(actual, expected, message, operator) {
    var count = arguments.length;
    if (count === 0) {
        message = 'Failed';
    } else if (count === 1) {
        message = actual;
        actual = undefined;
    } else {
        if (count === 2)
            operator = '!=';
        if (message === undefined)
            message = util.inspect(actual) + ' ' + operator + ' ' + util.inspect(expected);
    }
    if (message instanceof Error)
        throw message;
    var error = new AssertionError({ actual: actual, expected: expected,
        operator: operator === undefined ? 'fail' : operator, message: message });
    error.generatedMessage = count === 0;
    throw error;
};

assert.match = function match(string, regexp, message) {
    matches(string, regexp, message, 'match', true);
};
assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
    matches(string, regexp, message, 'doesNotMatch', false);
};

function matches(string, regexp, message, operator, wanted) {
    if (!util.isRegExp(regexp))
        throw invalidArgType('regexp', 'RegExp', regexp);
    if (typeof string === 'string' && regexp.test(string) === wanted)
        return;
    if (message instanceof Error)
        throw message;
    var generated = message === undefined || message === null;
    if (generated) {
        if (typeof string !== 'string')
            message = 'The "string" argument must be of type string. Received type ' +
                typeof string + ' (' + util.inspect(string) + ')';
        else
            message = (wanted ? 'The input did not match the regular expression ' :
                'The input was expected to not match the regular expression ') +
                util.inspect(regexp) + '. Input:\n\n' + util.inspect(string) + '\n';
    }
    var error = new AssertionError({ actual: string, expected: regexp, message: message,
        operator: operator });
    error.generatedMessage = generated;
    throw error;
}

assert.ifError = function ifError(err) {
    if (err === null || err === undefined)
        return;
    var message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
        if (err.message.length === 0 && err.constructor)
            message += err.constructor.name;
        else
            message += err.message;
    } else {
        message += util.inspect(err);
    }
    var error = new AssertionError({ actual: err, expected: null, operator: 'ifError',
        message: message });
    error.generatedMessage = false;
    throw error;
};

// -- throws, doesNotThrow, rejects, doesNotReject --------------------------

function getActual(fn) {
    if (typeof fn !== 'function')
        throw invalidArgType('fn', 'function', fn);
    try {
        fn();
    } catch (e) {
        return e;
    }
    return NO_EXCEPTION;
}

function isErrorClass(expected) {
    return expected === Error || (expected.prototype !== undefined &&
        expected.prototype instanceof Error);
}

// The object Node shows in the diff of throws(fn, {key: value}): only the
// keys asked for, and regexps replaced by the value they matched.
function Comparison(object, keys, actual) {
    for (var i = 0; i < keys.length; i++) {
        var key = keys[i];
        if (key in object) {
            if (actual !== undefined && typeof actual[key] === 'string' &&
                util.isRegExp(object[key]) && object[key].test(actual[key]))
                this[key] = actual[key];
            else
                this[key] = object[key];
        }
    }
}

function compareExceptionKey(actual, expected, key, message, keys, operator) {
    if (!(key in actual) || !comparisons.isDeepStrictEqual(actual[key], expected[key])) {
        if (!message) {
            var a = new Comparison(actual, keys);
            var b = new Comparison(expected, keys, actual);
            var error = new AssertionError({ actual: a, expected: b,
                operator: 'deepStrictEqual' });
            error.actual = actual;
            error.expected = expected;
            error.operator = operator;
            throw error;
        }
        innerFail({ actual: actual, expected: expected, message: message, operator: operator });
    }
}

function expectedException(actual, expected, message, operator) {
    var generated = false;
    var error;
    if (typeof expected !== 'function') {
        if (util.isRegExp(expected)) {
            var str = String(actual);
            if (expected.test(str))
                return;
            if (!message) {
                generated = true;
                message = 'The input did not match the regular expression ' +
                    util.inspect(expected) + '. Input:\n\n' + util.inspect(str) + '\n';
            }
        } else if (typeof actual !== 'object' || actual === null) {
            error = new AssertionError({ actual: actual, expected: expected, message: message,
                operator: 'deepStrictEqual' });
            error.operator = operator;
            throw error;
        } else {
            var keys = Object.keys(expected);
            if (expected instanceof Error) {
                keys.push('name', 'message');
            } else if (keys.length === 0) {
                var invalid = new TypeError("The argument 'error' may not be an empty object. " +
                    'Received {}');
                invalid.code = 'ERR_INVALID_ARG_VALUE';
                throw invalid;
            }
            for (var i = 0; i < keys.length; i++) {
                var key = keys[i];
                if (typeof actual[key] === 'string' && util.isRegExp(expected[key]) &&
                    expected[key].test(actual[key]))
                    continue;
                compareExceptionKey(actual, expected, key, message, keys, operator);
            }
            return;
        }
    } else if (expected.prototype !== undefined && actual instanceof expected) {
        return;
    } else if (isErrorClass(expected)) {
        if (!message) {
            generated = true;
            message = 'The error is expected to be an instance of "' + expected.name +
                '". Received ';
            if (actual instanceof Error) {
                var name = actual.constructor && actual.constructor.name || actual.name;
                message += '"' + name + '"';
            } else {
                message += '"' + util.inspect(actual, { depth: -1 }) + '"';
            }
            if (actual && actual.message)
                message += '\n\nError message:\n\n' + actual.message;
        }
    } else {
        var result = expected.call({}, actual);
        if (result === true)
            return;
        if (!message) {
            generated = true;
            message = 'The ' + (expected.name ? '"' + expected.name + '" ' : '') +
                'validation function is expected to return "true". Received ' +
                util.inspect(result);
            if (actual instanceof Error)
                message += '\n\nCaught error:\n\n' + actual;
        }
    }
    error = new AssertionError({ actual: actual, expected: expected, message: message,
        operator: operator });
    error.generatedMessage = generated;
    throw error;
}

// hasMessage: a third argument was given (then a string `error` is a mistake).
function expectsError(operator, actual, error, message, kind, hasMessage) {
    if (typeof error === 'string') {
        if (hasMessage) {
            var invalid = new TypeError('The "error" argument must be of type function or an ' +
                'instance of Error, RegExp, or Object. Received type string (' +
                util.inspect(error) + ')');
            invalid.code = 'ERR_INVALID_ARG_TYPE';
            throw invalid;
        }
        message = error;
        error = undefined;
    }
    if (actual === NO_EXCEPTION) {
        var details = '';
        if (error && error.name)
            details += ' (' + error.name + ')';
        details += message ? ': ' + message : '.';
        var failure = new AssertionError({ actual: undefined, expected: error,
            operator: operator, message: 'Missing expected ' + kind + details });
        failure.generatedMessage = false;
        throw failure;
    }
    if (error)
        expectedException(actual, error, message, operator);
}

function hasMatchingError(actual, expected) {
    if (typeof expected !== 'function') {
        if (util.isRegExp(expected))
            return expected.test(String(actual));
        throw invalidArgType('expected', 'function or an instance of RegExp', expected);
    }
    if (expected.prototype !== undefined && actual instanceof expected)
        return true;
    if (isErrorClass(expected))
        return false;
    return expected.call({}, actual) === true;
}

function expectsNoError(operator, actual, error, message, kind) {
    if (actual === NO_EXCEPTION)
        return;
    if (typeof error === 'string') {
        message = error;
        error = undefined;
    }
    if (!error || hasMatchingError(actual, error)) {
        var details = message ? ': ' + message : '.';
        var failure = new AssertionError({ actual: actual, expected: error, operator: operator,
            message: 'Got unwanted ' + kind + details + '\nActual message: "' +
                (actual && actual.message) + '"' });
        failure.generatedMessage = false;
        throw failure;
    }
    throw actual;
}

assert.throws = function throws(fn, error, message) {
    expectsError('throws', getActual(fn), error, message, 'exception', arguments.length >= 3);
};

assert.doesNotThrow = function doesNotThrow(fn, error, message) {
    expectsNoError('doesNotThrow', getActual(fn), error, message, 'exception');
};

// The settled outcome of promiseFn (a promise or a function returning one).
function waitForActual(promiseFn) {
    return Promise.resolve().then(function () {
        var promise;
        if (typeof promiseFn === 'function') {
            promise = promiseFn();
            if (!isThenable(promise)) {
                var bad = new TypeError('Expected instance of Promise to be returned from the ' +
                    '"promiseFn" function but got ' + (promise === null ? 'null' :
                    'type ' + typeof promise + ' (' + util.inspect(promise) + ')') + '.');
                bad.code = 'ERR_INVALID_RETURN_VALUE';
                throw bad;
            }
        } else if (isThenable(promiseFn)) {
            promise = promiseFn;
        } else {
            throw invalidArgType('promiseFn', 'function or an instance of Promise', promiseFn);
        }
        return promise.then(function () { return NO_EXCEPTION; }, function (e) { return e; });
    });
}

function isThenable(value) {
    return value !== null && typeof value === 'object' && typeof value.then === 'function' &&
        typeof value['catch'] === 'function';
}

assert.rejects = function rejects(promiseFn, error, message) {
    var count = arguments.length;
    return waitForActual(promiseFn).then(function (actual) {
        expectsError('rejects', actual, error, message, 'rejection', count >= 3);
    });
};

assert.doesNotReject = function doesNotReject(promiseFn, error, message) {
    return waitForActual(promiseFn).then(function (actual) {
        expectsNoError('doesNotReject', actual, error, message, 'rejection');
    });
};

assert.CallTracker = function () {
    throw new Error('assert.CallTracker is not supported in unode');
};

assert.AssertionError = AssertionError;

// assert.strict: the same checks with the strict meaning of equal & co.
function strict(value, message) {
    innerOk(arguments.length, value, message);
}
Object.keys(assert).forEach(function (key) { strict[key] = assert[key]; });
strict.equal = assert.strictEqual;
strict.notEqual = assert.notStrictEqual;
strict.deepEqual = assert.deepStrictEqual;
strict.notDeepEqual = assert.notDeepStrictEqual;
strict.strict = strict;
assert.strict = strict;

module.exports = assert;
