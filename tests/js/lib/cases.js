// Table-driven checks whose expected values come from Node, not from the
// author: a test lists JavaScript expressions; `node tests/js/X.js
// --record` evaluates them under Node 20 and writes their results to
// lib/expected/X.json; under unode (hosted or on bare metal) each
// expression is evaluated again and compared with the recording, one
// check.js assertion per expression.
//
// Results are compared through repr(), a text form that shows what
// matters (buffer bytes, error class/code/message, -0, lone surrogates)
// and does not depend on util.inspect.
'use strict';

var check = require('./check.js');

function quote(text) {
    var out = '"';
    for (var i = 0; i < text.length; i++) {
        var c = text.charCodeAt(i);
        if (c === 34 || c === 92)
            out += '\\' + text.charAt(i);
        else if (c < 0x20 || c > 0x7e)
            out += '\\u' + ('000' + c.toString(16)).slice(-4);
        else
            out += text.charAt(i);
    }
    return out + '"';
}

function repr(value, depth) {
    depth = depth || 0;
    if (depth > 6)
        return '...';
    if (value === undefined)
        return 'undefined';
    if (value === null)
        return 'null';
    switch (typeof value) {
    case 'number':
        if (value === 0 && 1 / value < 0)
            return '-0';
        return String(value);
    case 'string':
        return quote(value);
    case 'boolean':
        return String(value);
    case 'function':
        return 'function';
    }
    if (value instanceof Error)
        return 'Error(' + value.name + ',' + value.code + ',' + quote(String(value.message)) + ')';
    if (typeof Buffer === 'function' && Buffer.isBuffer(value))
        return 'Buffer<' + value.toString('hex') + '>';
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
        var name = Object.prototype.toString.call(value).slice(8, -1);
        return name + '<' + Array.prototype.join.call(value, ',') + '>';
    }
    if (Array.isArray(value)) {
        var items = [];
        for (var i = 0; i < value.length; i++)
            items.push(repr(value[i], depth + 1));
        return '[' + items.join(',') + ']';
    }
    var constructor = Object.getPrototypeOf(value) && Object.getPrototypeOf(value).constructor;
    if (constructor && (constructor.name === 'URL' || constructor.name === 'URLSearchParams'))
        return constructor.name + '(' + quote(String(value)) + ')';
    var keys = Object.keys(value);
    var fields = [];
    for (var k = 0; k < keys.length; k++)
        fields.push(quote(keys[k]) + ':' + repr(value[keys[k]], depth + 1));
    return '{' + fields.join(',') + '}';
}

// The result of evaluating `expression` (with the given names in scope),
// or 'throws ' and the error.
function evaluate(expression, scope) {
    var names = Object.keys(scope);
    var values = names.map(function (name) { return scope[name]; });
    try {
        var fn = Function.apply(null, names.concat(['return (' + expression + ');']));
        return repr(fn.apply(null, values));
    } catch (error) {
        return 'throws ' + repr(error);
    }
}

// name: the test's name (lib/expected/NAME.json); cases: expressions;
// scope: the names they use.
function run(name, cases, scope) {
    var results = {};
    for (var i = 0; i < cases.length; i++)
        results[cases[i]] = evaluate(cases[i], scope);
    if (process.argv.indexOf('--record') !== -1) {
        var fs = require('fs');
        var file = __dirname + '/expected/' + name + '.json';
        fs.writeFileSync(file, JSON.stringify(results, null, 1) + '\n');
        process.stdout.write('recorded ' + cases.length + ' results in ' + file + '\n');
        return;
    }
    var expected = require('./expected/' + name + '.json');
    for (var j = 0; j < cases.length; j++) {
        if (!Object.prototype.hasOwnProperty.call(expected, cases[j])) {
            check.ok(false, 'no recorded result for ' + cases[j] + ' (run node ' + name +
                '.js --record)');
            continue;
        }
        check.equal(results[cases[j]], expected[cases[j]], cases[j]);
    }
}

exports.repr = repr;
exports.run = run;
