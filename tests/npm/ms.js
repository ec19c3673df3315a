// ms@2.1.3: parse and format durations (its README's examples).
var ms = require('ms');
console.log(ms('2 days'), ms('1d'), ms('10h'), ms('2.5 hrs'), ms('2h'), ms('1m'), ms('5s'),
    ms('1y'), ms('100'), ms('-3 days'), ms('-200'), ms('1.5w'));
console.log(ms(60000), ms(2 * 60000), ms(-3 * 60000), ms(ms('10 hours')));
console.log(ms(60000, { long: true }), ms(2 * 60000, { long: true }),
    ms(-3 * 60000, { long: true }), ms(ms('10 hours'), { long: true }));
console.log(ms('nonsense'), ms('☃'));
try {
    ms('');
} catch (e) {
    console.log(e.message);
}
try {
    ms(NaN);
} catch (e) {
    console.log(e.message);
}
