/**
 * Code lenses over clusters and clustered services ("3 votes · quorum 2 · survives 1 failure · Simulate…")
 * and the requests behind the client's Simulate command: the report of a scenario or an enumeration over
 * the file's deployment, and the deployment's nodes and failure domains for its picker. Thin: the engine
 * finds the deployment (simulate/deployments.ts), places the lenses (service/code-lens.ts) and runs it.
 */
import {
  CodeLens,
  CodeLensParams,
  CodeLensRefreshRequest,
  Connection,
  ErrorCodes,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache } from './analysis';
import { URI } from './uri';
import { toRange } from './convert';
import { LineIndex } from '../engine/text/line-index';
import { codeLenses, CodeLensTarget } from '../engine/service/code-lens';
import { deploymentOfFile, FoundDeployment } from '../engine/deployments';
import { domainsOf, membersOf } from '../engine/simulate/model';
import { Scenario, simulate, unknownNames } from '../engine/simulate/scenario';
import { enumerate, Enumeration } from '../engine/simulate/enumerate';
import { failing, reportMarkdown } from '../engine/simulate/report';

/** The client's command (VS Code: client/src/simulate.ts); arguments [uri, { kind, name }]. */
export const SIMULATE_COMMAND = 'openstackHa.simulate';
export const SIMULATE_REPORT_REQUEST = 'openstackHa/simulateReport';
export const DEPLOYMENT_NODES_REQUEST = 'openstackHa/deploymentNodes';

export interface SimulateReportParams {
  uri: string;
  /** Nodes that fail at once (with failDomains, one scenario). */
  fail?: string[];
  failDomains?: string[];
  /** An enumeration instead of one scenario: every single node, every pair, every failure domain. */
  all?: Enumeration;
}
export interface SimulateReportResult {
  markdown: string;
  /** A scenario leaves a service down, split-brain or blocked (the CLI's exit status 1). */
  failing: boolean;
}
export interface DeploymentNodesParams {
  uri: string;
  /** A lens's target: its members come back too, for the picker to offer first. */
  target?: CodeLensTarget;
}
export interface DeploymentNodesResult {
  nodes: string[];
  domains: string[];
  members?: string[];
}

const ENUMERATIONS: Enumeration[] = ['single', 'pairs', 'domains'];
/** Lenses follow edits of other files of the deployment this long after the last one. */
const REFRESH_MS = 300;

interface Cached {
  generation: number;
  epoch: number;
  /** The texts the deployment was built from, in found.files' order (the file's own when it has none). */
  texts: (string | undefined)[];
  found: FoundDeployment | undefined;
}

export interface CodeLensHooks {
  /** A workspace file changed (an edit, a file on disk): lenses of open files may change. */
  workspaceChanged(): void;
  /** The workspace was read anew or the settings changed: drop what was cached. */
  reset(): void;
}

export function registerCodeLens(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyses: AnalysisCache,
  refreshSupport: () => boolean,
): CodeLensHooks {
  const cache = new Map<string, Cached>();

  /** The deployment of a workspace file, rebuilt only when a file it was built from (or the workspace's facts) changed. */
  const deploymentOf = (key: string): FoundDeployment | undefined => {
    const ws = analyses.workspace;
    const hit = cache.get(key);
    if (hit?.generation === analyses.generation) return hit.found;
    const filesOf = (f: FoundDeployment | undefined) => f?.files ?? [key];
    if (hit && hit.epoch === analyses.workspaceEpoch && filesOf(hit.found).every((f, i) => ws.textOf(f) === hit.texts[i])) {
      hit.generation = analyses.generation;
      return hit.found;
    }
    // the manifest the diagnostics already parsed (incrementally) at this text
    const parsed = (path: string) => analyses.analysePath(path).result?.manifest;
    const found = ws.has(key) ? deploymentOfFile(ws, key, parsed) : undefined;
    cache.set(key, {
      generation: analyses.generation,
      epoch: analyses.workspaceEpoch,
      texts: filesOf(found).map((f) => ws.textOf(f)),
      found,
    });
    return found;
  };

  /** The key of an open document's file, its text in the workspace as the buffer holds it. */
  const keyFor = (uri: string): string | undefined => {
    if (!URI.toPath(uri)) return undefined;
    const doc = documents.get(uri);
    const key = AnalysisCache.keyOf(uri);
    if (doc) analyses.setText(key, doc.getText());
    return analyses.workspace.has(key) ? key : undefined;
  };

  const fail = (name: string, e: unknown): never => {
    if (e instanceof ResponseError) throw e;
    connection.console.error(`${name} failed: ${(e as Error).stack ?? e}`);
    throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${(e as Error).message ?? e}`);
  };
  /** The deployment of a request's file, or an error the client shows. */
  const required = (uri: unknown): FoundDeployment => {
    if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'uri: expected a string');
    const key = keyFor(uri);
    const found = key === undefined ? undefined : deploymentOf(key);
    if (!found) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} belongs to no deployment the simulator can read`);
    return found;
  };

  connection.onCodeLens((p: CodeLensParams): CodeLens[] => {
    try {
      if (!analyses.settings.enable || analyses.settings.codeLens?.enable === false) return [];
      const key = keyFor(p.textDocument.uri);
      const found = key === undefined ? undefined : deploymentOf(key);
      if (!found || key === undefined) return [];
      const text = documents.get(p.textDocument.uri)?.getText() ?? analyses.workspace.textOf(key) ?? '';
      const lines = new LineIndex(text);
      const onError = (cluster: string, e: Error) => connection.console.error(`code lens of cluster ${cluster}: ${e.stack ?? e}`);
      return codeLenses(found.model, key, { lines, onError }).map((l) => ({
        range: toRange(lines, l.span),
        command: {
          title: `${l.title} · Simulate…`,
          command: SIMULATE_COMMAND,
          arguments: [p.textDocument.uri, l.target],
        },
      }));
    } catch (e) {
      connection.console.error(`codeLens failed: ${(e as Error).stack ?? e}`);
      return [];
    }
  });

  connection.onRequest(DEPLOYMENT_NODES_REQUEST, (p: DeploymentNodesParams): DeploymentNodesResult => {
    try {
      const { model } = required(p?.uri);
      const out: DeploymentNodesResult = { nodes: model.nodes.map((n) => n.name), domains: domainsOf(model) };
      const t = p.target;
      const c = t?.kind === 'cluster' ? model.clusters.find((x) => x.name === t.name) : undefined;
      if (c) out.members = membersOf(c);
      if (t?.kind === 'service') out.members = model.services.find((s) => s.name === t.name)?.nodes;
      return out;
    } catch (e) {
      return fail(DEPLOYMENT_NODES_REQUEST, e);
    }
  });

  connection.onRequest(SIMULATE_REPORT_REQUEST, (p: SimulateReportParams): SimulateReportResult => {
    try {
      const { model, files } = required(p?.uri);
      const names = (x: unknown, what: string): string[] => {
        if (x === undefined) return [];
        if (!Array.isArray(x) || !x.every((s) => typeof s === 'string'))
          throw new ResponseError(ErrorCodes.InvalidParams, `${what}: expected a list of names`);
        return x;
      };
      const fails = names(p.fail, 'fail');
      const domains = names(p.failDomains, 'failDomains');
      if (p.all !== undefined) {
        if (!ENUMERATIONS.includes(p.all))
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            `all: expected one of ${ENUMERATIONS.join(', ')}, not ${JSON.stringify(p.all)}`,
          );
        if (fails.length || domains.length)
          throw new ResponseError(
            ErrorCodes.InvalidParams,
            'all: an enumeration runs its own scenarios; ask for fail or failDomains separately',
          );
        const results = enumerate(model, p.all);
        return { markdown: reportMarkdown({ model, files, results, enumeration: p.all }), failing: results.some(failing) };
      }
      const scenario: Scenario = { steps: [{ fail: fails, failDomains: domains }] };
      const unknown = unknownNames(model, scenario);
      if (unknown.length) throw new ResponseError(ErrorCodes.InvalidParams, unknown.join('; '));
      const result = simulate(model, scenario);
      return { markdown: reportMarkdown({ model, files, results: [result] }), failing: failing(result) };
    } catch (e) {
      return fail(SIMULATE_REPORT_REQUEST, e);
    }
  });

  let timer: NodeJS.Timeout | undefined;
  return {
    workspaceChanged() {
      if (!refreshSupport()) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        // the client asks again for the visible editors only; unchanged deployments answer from the cache
        void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
      }, REFRESH_MS);
    },
    reset() {
      cache.clear();
      this.workspaceChanged();
    },
  };
}
