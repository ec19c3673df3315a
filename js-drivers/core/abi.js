// Helpers for the Linux ABI as the services see it: buffer arguments
// (ArrayBuffer, typed arrays, Node Buffers, DataViews: by reference) and
// little-endian struct fields, including 64-bit integers as doubles.
'use strict';

// A Uint8Array over the same memory as `value`, or null when it is not a
// buffer (the caller returns -EFAULT, as Linux does for a bad pointer).
function bytes(value) {
    if (value instanceof Uint8Array)
        return value;
    if (value instanceof ArrayBuffer)
        return new Uint8Array(value);
    if (value !== null && typeof value === 'object' && ArrayBuffer.isView(value))
        return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return null;
}

// A DataView over `length` bytes of a buffer argument, or null when the
// argument is no buffer or is too short.
function view(value, length) {
    var b = bytes(value);
    if (b === null || b.byteLength < length)
        return null;
    return new DataView(b.buffer, b.byteOffset, length);
}

// A size or count argument (size_t): a non-negative integer, else -1.
// undefined and null count as 0, as in the hosted syscall.
function size(value) {
    if (value === void 0 || value === null)
        return 0;
    // (value % 1 for Math.floor: every system call's sizes come here. An
    // infinity passes, as it did; NaN does not.)
    if (typeof value !== 'number' || value < 0 || (value % 1 !== 0 && value !== Infinity))
        return -1;
    return value;
}

// An int argument (fd, flags): numbers are truncated to 32 bits like a C
// int; anything else is NaN (the caller rejects it).
function int(value) {
    if (value === void 0 || value === null)
        return 0;
    return typeof value === 'number' ? value | 0 : NaN;
}

var TWO32 = 4294967296;

function getInt64(dv, offset) {
    return dv.getInt32(offset + 4, true) * TWO32 + dv.getUint32(offset, true);
}

function setInt64(dv, offset, value) {
    if (value >= 0 && value < TWO32) {  // most values: no division needed
        dv.setUint32(offset, value, true);
        dv.setUint32(offset + 4, 0, true);
        return;
    }
    var high = Math.floor(value / TWO32);
    dv.setUint32(offset, value - high * TWO32, true);
    dv.setInt32(offset + 4, high, true);
}

// Writes a NUL-padded ASCII string into `length` bytes at `offset`.
function setString(u8, offset, length, text) {
    for (var i = 0; i < length; i++)
        u8[offset + i] = i < text.length && i < length - 1 ? text.charCodeAt(i) & 0xff : 0;
}

module.exports = {
    bytes: bytes, view: view, size: size, int: int,
    getInt64: getInt64, setInt64: setInt64, setString: setString
};
