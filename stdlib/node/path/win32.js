// require('path/win32'): Windows paths are not supported in unode; every
// function of this object throws.
'use strict';

module.exports = require('../path.js').win32;
