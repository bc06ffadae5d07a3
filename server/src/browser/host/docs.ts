/**
 * The browser build's stand-in for node/docs.ts (scripts/build.mjs swaps it in): the rule pages
 * shipped in the extension, at the address the client gives (its extension URI), as no path works here.
 */
let base = 'https://github.com/openstack-ha/openstack-ha/blob/main/docs/rules';

/** Where docs/rules/ is, as the client sees the extension. */
export function setRuleDocsBase(uri: string): void {
  base = uri.replace(/\/+$/, '');
}

export function ruleDocUri(id: string): string {
  return `${base}/${encodeURIComponent(id)}.md`;
}
