// File names on FAT: the 8.3 short name every entry has (11 bytes, upper
// case, space padded), and the long name (VFAT LFN, up to 255 UCS-2 code
// units) stored in extra entries before it, tied to it by a checksum of the
// short name. The spec §6.1 (short names), §7 (long names: the checksum
// §7.2, the basis-name generation and numeric tails §7.4, the legal
// characters §7.3). Pure logic, no I/O.
'use strict';

var MAX_LONG = 255;

// Characters a long name may not hold (besides codes below 0x20).
var LONG_FORBIDDEN = '"*/:<>?\\|';
// Characters a short name may hold besides A-Z and 0-9 (and codes >= 0x80,
// which we never produce: our names are Unicode, not an OEM code page).
var SHORT_SPECIAL = '$%\'-_@~`!(){}^#&';

// 0 when `name` may be a long name, else a negative errno:
// -ENAMETOOLONG (36) beyond 255 units, -EINVAL (22) for an empty name, a
// forbidden character, or a trailing dot or space (Windows drops those, so
// such a name could not be looked up again there).
function checkLongName(name) {
    if (name.length > MAX_LONG)
        return -36;
    if (name.length === 0 || name === '.' || name === '..')
        return -22;
    for (var i = 0; i < name.length; i++) {
        var c = name.charCodeAt(i);
        if (c < 0x20 || LONG_FORBIDDEN.indexOf(name.charAt(i)) >= 0)
            return -22;
    }
    var last = name.charAt(name.length - 1);
    return last === '.' || last === ' ' ? -22 : 0;
}

function isShortChar(ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || SHORT_SPECIAL.indexOf(ch) >= 0;
}

// The 11 bytes of a short name (as a string of 11 characters, base padded
// to 8 and extension to 3) when `name` is already a legal upper-case 8.3
// name that needs no long entries; null otherwise.
function exactShortName(name) {
    var dot = name.indexOf('.');
    var base = dot < 0 ? name : name.slice(0, dot), ext = dot < 0 ? '' : name.slice(dot + 1);
    if (base.length < 1 || base.length > 8 || ext.length > 3 || ext.indexOf('.') >= 0 ||
        (dot >= 0 && ext.length === 0))
        return null;
    var all = base + ext;
    for (var i = 0; i < all.length; i++)
        if (!isShortChar(all.charAt(i)))
            return null;
    return pad(base, 8) + pad(ext, 3);
}

function pad(s, n) {
    while (s.length < n)
        s += ' ';
    return s;
}

// The basis name of the spec §7.4: upper case, characters a short name
// cannot hold become '_' (a "lossy" conversion), spaces and leading dots
// dropped, 8 characters of base and 3 of extension (after the last dot).
// Returns {base, ext, lossy}.
function basisName(name) {
    var lossy = false;
    var upper = name.toUpperCase().replace(/ /g, function () { lossy = true; return ''; });
    var stripped = upper.replace(/^\.+/, '');
    if (stripped !== upper)
        lossy = true;
    var dot = stripped.lastIndexOf('.');
    var base = dot < 0 ? stripped : stripped.slice(0, dot);
    var ext = dot < 0 ? '' : stripped.slice(dot + 1);
    function convert(s, max) {
        var out = '';
        for (var i = 0; i < s.length; i++) {
            var ch = s.charAt(i);
            if (ch === '.') {                     // embedded dots of the base are dropped
                lossy = true;
                continue;
            }
            if (!isShortChar(ch)) {
                ch = '_';
                lossy = true;
            }
            if (out.length < max)
                out += ch;
            else
                lossy = true;
        }
        return out;
    }
    base = convert(base, 8);
    ext = convert(ext, 3);
    if (base.length === 0)
        base = '_';
    return {base: base, ext: ext, lossy: lossy};
}

// A short name for the long name `name` that no entry in the directory has:
// `taken(eleven)` says whether one has. The basis name as is when it is
// exact, else the basis with a numeric tail "~N" (N from 1), the base cut so
// that base + tail fit in 8 characters.
function generateShortName(name, taken) {
    var b = basisName(name);
    var ext = pad(b.ext, 3);
    // A name that fits 8.3 once in upper case ("readme.txt") keeps its basis
    // without a tail (the spec §7.4 step 6 only adds one when lossy or cut).
    var fits = exactShortName(name.toUpperCase());
    if (fits && !b.lossy && !taken(fits))
        return fits;
    for (var n = 1; n <= 999999; n++) {
        var tail = '~' + n;
        var candidate = pad(b.base.slice(0, 8 - tail.length) + tail, 8) + ext;
        if (!taken(candidate))
            return candidate;
    }
    return null;   // a directory holds at most 65536 entries: never reached
}

// The displayed form of 11 short-name bytes: "NAME.EXT", the base and/or
// extension in lower case when the NT case flags (byte 12 of the entry: 0x08
// base, 0x10 extension) say so.
function displayShortName(eleven, caseFlags) {
    var base = eleven.slice(0, 8).replace(/ +$/, '');
    var ext = eleven.slice(8, 11).replace(/ +$/, '');
    if (caseFlags & 0x08)
        base = base.toLowerCase();
    if (caseFlags & 0x10)
        ext = ext.toLowerCase();
    return ext ? base + '.' + ext : base;
}

// The checksum of the spec §7.2, over the 11 bytes (character codes).
function lfnChecksum(eleven) {
    var sum = 0;
    for (var i = 0; i < 11; i++)
        sum = ((sum & 1 ? 0x80 : 0) + (sum >> 1) + eleven.charCodeAt(i)) & 0xFF;
    return sum;
}

// Where the 13 UCS-2 units of one LFN entry sit in its 32 bytes.
var LFN_OFFSETS = [1, 3, 5, 7, 9, 14, 16, 18, 20, 22, 24, 28, 30];

// The LFN entries for `name` (an array of 32-byte Uint8Arrays in the order
// they are stored: the last part, flagged 0x40, first).
function lfnEntries(name, eleven) {
    var sum = lfnChecksum(eleven);
    var count = Math.ceil(name.length / 13);
    var out = [];
    for (var k = count; k >= 1; k--) {
        var e = new Uint8Array(32);
        e[0] = k | (k === count ? 0x40 : 0);
        e[11] = 0x0F;
        e[13] = sum;
        for (var j = 0; j < 13; j++) {
            var i = (k - 1) * 13 + j;
            // After the name: one 0x0000, then 0xFFFF padding.
            var unit = i < name.length ? name.charCodeAt(i) : i === name.length ? 0 : 0xFFFF;
            e[LFN_OFFSETS[j]] = unit & 0xFF;
            e[LFN_OFFSETS[j] + 1] = unit >> 8;
        }
        out.push(e);
    }
    return out;
}

// The 13 units of one LFN entry as a string (up to the 0x0000 end).
function lfnPart(bytes, at) {
    var s = '';
    for (var j = 0; j < 13; j++) {
        var unit = bytes[at + LFN_OFFSETS[j]] | bytes[at + LFN_OFFSETS[j] + 1] << 8;
        if (unit === 0)
            break;
        s += String.fromCharCode(unit);
    }
    return s;
}

// Names are matched without regard to case, as FAT does.
function sameName(a, b) { return a.toUpperCase() === b.toUpperCase(); }

module.exports = {
    MAX_LONG: MAX_LONG, checkLongName: checkLongName, exactShortName: exactShortName,
    basisName: basisName, generateShortName: generateShortName,
    displayShortName: displayShortName, lfnChecksum: lfnChecksum, lfnEntries: lfnEntries,
    lfnPart: lfnPart, sameName: sameName
};
