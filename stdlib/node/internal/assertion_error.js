// assert.AssertionError and the text of its generated messages, as Node 20
// writes them (lib/internal/assert/assertion_error.js): both values are
// inspected on many lines and compared line by line; changed lines are
// marked "+" (actual) and "-" (expected), runs of unchanged lines are
// shortened to "...". Node prints the same diff algorithm; what unode
// cannot match are values whose inspection differs (Maps, Sets, class
// syntax, stack traces).
'use strict';

var util = require('../util.js');

var readableOperator = {
    deepStrictEqual: 'Expected values to be strictly deep-equal:',
    strictEqual: 'Expected values to be strictly equal:',
    strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
    deepEqual: 'Expected values to be loosely deep-equal:',
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
    notIdentical: 'Values have same structure but are not reference-equal:',
    notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:'
};

var maxShortLength = 12;

function inspectValue(value) {
    return util.inspect(value, { compact: false, customInspect: false, depth: 1000,
        maxArrayLength: Infinity, showHidden: false, sorted: true, getters: true });
}

function repeat(s, n) {
    var out = '';
    for (var i = 0; i < n; i++)
        out += s;
    return out;
}

function endsWithComma(line) { return line.charAt(line.length - 1) === ','; }

// The lines shown before a change: up to two unchanged ones, with "..."
// for a longer unchanged run (three lines for a run of exactly five).
function contextBefore(lines, i, identical, state) {
    var res = '';
    if (identical > 2) {
        if (identical > 3) {
            if (identical > 4) {
                if (identical === 5) {
                    res += '\n  ' + lines[i - 3];
                    state.printed++;
                } else {
                    res += '\n...';
                    state.skipped = true;
                }
            }
            res += '\n  ' + lines[i - 2];
            state.printed++;
        }
        res += '\n  ' + lines[i - 1];
        state.printed++;
    }
    return res;
}

function isObjectOrFunction(value) {
    return (typeof value === 'object' && value !== null) || typeof value === 'function';
}

function createErrDiff(actual, expected, operator) {
    var other = '';
    var res = '';
    var end = '';
    var state = { skipped: false, printed: 0 };
    var actualInspected = inspectValue(actual);
    var actualLines = actualInspected.split('\n');
    var expectedLines = inspectValue(expected).split('\n');
    var i = 0;
    var indicator = '';

    if (operator === 'strictEqual' &&
        ((typeof actual === 'object' && actual !== null && typeof expected === 'object' &&
          expected !== null) || (typeof actual === 'function' && typeof expected === 'function')))
        operator = 'strictEqualObject';

    // Two short one-line values: "a !== b"; longer ones: a "^" under the
    // first differing column.
    if (actualLines.length === 1 && expectedLines.length === 1 &&
        actualLines[0] !== expectedLines[0]) {
        var inputLength = actualLines[0].length + expectedLines[0].length;
        if (inputLength <= maxShortLength) {
            if (!isObject(actual) && !isObject(expected) && (actual !== 0 || expected !== 0))
                return readableOperator[operator] + '\n\n' + actualLines[0] + ' !== ' +
                    expectedLines[0] + '\n';
        } else if (operator !== 'strictEqualObject') {
            var columns = process.stderr.isTTY && process.stderr.columns ?
                process.stderr.columns : 80;
            if (inputLength < columns) {
                while (actualLines[0].charAt(i) === expectedLines[0].charAt(i))
                    i++;
                if (i > 2) {
                    indicator = '\n  ' + repeat(' ', i) + '^';
                    i = 0;
                }
            }
        }
    }

    // Identical last lines are left out of the comparison (three kept).
    var a = actualLines[actualLines.length - 1];
    var b = expectedLines[expectedLines.length - 1];
    while (a === b) {
        if (i++ < 3)
            end = '\n  ' + a + end;
        else
            other = a;
        actualLines.pop();
        expectedLines.pop();
        if (actualLines.length === 0 || expectedLines.length === 0)
            break;
        a = actualLines[actualLines.length - 1];
        b = expectedLines[expectedLines.length - 1];
    }

    var maxLines = Math.max(actualLines.length, expectedLines.length);
    if (maxLines === 0) {
        var lines0 = actualInspected.split('\n');
        if (lines0.length > 50) {
            lines0[46] = '...';
            lines0.length = 47;
        }
        return readableOperator.notIdentical + '\n\n' + lines0.join('\n') + '\n';
    }
    if (i >= 5) {
        end = '\n...' + end;
        state.skipped = true;
    }
    if (other !== '') {
        end = '\n  ' + other + end;
        other = '';
    }

    var identical = 0;
    var msg = readableOperator[operator] + '\n+ actual - expected';
    var skippedMsg = ' ... Lines skipped';
    var lines = actualLines;
    var plusMinus = '+';
    var maxLength = expectedLines.length;
    if (actualLines.length < maxLines) {
        lines = expectedLines;
        plusMinus = '-';
        maxLength = actualLines.length;
    }

    for (i = 0; i < maxLines; i++) {
        if (maxLength < i + 1) {
            // Only one side has lines left.
            res += contextBefore(lines, i, identical, state);
            identical = 0;
            if (lines === actualLines)
                res += '\n' + plusMinus + ' ' + lines[i];
            else
                other += '\n' + plusMinus + ' ' + lines[i];
            state.printed++;
        } else {
            var expectedLine = expectedLines[i];
            var actualLine = actualLines[i];
            var diverging = actualLine !== expectedLine &&
                (!endsWithComma(actualLine) || actualLine.slice(0, -1) !== expectedLine);
            if (diverging && endsWithComma(expectedLine) &&
                expectedLine.slice(0, -1) === actualLine) {
                diverging = false;
                actualLine += ',';
            }
            if (diverging) {
                res += contextBefore(actualLines, i, identical, state);
                identical = 0;
                // Consecutive changes show as +++--- rather than +-+-+-.
                res += '\n+ ' + actualLine;
                other += '\n- ' + expectedLine;
                state.printed += 2;
            } else {
                res += other;
                other = '';
                identical++;
                if (identical <= 2) {
                    res += '\n  ' + actualLine;
                    state.printed++;
                }
            }
        }
        if (state.printed > 50 && i < maxLines - 2)
            return msg + skippedMsg + '\n' + res + '\n...' + other + '\n...';
    }
    return msg + (state.skipped ? skippedMsg : '') + '\n' + res + other + end + indicator;
}

function isObject(value) { return typeof value === 'object' && value !== null; }

// The message Node generates for one operator and its two values.
function generatedMessage(actual, expected, operator) {
    if (operator === 'deepStrictEqual' || operator === 'strictEqual')
        return createErrDiff(actual, expected, operator);
    var res;
    if (operator === 'notDeepStrictEqual' || operator === 'notStrictEqual') {
        var base = readableOperator[operator];
        var lines = inspectValue(actual).split('\n');
        if (operator === 'notStrictEqual' && isObjectOrFunction(actual))
            base = readableOperator.notStrictEqualObject;
        if (lines.length > 50) {
            lines[46] = '...';
            lines.length = 47;
        }
        if (lines.length === 1)
            return base + (lines[0].length > 5 ? '\n\n' : ' ') + lines[0];
        return base + '\n\n' + lines.join('\n') + '\n';
    }
    res = inspectValue(actual);
    var other = inspectValue(expected);
    var known = readableOperator[operator];
    if (operator === 'notDeepEqual' && res === other) {
        res = known + '\n\n' + res;
        return res.length > 1024 ? res.slice(0, 1021) + '...' : res;
    }
    if (res.length > 512)
        res = res.slice(0, 509) + '...';
    if (other.length > 512)
        other = other.slice(0, 509) + '...';
    if (operator === 'deepEqual') {
        res = known + '\n\n' + res + '\n\nshould loosely deep-equal\n\n';
    } else {
        var unequal = readableOperator[operator + 'Unequal'];
        if (unequal)
            res = unequal + '\n\n' + res + '\n\nshould not loosely deep-equal\n\n';
        else
            other = ' ' + operator + ' ' + other;
    }
    return res + other;
}

function copyError(error) {
    var copy = Object.create(Object.getPrototypeOf(error));
    var names = Object.getOwnPropertyNames(error);
    for (var i = 0; i < names.length; i++) {
        if (names[i] !== 'stack')
            Object.defineProperty(copy, names[i], Object.getOwnPropertyDescriptor(error, names[i]));
    }
    Object.defineProperty(copy, 'stack', { value: Error.prototype.toString.call(error),
        configurable: true, writable: true, enumerable: false });
    return copy;
}

// new AssertionError({message, actual, expected, operator, stackStartFn})
function AssertionError(options) {
    if (options === null || typeof options !== 'object') {
        var error = new TypeError('The "options" argument must be of type object. Received ' +
            util.inspect(options));
        error.code = 'ERR_INVALID_ARG_TYPE';
        throw error;
    }
    var message = options.message;
    var operator = options.operator;
    var text;
    if (message !== undefined && message !== null) {
        text = String(message);
        // Node 20 keeps the diff after a custom message of the strict checks.
        if (options.diff !== false && (operator === 'deepStrictEqual' ||
            operator === 'strictEqual')) {
            var diff = createErrDiff(options.actual, options.expected, operator);
            text += diff.slice(diff.indexOf('\n'));
        }
    } else if (options.actual instanceof Error && options.expected instanceof Error) {
        // Two errors are compared without their stack traces, as in Node.
        text = generatedMessage(copyError(options.actual), copyError(options.expected),
            operator);
    } else {
        text = generatedMessage(options.actual, options.expected, operator);
    }
    var base = new Error(text);
    Object.defineProperty(this, 'message', { value: text, writable: true, configurable: true,
        enumerable: false });
    this.generatedMessage = message === undefined || message === null;
    this.code = 'ERR_ASSERTION';
    this.actual = options.actual;
    this.expected = options.expected;
    this.operator = operator;
    var stack = String(base.stack || '');
    var firstFrame = stack.indexOf('\n    at');
    Object.defineProperty(this, 'stack', { value: 'AssertionError [ERR_ASSERTION]: ' + text +
        (firstFrame === -1 ? '' : stack.slice(firstFrame)), writable: true, configurable: true,
        enumerable: false });
}
AssertionError.prototype = Object.create(Error.prototype, {
    constructor: { value: AssertionError, writable: true, configurable: true },
    name: { value: 'AssertionError', writable: true, configurable: true }
});
AssertionError.prototype.toString = function () {
    return this.name + ' [' + this.code + ']: ' + this.message;
};

exports.AssertionError = AssertionError;
exports.inspectValue = inspectValue;
