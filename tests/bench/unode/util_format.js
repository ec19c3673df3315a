'use strict';
// util.format with %s/%d/%j and util.inspect of a small nested object:
// what every console.log pays.
var util = require('util');
var object = { id: 7, name: 'widget', tags: ['a', 'b', 'c'], nested: { ok: true, n: null } };
var length = 0;
var start = Date.now();
for (var i = 0; i < 20000; i++) {
    length += util.format('%s #%d costs %j', 'item', i, { price: i / 4 }).length;
    length += util.inspect(object).length;
}
console.log('util_format ' + (Date.now() - start) + ' ms check=' + length);
