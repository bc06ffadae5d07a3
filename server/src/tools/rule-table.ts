/** The README's table of rules, made from their metadata (scripts/gen-readme-rules.mjs writes it; a test compares). */
import { RuleMeta } from '../engine/rules/rule';

export function ruleTable(rules: readonly RuleMeta[]): string {
  const rows = rules.map((r) => {
    const tools =
      Object.entries(r.tools ?? {})
        .map(([t, v]) => `${t} ${v}`)
        .join('; ') || 'none';
    return `| [\`${r.id}\`](docs/rules/${r.id}.md) | ${r.severity} | ${r.fixable ? 'yes' : ''} | ${r.title.replace(/\|/g, '\\|')} | ${tools} |`;
  });
  return ['| rule | default | fix | reports | real tool |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
