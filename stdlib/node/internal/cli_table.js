// console.table's box drawing, as Node 20 prints it: one column for the
// index, one per property of the rows (in order of appearance), and a
// "Values" column for rows that are primitives. Cells are inspect()ed
// with depth 0 and at most 3 array items; each column is as wide as its
// widest cell (counted in UTF-16 units: wide East Asian characters are
// not counted double, unlike Node), cells left-aligned.
'use strict';

var util = require('../util.js');

function inspectCell(value) {
    var depth = value !== null && typeof value === 'object' && !Array.isArray(value) &&
        Object.keys(value).length > 2 ? -1 : 0;
    return util.inspect(value, { depth: depth, maxArrayLength: 3, breakLength: Infinity });
}

function repeat(s, n) {
    var out = '';
    for (var i = 0; i < n; i++)
        out += s;
    return out;
}

function renderRow(row, widths) {
    var out = '│ ';
    for (var i = 0; i < row.length; i++) {
        out += row[i] + repeat(' ', widths[i] - row[i].length);
        if (i !== row.length - 1)
            out += ' │ ';
    }
    return out + ' │';
}

function table(head, columns) {
    var widths = head.map(function (h) { return h.length; });
    var longest = 0;
    columns.forEach(function (column) { longest = Math.max(longest, column.length); });
    var rows = [];
    for (var i = 0; i < head.length; i++) {
        for (var j = 0; j < longest; j++) {
            if (rows[j] === undefined)
                rows[j] = [];
            var value = rows[j][i] = Object.prototype.hasOwnProperty.call(columns[i], j) ?
                columns[i][j] : '';
            widths[i] = Math.max(widths[i] || 0, value.length);
        }
    }
    var divider = widths.map(function (w) { return repeat('─', w + 2); });
    var result = '┌' + divider.join('┬') + '┐\n' + renderRow(head, widths) + '\n' +
        '├' + divider.join('┼') + '┤\n';
    for (var r = 0; r < rows.length; r++)
        result += renderRow(rows[r], widths) + '\n';
    return result + '└' + divider.join('┴') + '┘';
}

exports.render = function (data, properties) {
    var map = Object.create(null);
    var hasPrimitives = false;
    var valuesColumn = [];
    var indexColumn = Object.keys(data);
    for (var i = 0; i < indexColumn.length; i++) {
        var item = data[indexColumn[i]];
        var primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
        if (properties === undefined && primitive) {
            hasPrimitives = true;
            valuesColumn[i] = inspectCell(item);
        } else {
            var keys = properties || Object.keys(item);
            for (var k = 0; k < keys.length; k++) {
                var key = keys[k];
                if (map[key] === undefined)
                    map[key] = [];
                if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key))
                    map[key][i] = '';
                else
                    map[key][i] = inspectCell(item[key]);
            }
        }
    }
    var head = Object.keys(map);
    var columns = head.map(function (key) { return map[key]; });
    if (hasPrimitives) {
        head.push('Values');
        columns.push(valuesColumn);
    }
    head.unshift('(index)');
    columns.unshift(indexColumn);
    return table(head, columns);
};
