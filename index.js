'use strict';

// The shared ImageKit client, for use outside n8n's node UI: a Code node, a script or a test.
module.exports = require('./dist/nodes/ImageKit/client');
