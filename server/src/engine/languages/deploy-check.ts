/**
 * What the deployment tools' languages (kolla-ansible, OpenStack-Ansible) share: a file is read
 * once per text into its part; the files of a deployment are checked together, once for all of them
 * (deploy-memo.ts); each finding lands in the file it is about; a file shows its own, with its
 * parse problems, through the same size guard, severities and suppressions as every kind.
 */
import type { Finding } from '../types';
import type { LintConfig } from '../config';
import type { DeployModel } from '../documents/deploy/model';
import type { DeployPart } from '../documents/deploy/parts';
import type { PeerConf } from '../model/topology';
import type { DocumentKind } from '../types';
import type { Report, RuleMeta } from '../rules/report';
import { ConfContext, LintResult, lintParsed, runRules } from '../check';
import { DeploymentMemo, MemoFile } from './deploy-memo';

/** One file of a deployment and what it holds. */
export interface ToolFile<P extends DeployPart> {
  path: string;
  part: P;
}

/** A deployment's check, made once for all its files: each file's findings, and those of no file (a rule that failed). */
export interface ToolChecked<D> {
  deployment: D;
  model: DeployModel;
  byFile: Map<string, Finding[]>;
  everywhere: Finding[];
}

/** The files of a deployment as one of them sees it: itself, and its peers of the same tool. */
export function toolFiles<P extends DeployPart>(path: string, self: P, peers: readonly PeerConf[] = []): ToolFile<P>[] {
  const files: ToolFile<P>[] = [{ path, part: self }];
  for (const p of peers) if (p.deploy?.tool === self.tool && p.path && p.path !== path) files.push({ path: p.path, part: p.deploy as P });
  return files;
}

/** A shared deployment's files of one tool, sorted by path, made once per array (ConfContext.deployment). */
const SHARED = new WeakMap<
  readonly PeerConf[],
  Map<string, { files: ToolFile<DeployPart>[]; memo: MemoFile[]; byPath: Map<string, ToolFile<DeployPart>> }>
>();

/**
 * The files of a deployment from the array the workspace shares among them (this file among them):
 * made once per array and tool, so that each of n files does not gather the n files again, and the
 * memo finds the check by the array itself. When the shared array holds another text for this file,
 * or none, the file's own part takes its place.
 */
function sharedToolFiles<P extends DeployPart>(
  path: string,
  self: P,
  deployment: readonly PeerConf[],
): { files: ToolFile<P>[]; memo: MemoFile[] } {
  let byTool = SHARED.get(deployment);
  if (!byTool) SHARED.set(deployment, (byTool = new Map()));
  let kept = byTool.get(self.tool);
  if (!kept) {
    const files: ToolFile<DeployPart>[] = [];
    for (const p of deployment) if (p.deploy?.tool === self.tool && p.path) files.push({ path: p.path, part: p.deploy });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const memo = files.map((f) => ({ path: f.path, text: f.part.text }));
    byTool.set(self.tool, (kept = { files, memo, byPath: new Map(files.map((f) => [f.path, f])) }));
  }
  const own = kept.byPath.get(path);
  if (own && own.part.text === self.text) return { files: kept.files as ToolFile<P>[], memo: kept.memo };
  return withMemoKey([{ path, part: self }, ...(kept.files.filter((f) => f.path !== path) as ToolFile<P>[])]);
}

/** A file list and the key the memo finds its check by (paths and texts), when no shared list is given. */
function withMemoKey<P extends DeployPart>(files: ToolFile<P>[]): { files: ToolFile<P>[]; memo: MemoFile[] } {
  return { files, memo: files.map((f) => ({ path: f.path, text: f.part.text })) };
}

/** Findings by file, built up by the rules and the topology check. */
export class FindingsByFile {
  readonly byFile = new Map<string, Finding[]>();
  readonly everywhere: Finding[] = [];
  add(file: string, f: Finding): void {
    if (!file) return void this.everywhere.push(f);
    const list = this.byFile.get(file);
    if (list) list.push(f);
    else this.byFile.set(file, [f]);
  }
  addAll(found: Map<string, Finding[]>): void {
    for (const [file, fs] of found) for (const f of fs) this.add(file, f);
  }
}

/** Runs a tool's rules over its deployment; each report names its file. */
export function runToolRules<D>(
  rules: readonly { meta: RuleMeta; check(ctx: { deployment: D; report(r: Report & { file: string }): void }): void }[],
  config: LintConfig,
  deployment: D,
  out: FindingsByFile,
): void {
  const raw: Finding[] = [];
  runRules(rules, config, raw, (report) => ({
    deployment,
    report: ({ file, ...r }: Report & { file: string }) => {
      report(r);
      out.add(file, raw.pop()!);
    },
  }));
  for (const f of raw) out.add('', f);
}

/** A tool's file checked within its deployment: the kind's part reader, its problems, its whole-deployment check. */
export function lintToolFile<P extends DeployPart, D>(
  kind: DocumentKind,
  path: string,
  text: string,
  config: LintConfig,
  context: ConfContext,
  spec: {
    part(path: string, text: string): P;
    problems(part: P): { message: string; span: { start: number; end: number } }[];
    memo: DeploymentMemo<ToolChecked<D>>;
    check(files: ToolFile<P>[]): ToolChecked<D>;
    result(part: P, checked: ToolChecked<D>): Partial<LintResult>;
  },
): LintResult {
  return lintParsed(
    kind,
    text,
    config,
    (t) => {
      const part = spec.part(path, t);
      return { part, problems: spec.problems(part) };
    },
    ({ part }, raw) => {
      const { files, memo } = context.deployment
        ? sharedToolFiles(path, part, context.deployment)
        : withMemoKey(toolFiles(path, part, context.peers));
      const checked = spec.memo.get(memo, config, () => spec.check(files));
      raw.push(...(checked.byFile.get(path) ?? []), ...checked.everywhere);
      return { ...spec.result(part, checked), deployModel: checked.model };
    },
  );
}
