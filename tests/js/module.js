// module: createRequire, builtinModules, isBuiltin, and the node: prefix.
'use strict';

var check = require('./lib/check.js');
var Module = require('module');

check.equal(require('node:module'), Module);
check.ok(Module.builtinModules.indexOf('events') !== -1, 'events is built in');
check.ok(Module.builtinModules.indexOf('assert/strict') !== -1, 'assert/strict is built in');
check.ok(Module.builtinModules.indexOf('timers/promises') !== -1);
check.ok(Module.isBuiltin('node:util') && Module.isBuiltin('util'));
check.ok(!Module.isBuiltin('no-such-module'));
var fromHere = Module.createRequire(__filename);
check.equal(fromHere('./lib/check.js'), check, 'relative to the given file');
check.equal(fromHere('node:events'), require('events'));
var fromDir = Module.createRequire(__dirname + '/lib/');
check.equal(fromDir('./check.js'), check, 'a directory with a trailing slash');
check.equal(Module.createRequire('file://' + __filename)('./lib/check.js'), check, 'file: URL');
check.throws(function () { Module.createRequire('relative/path'); }, /absolute path/);
check.equal(require('timers').promises, require('timers/promises'));
check.equal(require('node:timers/promises'), require('timers/promises'));
require('timers/promises').setTimeout(1, 'v').then(check.expectCall('timers/promises',
    function (v) { check.equal(v, 'v'); }));
require('timers/promises').setImmediate('i').then(check.expectCall('setImmediate promise',
    function (v) { check.equal(v, 'i'); }));
check.throws(function () { require('node:nonexistent'); }, /Cannot find module/);
