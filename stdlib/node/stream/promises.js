// require('stream/promises'): pipeline and finished returning promises
// (needs a global Promise; without one, loading this module throws).
'use strict';

module.exports = require('../stream.js').promises;
