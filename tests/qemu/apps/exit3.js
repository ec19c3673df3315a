// process.exit(3): the machine ends with status 3, nothing after it runs.
console.log('before exit');
process.exit(3);
console.log('after exit');
