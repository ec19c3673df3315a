// net.isIP, isIPv4, isIPv6: address syntax only (no lookup).
'use strict';

var sys = require('sys');

function isIPv4(input) { return sys.parseIPv4(String(input)) !== null; }

// Eight groups of 1-4 hex digits, at most one "::" standing for one or more
// zero groups, optionally an IPv4 tail for the last two groups and a
// "%zone" suffix.
function isIPv6(input) {
    var text = String(input);
    var percent = text.indexOf('%');
    if (percent !== -1) {
        if (percent === text.length - 1)
            return false;
        text = text.slice(0, percent);
    }
    var halves = text.split('::');
    if (halves.length > 2)
        return false;
    var groups = 0;
    for (var h = 0; h < halves.length; h++) {
        if (halves[h] === '')
            continue;
        var parts = halves[h].split(':');
        for (var i = 0; i < parts.length; i++) {
            var last = h === halves.length - 1 && i === parts.length - 1;
            if (last && parts[i].indexOf('.') !== -1) {
                if (!isIPv4(parts[i]))
                    return false;
                groups += 2;
            } else if (/^[0-9a-fA-F]{1,4}$/.test(parts[i])) {
                groups++;
            } else {
                return false;
            }
        }
    }
    return halves.length === 2 ? groups <= 7 : groups === 8;
}

function isIP(input) {
    if (isIPv4(input))
        return 4;
    if (isIPv6(input))
        return 6;
    return 0;
}

exports.isIP = isIP;
exports.isIPv4 = isIPv4;
exports.isIPv6 = isIPv6;
