'use strict';
// A program that does nothing and so prints nothing (unode FILE).
var unused = [1, 2, 3].map(function (x) { return x * 2; });
