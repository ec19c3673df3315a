// Buffer's numeric reads and writes: (U)Int8/16/32, (U)IntLE/BE of 1 to 6
// bytes, Float and Double, little- and big-endian, with Node's argument
// checks and error messages. (Read/writeBigInt64 need BigInt, which
// Duktape does not have.)
'use strict';

var errors = require('./coded_errors.js');

// Node's message when an offset does not fit: the range of valid offsets,
// or "outside buffer bounds" when no offset would do.
function boundsError(value, last, name) {
    if (Math.floor(value) !== value) {
        if (typeof value !== 'number')
            throw errors.invalidArgType(name || 'offset', 'number', value);
        throw errors.outOfRange(name || 'offset', 'an integer', value);
    }
    if (last < 0)
        throw errors.make(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS',
            'Attempt to access memory outside buffer bounds');
    throw errors.outOfRange(name || 'offset', '>= ' + (name ? 1 : 0) + ' and <= ' + last, value);
}

function checkOffset(buf, offset, size) {
    if (typeof offset !== 'number')
        throw errors.invalidArgType('offset', 'number', offset);
    if (!(Math.floor(offset) === offset && offset >= 0 && offset + size <= buf.length))
        boundsError(offset, buf.length - size);
}

function checkValue(value, min, max, size) {
    if (value > max || value < min) {
        var range;
        if (size > 4) {
            range = min === 0 ? '>= 0 and < 2 ** ' + size * 8 :
                '>= -(2 ** ' + (size * 8 - 1) + ') and < 2 ** ' + (size * 8 - 1);
        } else {
            range = '>= ' + min + ' and <= ' + max;
        }
        throw errors.outOfRange('value', range, value);
    }
}

function checkByteLength(byteLength) {
    if (byteLength === undefined)
        throw errors.invalidArgType('byteLength', 'number', byteLength);
    if (!(byteLength >= 1 && byteLength <= 6 && Math.floor(byteLength) === byteLength))
        boundsError(byteLength, 6, 'byteLength');
}

// The unsigned value of `size` bytes at `offset`.
function readUnsigned(buf, offset, size, little) {
    var value = 0;
    var i;
    if (little) {
        for (i = size - 1; i >= 0; i--)
            value = value * 256 + buf[offset + i];
    } else {
        for (i = 0; i < size; i++)
            value = value * 256 + buf[offset + i];
    }
    return value;
}

function toSigned(value, size) {
    var half = Math.pow(2, size * 8 - 1);
    return value >= half ? value - 2 * half : value;
}

// Stores the integer `value` (any sign, |value| < 2^53) as `size` bytes.
function writeInteger(buf, value, offset, size, little) {
    value = value < 0 ? Math.ceil(value) : Math.floor(value);
    if (value !== value)
        value = 0;
    if (value < 0)
        value += Math.pow(2, size * 8);
    for (var i = 0; i < size; i++) {
        var byte = value % 256;
        buf[little ? offset + i : offset + size - 1 - i] = byte;
        value = (value - byte) / 256;
    }
}

// The fixed-size methods check their common case inline and spell out the
// byte arithmetic: these are hot in parsers, and Duktape pays for every call.
function isPlainOffset(buf, offset, size) {
    return typeof offset === 'number' && offset >= 0 && offset + size <= buf.length &&
        Math.floor(offset) === offset;
}

function reader(size, signed, little) {
    var half = Math.pow(2, size * 8 - 1);
    return function (offset) {
        if (offset === undefined)
            offset = 0;
        if (!isPlainOffset(this, offset, size))
            checkOffset(this, offset, size);  // throws the right error
        var value;
        if (size === 1)
            value = this[offset];
        else if (size === 2)
            value = little ? this[offset] | (this[offset + 1] << 8) :
                (this[offset] << 8) | this[offset + 1];
        else
            value = little ? this[offset] + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
                this[offset + 3] * 0x1000000 : this[offset] * 0x1000000 +
                this[offset + 1] * 0x10000 + this[offset + 2] * 0x100 + this[offset + 3];
        return signed && value >= half ? value - 2 * half : value;
    };
}

// Stores rely on the typed array's conversion (ToUint8: truncation modulo
// 256) and on >>> (modulo 2^32), as Node's own code does.
function writer(size, signed, little) {
    var max = signed ? Math.pow(2, size * 8 - 1) - 1 : Math.pow(2, size * 8) - 1;
    var min = signed ? -max - 1 : 0;
    return function (value, offset) {
        if (offset === undefined)
            offset = 0;
        value = +value;
        if (size === 1 && typeof offset !== 'number')
            throw errors.invalidArgType('offset', 'number', offset);
        if (value > max || value < min)
            checkValue(value, min, max, size);
        if (!isPlainOffset(this, offset, size))
            checkOffset(this, offset, size);
        if (size === 1) {
            this[offset] = value;
        } else if (size === 2) {
            this[little ? offset : offset + 1] = value;
            this[little ? offset + 1 : offset] = value >>> 8;
        } else if (little) {
            this[offset] = value;
            this[offset + 1] = value >>> 8;
            this[offset + 2] = value >>> 16;
            this[offset + 3] = value >>> 24;
        } else {
            this[offset + 3] = value;
            this[offset + 2] = value >>> 8;
            this[offset + 1] = value >>> 16;
            this[offset] = value >>> 24;
        }
        return offset + size;
    };
}

function variableReader(signed, little) {
    return function (offset, byteLength) {
        if (offset === undefined)
            throw errors.invalidArgType('offset', 'number', offset);
        checkByteLength(byteLength);
        checkOffset(this, offset, byteLength);
        var value = readUnsigned(this, offset, byteLength, little);
        return signed ? toSigned(value, byteLength) : value;
    };
}

function variableWriter(signed, little) {
    return function (value, offset, byteLength) {
        if (offset === undefined)
            throw errors.invalidArgType('offset', 'number', offset);
        checkByteLength(byteLength);
        var bits = byteLength * 8;
        var max = signed ? Math.pow(2, bits - 1) - 1 : Math.pow(2, bits) - 1;
        value = +value;
        checkValue(value, signed ? -max - 1 : 0, max, byteLength);
        checkOffset(this, offset, byteLength);
        writeInteger(this, value, offset, byteLength, little);
        return offset + byteLength;
    };
}

// Floats through a scratch array: x86 and the host are little-endian.
var float32 = new Float32Array(1);
var float64 = new Float64Array(1);
var bytes32 = new Uint8Array(float32.buffer);
var bytes64 = new Uint8Array(float64.buffer);

function floatReader(size, little) {
    var scratch = size === 4 ? bytes32 : bytes64;
    var number = size === 4 ? float32 : float64;
    return function (offset) {
        if (offset === undefined)
            offset = 0;
        checkOffset(this, offset, size);
        for (var i = 0; i < size; i++)
            scratch[little ? i : size - 1 - i] = this[offset + i];
        return number[0];
    };
}

function floatWriter(size, little) {
    var scratch = size === 4 ? bytes32 : bytes64;
    var number = size === 4 ? float32 : float64;
    return function (value, offset) {
        if (offset === undefined)
            offset = 0;
        number[0] = +value;
        checkOffset(this, offset, size);
        for (var i = 0; i < size; i++)
            this[offset + i] = scratch[little ? i : size - 1 - i];
        return offset + size;
    };
}

function install(proto) {
    var sizes = [[8, 1], [16, 2], [32, 4]];
    for (var s = 0; s < sizes.length; s++) {
        var bits = sizes[s][0];
        var size = sizes[s][1];
        var ends = size === 1 ? [''] : ['LE', 'BE'];
        for (var e = 0; e < ends.length; e++) {
            var little = ends[e] !== 'BE';
            proto['readUInt' + bits + ends[e]] = reader(size, false, little);
            proto['readInt' + bits + ends[e]] = reader(size, true, little);
            proto['writeUInt' + bits + ends[e]] = writer(size, false, little);
            proto['writeInt' + bits + ends[e]] = writer(size, true, little);
            // Node's lowercase aliases: readUint16LE...
            proto['readUint' + bits + ends[e]] = proto['readUInt' + bits + ends[e]];
            proto['writeUint' + bits + ends[e]] = proto['writeUInt' + bits + ends[e]];
        }
    }
    proto.readUIntLE = proto.readUintLE = variableReader(false, true);
    proto.readUIntBE = proto.readUintBE = variableReader(false, false);
    proto.readIntLE = variableReader(true, true);
    proto.readIntBE = variableReader(true, false);
    proto.writeUIntLE = proto.writeUintLE = variableWriter(false, true);
    proto.writeUIntBE = proto.writeUintBE = variableWriter(false, false);
    proto.writeIntLE = variableWriter(true, true);
    proto.writeIntBE = variableWriter(true, false);
    proto.readFloatLE = floatReader(4, true);
    proto.readFloatBE = floatReader(4, false);
    proto.readDoubleLE = floatReader(8, true);
    proto.readDoubleBE = floatReader(8, false);
    proto.writeFloatLE = floatWriter(4, true);
    proto.writeFloatBE = floatWriter(4, false);
    proto.writeDoubleLE = floatWriter(8, true);
    proto.writeDoubleBE = floatWriter(8, false);
}

exports.install = install;
