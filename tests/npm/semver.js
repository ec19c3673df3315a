// semver@5.7.2: parse, compare, ranges (examples from its README).
var semver = require('semver');
console.log(semver.valid('1.2.3'), semver.valid('a.b.c'), semver.clean('  =v1.2.3   '));
console.log(semver.satisfies('1.2.3', '1.x || >=2.5.0 || 5.0.0 - 7.2.3'));
console.log(semver.gt('1.2.3', '9.8.7'), semver.lt('1.2.3', '9.8.7'));
console.log(semver.minVersion ? semver.minVersion('>=1.0.0').version : 'n/a');
console.log(semver.inc('1.2.3', 'prerelease', 'beta'), semver.inc('1.2.3', 'major'));
console.log(semver.maxSatisfying(['1.2.3', '1.2.4', '1.3.0', '2.0.0'], '~1.2.0'));
console.log(['1.10.0', '1.2.0', '1.2.0-alpha', '0.9.9'].sort(semver.compare).join(' '));
console.log(semver.diff('1.2.3', '1.3.0'), semver.major('4.5.6'), semver.prerelease('1.2.3-rc.1'));
console.log(new semver.Range('^1.2.3').range, semver.validRange('~1.2'), semver.coerce('v2').version);
console.log(semver.intersects('>1.0.0', '<2.0.0'), semver.outside('3.0.0', '^1.0.0', '>'));
var parsed = semver.parse('1.2.3-beta.4+build.5');
console.log(parsed.major, parsed.minor, parsed.patch, parsed.prerelease, parsed.build);
