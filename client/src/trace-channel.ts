/**
 * The protocol trace's own channel, "OpenStack HA (LSP trace)", on while `openstackHa.trace.server`
 * is not "off". vscode-languageclient traces only when its trace channel's log level is Trace, and
 * writes the trace into the output channel when it has no channel of its own: the setting alone did
 * nothing, and turned on (with the log level) it buried the server's own lines. This channel reports
 * the Trace level exactly while the setting asks for a trace, and is created on first use.
 */
import * as vscode from 'vscode';

const SETTING = 'openstackHa.trace.server';
export const TRACE_CHANNEL_NAME = 'OpenStack HA (LSP trace)';

const tracing = () => vscode.workspace.getConfiguration('openstackHa').get<string>('trace.server', 'off') !== 'off';

/** The trace channel, and the last lines it wrote (the extension-host tests read them: output channels cannot be read). */
export type TraceChannel = vscode.LogOutputChannel & vscode.Disposable & { readonly recent: string[] };

const KEEP = 50;

export function traceChannel(): TraceChannel {
  let channel: vscode.OutputChannel | undefined;
  const recent: string[] = [];
  const channelOut = () => (channel ??= vscode.window.createOutputChannel(TRACE_CHANNEL_NAME));
  const out = () => {
    const c = channelOut();
    return {
      append: (v: string) => c.append(v),
      appendLine: (v: string) => {
        recent.push(v);
        if (recent.length > KEEP) recent.shift();
        c.appendLine(v);
      },
      replace: (v: string) => c.replace(v),
      show: (preserveFocus?: boolean) => c.show(preserveFocus),
    };
  };
  const levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  let level = tracing() ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
  const watch = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SETTING)) return;
    const now = tracing() ? vscode.LogLevel.Trace : vscode.LogLevel.Off;
    if (now === level) return;
    level = now;
    levelChanged.fire(level);
  });
  const line =
    (prefix: string) =>
    (message: string | Error, ...args: unknown[]) => {
      if (level === vscode.LogLevel.Off) return;
      const text = message instanceof Error ? (message.stack ?? message.message) : message;
      out().appendLine(`${prefix}${[text, ...args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a)))].join(' ')}`);
    };
  return {
    recent,
    name: TRACE_CHANNEL_NAME,
    get logLevel() {
      return level;
    },
    onDidChangeLogLevel: levelChanged.event,
    trace: line(''),
    debug: line('[debug] '),
    info: line('[info] '),
    warn: line('[warn] '),
    error: line('[error] '),
    append: (v: string) => out().append(v),
    appendLine: (v: string) => out().appendLine(v),
    replace: (v: string) => out().replace(v),
    clear: () => channel?.clear(),
    show: (a?: boolean | vscode.ViewColumn, b?: boolean) => out().show(typeof a === 'boolean' ? a : b),
    hide: () => channel?.hide(),
    dispose: () => {
      watch.dispose();
      levelChanged.dispose();
      channel?.dispose();
    },
  };
}
