// PassThrough: a Transform whose output is its input.
'use strict';

var Transform = require('./transform.js');

function PassThrough(options) {
    if (!(this instanceof PassThrough))
        return new PassThrough(options);
    Transform.call(this, options);
}
PassThrough.prototype = Object.create(Transform.prototype, {
    constructor: { value: PassThrough, writable: true, configurable: true }
});
Object.setPrototypeOf(PassThrough, Transform);

PassThrough.prototype._transform = function (chunk, encoding, callback) {
    callback(null, chunk);
};

module.exports = PassThrough;
