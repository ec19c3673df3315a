// Strings: raw at the top level, quoted and escaped inside objects.
console.log('plain', "double", 'it\'s');
console.log(['single', "it's", 'say "hi"', 'both \' and "', 'tab\tnewline\n', 'back\\slash']);
console.log({ unicode: 'ünïcödé ✓', emoji: '😀', control: '\u0001\u001f\u007f', empty: '' });
console.log('ünïcödé ✓ 😀 top level');
console.log({ long: 'a string that is long enough to need splitting\nat its newline characters\nthree' });
console.log('%s and %s', 'one', 'two', 'three');
console.log('%d %i %f', '42.5', 42.9, '1.25e1', 'rest');
console.log('%j %%', { a: [1, 'b'] });
console.log('%o', 'str', '%O', { k: 1 });
