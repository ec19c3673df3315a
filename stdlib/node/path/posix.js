// require('path/posix'): the same object as require('path').
'use strict';

module.exports = require('../path.js').posix;
