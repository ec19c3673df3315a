// Errors: only their first line (stack formats differ between engines).
function firstLine(error) { return String(error.stack).split('\n')[0]; }
var errors = [new Error('plain'), new TypeError('typed'), new RangeError('range'),
    new SyntaxError('syntax'), new ReferenceError('reference'), new Error('')];
for (var i = 0; i < errors.length; i++) {
    console.log(errors[i].name + ': ' + errors[i].message);
    console.log(String(errors[i]));
    console.log(firstLine(errors[i]));
}
try {
    null.property;
} catch (e) {
    console.log(e instanceof TypeError, e.name);
}
try {
    undefinedVariable;
} catch (e) {
    console.log(e instanceof ReferenceError, e.name);
}
var custom = new Error('with code');
custom.code = 'E_CUSTOM';
console.log(custom.code, Object.keys(custom));
