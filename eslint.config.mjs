// ESLint is here for one thing: the engine (server/src/engine) stays pure. It does no I/O and knows no
// editor; the hosts (server/src/node, lsp, cli, server.ts, client/src) read files and talk LSP, then feed
// it text. Everything else is only parsed, so a syntax error surfaces; no style rules (types are tsc's job).
// `npm run lint`; `npm test` runs it first. test/engine/engine-purity.test.ts checks the rule itself.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const PURE = 'The engine is pure: it does no I/O and knows no editor. Hosts (server/src/node, lsp, cli, client) read files and feed it text.';

/** Node built-ins that touch the machine, and the editor/LSP packages. */
const paths = [
  ...['fs', 'path', 'child_process', 'os'].flatMap((m) =>
    [m, `node:${m}`].map((name) => ({ name, message: `${PURE} Do the ${m} work in server/src/node and pass the engine its result.` })),
  ),
  { name: 'vscode', message: `${PURE} The VS Code API belongs to client/src.` },
];
const packagePatterns = [
  { regex: '^(?:node:)?(?:fs|path|child_process|os)/', message: `${PURE} Do this work in server/src/node and pass the engine its result.` },
  { regex: '^(?:vscode-|@vscode/)', message: `${PURE} LSP and VS Code types belong to server/src/lsp and client/src; the engine has its own (engine/types.ts).` },
];

/**
 * A relative import that climbs out of server/src/engine reaches a host layer (../node/docs from
 * engine/x.ts, ../../lsp/convert from engine/rules/x.ts). How many '../' leave the engine depends on
 * the file's depth, so each depth gets its own block; ../documents/haproxy/parse from engine/rules/x.ts
 * or ./text/line-index from engine/x.ts stay inside and are fine.
 */
const climbsOut = (depth) => ({
  regex: `^(?:\\./)?(?:\\.\\./){${depth}}\\.\\.(?:/|$)`,
  message: `${PURE} This import leaves server/src/engine for a host layer; the host should call the engine instead.`,
});
/** Files deeper than MAX_DEPTH (none today) fall back to naming the host layers. */
const MAX_DEPTH = 8;
const namesHost = {
  regex: '^(?:\\./)?(?:\\.\\./)+(?:lsp|node|cli|tools|server|client)(?:/|$)',
  message: `${PURE} This import reaches a host layer; the host should call the engine instead.`,
};
const restrict = (pattern) => ({ 'no-restricted-imports': ['error', { paths, patterns: [...packagePatterns, pattern] }] });
/** require() and import() would slip past no-restricted-imports (it sees static imports and `import x = require()`). */
const loaders = ['CallExpression[callee.type="Identifier"][callee.name="require"]', 'ImportExpression'].map(
  (selector) => ({ selector, message: `${PURE} Load modules with a static import (no-restricted-imports checks those).` }),
);

export default defineConfig([
  { ignores: ['dist/', 'out/', '.e2e/', '.bench/', 'test-results/'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
  },
  { files: ['server/src/engine/**/*.ts'], rules: { 'no-restricted-syntax': ['error', ...loaders], ...restrict(namesHost) } },
  ...Array.from({ length: MAX_DEPTH }, (_, depth) => ({
    files: [`server/src/engine/${'*/'.repeat(depth)}*.ts`],
    rules: restrict(climbsOut(depth)),
  })),
]);
