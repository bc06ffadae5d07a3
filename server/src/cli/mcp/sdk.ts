/**
 * The parts of the MCP SDK (and zod, its schema language) that `openstack-ha mcp` uses, in one
 * module: scripts/build.mjs bundles it alone as dist/mcp.js, which the CLI loads only when `mcp` runs,
 * so that `lint` never pays for it.
 */
export { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
export { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
export { z } from 'zod';
