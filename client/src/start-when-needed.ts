/**
 * The extension activates on YAML files too (a manifest opened on its own, or in VS Code for the Web,
 * whose workspaceContains finds nothing on a virtual file system), but the language server starts only
 * where it has work: a workspace holding a file the activation patterns name, or an open file that is
 * one of the product's (work.ts). A Kubernetes repository activates the extension and starts nothing.
 */
import * as vscode from 'vscode';
import { workMatcher, workPatterns } from './work';
import { allGlobs } from '../../server/src/engine/kinds';

export interface Starter extends vscode.Disposable {
  /** Starts the server if it is not started (a command that needs it). */
  ready(why: string): Promise<void>;
  readonly started: boolean;
}

/** Decides now (open files, then a search of the workspace), and starts the server at once if there is work. */
export async function startWhenNeeded(
  packageJSON: { activationEvents?: string[] },
  start: () => Promise<void>,
  log: (line: string) => void,
): Promise<Starter> {
  const patterns = workPatterns(packageJSON.activationEvents ?? []);
  const isWork = workMatcher(patterns);
  let starting: Promise<void> | undefined;
  const go = (why: string) => {
    if (!starting) {
      log(`language server: starting (${why})`);
      starting = start();
    }
    return starting;
  };
  const head = (d: vscode.TextDocument) => d.getText(new vscode.Range(0, 0, Math.min(d.lineCount, 50), 0));
  const wanted = (d: vscode.TextDocument) => d.uri.scheme !== 'output' && isWork(d.uri.path, d.languageId, head(d));
  const sub = vscode.workspace.onDidOpenTextDocument((d) => {
    if (!starting && wanted(d)) void go(`${vscode.workspace.asRelativePath(d.uri)} is a file it checks`);
  });
  const starter: Starter = {
    ready: (why) => go(why),
    get started() {
      return !!starting;
    },
    dispose: () => sub.dispose(),
  };
  const open = vscode.workspace.textDocuments.find(wanted);
  if (open) {
    await go(`${vscode.workspace.asRelativePath(open.uri)} is a file it checks`);
    return starter;
  }
  // one search per pattern (VS Code's globs do not nest braces), the first found deciding
  const found = await Promise.all(
    patterns.map((p) => Promise.resolve(vscode.workspace.findFiles(p, '**/{node_modules,.git}/**', 1)).catch(() => [] as vscode.Uri[])),
  );
  const first = found.find((f) => f.length)?.[0];
  if (first) await go(`the workspace holds ${vscode.workspace.asRelativePath(first)}`);
  else if (!starting) log('language server: not started: no file of the workspace is one it checks (it starts when one is opened)');
  return starter;
}

/**
 * The server follows on disk the files of every kind, the nodes' files others are checked against, and
 * settings. VS Code reports a folder deleted or moved in as the folder alone: a watcher of everything's
 * creations and deletions (not its changes) lets the server read or forget the files under it.
 */
export function fileWatchers(): vscode.FileSystemWatcher[] {
  return [
    ...allGlobs().map((g) => vscode.workspace.createFileSystemWatcher(g)),
    vscode.workspace.createFileSystemWatcher('**/*', false, true, false),
  ];
}
