// tools/jsk run prints exactly what this prints under node (hello.out).
console.log('hello from', 'the kernel');
console.log(6 * 7, -0, 0.1 + 0.2, 'str', [1, 'two', { three: 3 }], { a: { b: null } });
console.log('%s=%d %j', 'x', 42, { y: [1, 2] });
console.log('argv:', process.argv.slice(2));
