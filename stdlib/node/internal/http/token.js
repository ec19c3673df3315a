// The two character checks of HTTP/1.1's header section: a token
// (RFC 9110 5.6.2: methods and header names) and a field value's
// characters (RFC 9110 5.5: no control characters but tab).
//
// A Duktape RegExp call costs some 20,000 instructions before it looks at
// a character, more than the rest of a keep-alive request's header work.
// A program sends the same few names and short values again and again, so
// strings that passed are remembered (at most REMEMBERED of them, short
// ones only) and a repeat costs one property lookup.
'use strict';

var TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
var INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;
var REMEMBERED = 256;
var LONGEST = 64;

function Passed(test) {
    this.test = test;
    this.strings = Object.create(null);
    this.count = 0;
}

Passed.prototype.check = function (s) {
    if (this.strings[s] === true)
        return true;
    if (!this.test(s))
        return false;
    if (s.length <= LONGEST) {
        if (this.count === REMEMBERED) {
            this.strings = Object.create(null);
            this.count = 0;
        }
        this.strings[s] = true;
        this.count++;
    }
    return true;
};

var tokens = new Passed(function (s) { return TOKEN.test(s); });
var values = new Passed(function (s) { return !INVALID_VALUE_CHAR.test(s); });

// isToken('Content-Type') === true; isToken('') and isToken('a b') false.
// (A string seen before is looked up here, without the call to check().)
exports.isToken = function (s) { return tokens.strings[s] === true || tokens.check(s); };
// isValidValue('text/plain') === true; a value with '\n' is not.
exports.isValidValue = function (s) { return values.strings[s] === true || values.check(s); };

// lowerCase('Content-Type') === 'content-type', for header names: each
// spelling is lower-cased once and remembered (as above, at most
// REMEMBERED short ones), since a program and its peers use the same few
// names again and again. (Measured with callgrind in unode: Duktape's
// toLowerCase of 'Content-Length' ~3,300 instructions, this ~1,700.)
var lowered = Object.create(null), loweredCount = 0;
exports.lowerCase = function (s) {
    var lower = lowered[s];
    if (lower !== void 0)
        return lower;
    lower = s.toLowerCase();
    if (s.length <= LONGEST) {
        if (loweredCount === REMEMBERED) {
            lowered = Object.create(null);
            loweredCount = 0;
        }
        lowered[s] = lower;
        loweredCount++;
    }
    return lower;
};
