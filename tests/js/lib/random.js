// A seeded random source for tests that must fail the same way every run:
// seeded(seed) returns random(n), an integer in [0, n). A linear
// congruential generator, scaled from its high bits (its low bits cycle
// with short periods: seed % n would repeat itself).
'use strict';

exports.seeded = function (seed) {
    return function random(n) {
        seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
        return Math.floor(seed / 0x80000000 * n);
    };
};
