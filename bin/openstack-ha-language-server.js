#!/usr/bin/env node
// Any LSP editor: `openstack-ha-language-server --stdio`.
require('../dist/server.js');
