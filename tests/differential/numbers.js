// Numbers as console.log prints them.
console.log(0, -0, 1, -1, 42, 3.14159, -2.5);
console.log(NaN, Infinity, -Infinity);
console.log(0.1 + 0.2, 1 / 3, 2 / 3, Math.PI, Math.E);
console.log(1e21, 1e20, 123456789012345680000, 1.7976931348623157e308, Number.MAX_SAFE_INTEGER);
console.log(5e-324, 1e-7, 0.000001, 1.5e-10, -1e-300, 2.2250738585072014e-308);
console.log([0, -0, NaN, -Infinity, 1e21, 1e-7]);
console.log({ zero: -0, big: 2e64, small: 4.9e-324 });
console.log((123.456).toFixed(1), (0.000001234).toPrecision(2), (255).toString(16), (1e21).toString(36).length > 0);
console.log(parseInt('0x1f'), parseFloat('3.5e2'), Number('  12  '), Number(''), Number('x'));
console.log(-0 + '', String(-0), JSON.stringify(-0), [-0] + '');
// Bitwise operators convert with ToInt32/ToUint32: around the int32 and
// uint32 edges, fractions, -0, NaN, infinities and larger numbers (the
// engine has a fast path for numbers in [-2^31, 2^32), engine/CMakeLists.txt).
var edges = [0, -0, 1, -1, 1.5, -1.5, 2147483647, 2147483647.5, 2147483648, -2147483648,
    -2147483648.5, -2147483649, 4294967295, 4294967295.5, 4294967296, 4294967297, -4294967297,
    Math.pow(2, 53) + 2, 1e21, -1e21, NaN, Infinity, -Infinity, 0.9999999999, -0.9999999999];
console.log(edges.map(function (x) { return [x | 0, x >>> 0, x & 0xffff, x ^ 1, x << 1, x >> 1, ~x].join(' '); }).join('\n'));
console.log(edges.map(function (x) { return (3 | x) + ' ' + (x >>> 3) + ' ' + (0xff00ff00 & x); }).join(','));
