/**
 * `openstack-ha simulate`'s three outputs (spec/simulate.md): text for a terminal, markdown for a
 * pull request or a ticket, JSON for tools. Pure: the CLI prints what these return.
 */
import type { SimModel } from './model';
import type { ScenarioResult, ServiceResult } from './scenario';
import { isFailure, VERDICT_ORDER } from './scenario';
import { worstVerdict } from './ranking';
import type { Enumeration } from './enumerate';

export interface Report {
  model: SimModel;
  /** Its files, as the output names them. */
  files: string[];
  results: ScenarioResult[];
  enumeration?: Enumeration;
}

const ENUMERATION_WORDS: Record<Enumeration, string> = {
  single: 'every single node failing',
  pairs: 'every pair of nodes failing together',
  domains: 'every failure domain failing',
};

const scenarios = (n: number): string => (n === 1 ? '1 scenario' : `${n} scenarios`);

/** Whether a scenario ends with a service down, split-brain or blocked (exit status 1). */
export const failing = (r: ScenarioResult): boolean => r.services.some((s) => isFailure(s.verdict));

export function reportJson(rep: Report): string {
  const out = {
    version: 1,
    deployment: { name: rep.model.name, source: rep.model.source, files: rep.files },
    assumptions: rep.model.assumptions,
    ...(rep.enumeration ? { enumeration: rep.enumeration } : {}),
    scenarios: rep.results,
  };
  return JSON.stringify(out, null, 2) + '\n';
}

/** "2 down (galera, rabbitmq), 1 degraded (keystone)". */
export function summary(r: ScenarioResult): string {
  if (!r.services.length) return 'no service';
  return VERDICT_ORDER.flatMap((v) => {
    const of = r.services.filter((s) => s.verdict === v);
    return of.length ? [`${of.length} ${v}${v === 'available' ? '' : ` (${names(of)})`}`] : [];
  }).join(', ');
}
const names = (of: ServiceResult[]): string =>
  of.length > 4
    ? `${of
        .slice(0, 4)
        .map((s) => s.name)
        .join(', ')}, +${of.length - 4}`
    : of.map((s) => s.name).join(', ');

function header(rep: Report): string[] {
  const lines = [`${rep.model.name} (${rep.model.source})`];
  for (const a of rep.model.assumptions) lines.push(`  assumed: ${a}`);
  return lines;
}

function scenarioText(r: ScenarioResult, indent = ''): string[] {
  const out: string[] = [];
  const steps = [...(r.steps ?? []), r];
  steps.forEach((s, i) => {
    const last = i === steps.length - 1;
    out.push(`${indent}${steps.length > 1 ? `Step ${i + 1}: ` : 'Scenario: '}${s.name}`);
    if (s.clusters.length) {
      out.push(`${indent}  clusters`);
      for (const c of s.clusters)
        out.push(`${indent}    ${c.name} (${c.kind}) ${c.partition.join(', ')}: ${c.quorate ? 'quorate' : 'not quorate'}. ${c.explain}`);
    }
    if (s.vips.length) {
      out.push(`${indent}  VIPs`);
      for (const v of s.vips)
        out.push(`${indent}    ${v.name}: ${v.holders.length ? `held by ${v.holders.join(' and ')}` : 'held by no node'}. ${v.explain}`);
    }
    if (s.services.length) {
      out.push(`${indent}  services`);
      const width = Math.max(...s.services.map((x) => x.verdict.length));
      for (const v of s.services) out.push(`${indent}    ${v.verdict.padEnd(width)}  ${v.name}: ${v.explain}`);
    }
    if (last) out.push(`${indent}  result: ${summary(s)}`);
  });
  return out;
}

export function reportText(rep: Report): string {
  const out = header(rep);
  if (rep.enumeration) {
    out.push(`${ENUMERATION_WORDS[rep.enumeration]}: ${scenarios(rep.results.length)}, worst first`);
    if (!rep.results.length) out.push(rep.enumeration === 'domains' ? '  no node has a failure domain' : '  no node');
    for (const r of rep.results) out.push(`  ${worstVerdict(r).padEnd(11)} ${r.name}: ${summary(r)}`);
    const bad = rep.results.filter(failing).length;
    out.push(`${bad} of ${rep.results.length} scenarios leave a service down, split-brain or blocked`);
    if (rep.results.length) {
      out.push('', `The worst: ${rep.results[0].name}`);
      out.push(...scenarioText(rep.results[0], '  '));
    }
  } else for (const r of rep.results) out.push(...scenarioText(r));
  return out.join('\n') + '\n';
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function scenarioMarkdown(r: ScenarioResult, level: string): string[] {
  const out: string[] = [];
  const steps = [...(r.steps ?? []), r];
  steps.forEach((s, i) => {
    out.push(`${level} ${steps.length > 1 ? `Step ${i + 1}: ` : ''}${cell(s.name)}`, '');
    if (s.services.length) {
      out.push('| Service | Verdict | Running | Why |', '| --- | --- | --- | --- |');
      for (const v of s.services)
        out.push(`| ${cell(v.name)} | ${v.verdict} | ${cell(v.running.join(', ') || '-')} | ${cell(v.explain)} |`);
      out.push('');
    }
    if (s.clusters.length) {
      out.push('| Cluster | Side | Votes | Quorum | Quorate | Why |', '| --- | --- | --- | --- | --- | --- |');
      for (const c of s.clusters)
        out.push(
          `| ${cell(c.name)} (${c.kind}) | ${cell(c.partition.join(', '))} | ${c.votes} of ${c.expected} | ${cell(String(c.quorum))} | ${c.quorate ? 'yes' : 'no'} | ${cell(c.explain)} |`,
        );
      out.push('');
    }
    if (s.vips.length) {
      out.push('| VIP | Held by | Why |', '| --- | --- | --- |');
      for (const v of s.vips) out.push(`| ${cell(v.name)} | ${cell(v.holders.join(', ') || 'no node')} | ${cell(v.explain)} |`);
      out.push('');
    }
  });
  return out;
}

export function reportMarkdown(rep: Report): string {
  const out = [`# What if it fails: ${cell(rep.model.name)}`, '', `From ${cell(rep.model.source)}.`, ''];
  if (rep.model.assumptions.length) out.push('Assumed:', ...rep.model.assumptions.map((a) => `- ${a}`), '');
  if (rep.enumeration) {
    const words = ENUMERATION_WORDS[rep.enumeration];
    out.push(`## ${words[0].toUpperCase()}${words.slice(1)}: ${scenarios(rep.results.length)}, worst first`, '');
    if (rep.results.length) {
      out.push('| Scenario | Worst | Services |', '| --- | --- | --- |');
      for (const r of rep.results) out.push(`| ${cell(r.name)} | ${worstVerdict(r)} | ${cell(summary(r))} |`);
      out.push('', ...scenarioMarkdown(rep.results[0], '## The worst:'));
    }
  } else for (const r of rep.results) out.push(...scenarioMarkdown(r, '##'));
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
