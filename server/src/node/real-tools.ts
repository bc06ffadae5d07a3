/**
 * Runs the HA stack's own checkers (haproxy -c, keepalived -t, corosync -t, crm_verify, mariadbd) on a saved
 * file and turns their output into diagnostics at the lines they name. Off by default and only in
 * trusted workspaces: it executes programs on the user's machine. One process at a time, each with
 * a timeout; a missing tool is said once, not at every save.
 */
import { spawn } from 'node:child_process';
import { maskSecretsInLine } from '../engine/text/secrets';
import { escapeInvisible } from '../engine/text/invisible';
import { DocumentKind } from '../engine/lint';

export interface ToolMessage {
  /** 0-based; null when the tool gives no position */ line: number | null;
  severity: 'error' | 'warning';
  message: string;
}
export interface ToolRun {
  tool: string;
  rejected: boolean;
  messages: ToolMessage[];
  problem?: string;
}

interface Checker {
  tool: string;
  /** The program to start, when it is not `tool` itself (unshare for the firewall checks). */ command?: string;
  args(file: string): string[];
  rejected(code: number, out: string): boolean;
  parse(out: string): ToolMessage[];
}

const line = (n: string) => Math.max(0, Number(n) - 1);

/*
 * Lines that only sum up the messages before them, or speak of the machine the check runs on rather
 * than of the file: never shown (at line 1 they would stand for a problem of the file's first line).
 */
const HAPROXY_SUMMARY =
  /^(?:Error\(s\) found in configuration file|Fatal errors found in configuration|Configuration file is valid|Warnings were found)/i;
const COROSYNC_NOISE = /^Config is valid|Corosync Cluster Engine exiting with status|No valid name found for local host/i;
const CRM_VERIFY_SUMMARY =
  /^crm_verify: |^-V may provide|^\(\w+\)\s*error:\s*CIB did not pass schema validation|^(?:Errors|Warnings) found during check/;
/** The same message printed by several processes (keepalived) or passes (crm_verify) is shown once. */
const unique = (ms: ToolMessage[]) => [...new Map(ms.map((m) => [`${m.line}:${m.message}`, m])).values()];

export const CHECKERS: Partial<Record<DocumentKind, Checker>> = {
  haproxy: {
    tool: 'haproxy',
    // -dr: a server name that does not resolve here is not an error in the file
    args: (f) => ['-c', '-dr', '-f', f],
    rejected: (code) => code !== 0,
    parse: (out) =>
      unique(
        out.split('\n').flatMap((l) => {
          const m = /^\[(ALERT|WARNING)\]\s*(?:\(\d+\))?\s*:\s*(?:config\s*:\s*)?(?:parsing\s*)?(?:\[[^\]]*?:(\d+)\])?\s*:?\s*(.*)$/.exec(
            l.trim(),
          );
          // "Error(s) found in configuration file : F", "Fatal errors found in configuration.": they only sum up the others
          if (!m || (!m[2] && HAPROXY_SUMMARY.test(m[3]))) return [];
          return [
            { line: m[2] ? line(m[2]) : null, severity: m[1] === 'ALERT' ? ('error' as const) : ('warning' as const), message: m[3] },
          ];
        }),
      ),
  },
  keepalived: {
    tool: 'keepalived',
    args: (f) => ['-t', '-e', '-f', f],
    rejected: (code) => code !== 0 && code !== 6,
    parse: (out) =>
      unique(
        out
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((l) => {
            const m = /^\((?:[^:)]*:\s*)?Line (\d+)\)\s*(.*)$/.exec(l);
            return m
              ? { line: line(m[1]), severity: 'error' as const, message: m[2] }
              : { line: null, severity: /SECURITY/.test(l) ? ('warning' as const) : ('error' as const), message: l };
          }),
      ),
  },
  corosync: {
    tool: 'corosync',
    args: (f) => ['-f', '-t', '-c', f],
    // exit 8 for a file that parses but whose nodelist has none of this machine's addresses: a fact of the machine, not the file
    rejected: (code, out) => code !== 0 && !/No valid name found for local host/.test(out),
    parse: (out) =>
      unique(
        out
          .split('\n')
          .map((l) => l.trim())
          .filter((l) => l && !COROSYNC_NOISE.test(l))
          .map((l) => {
            // `FILE:LINE: message`, or `parser error: FILE:LINE: message`
            const m = /^(?:parser error:\s*)?[^:\s]+:(\d+):\s*(.*)$/.exec(l);
            // a missing brace is "at" the line where the input ran out, not where the block is left open: no line
            if (m && /^Missing closing brace/i.test(m[2])) return { line: null, severity: 'error' as const, message: m[2] };
            return m
              ? { line: line(m[1]), severity: 'error' as const, message: m[2] }
              : { line: null, severity: 'error' as const, message: l.replace(/^.*?(?:error|warning)\s*\[[^\]]*\]\s*/i, '') };
          }),
      ),
  },
  galera: {
    tool: 'mariadbd',
    // reads the file as the server would at start, without starting it
    args: (f) => [`--defaults-file=${f}`, '--help', '--verbose'],
    rejected: (code) => code !== 0,
    parse: (out) =>
      unique(
        out.split('\n').flatMap((l): ToolMessage[] => {
          const at = /^error: (.*) in config file: .* at line:? (\d+)/.exec(l);
          if (at) return [{ line: line(at[2]), severity: 'error', message: at[1] }];
          const m = /\[(ERROR|Warning)\]\s*(.*)$/.exec(l);
          // the host's open-files limit is not the file's business
          if (!m || /max_open_files/.test(m[2])) return [];
          return [{ line: null, severity: m[1] === 'ERROR' ? 'error' : 'warning', message: m[2].replace(/^mariadbd: /, '') }];
        }),
      ),
  },
  pacemaker: {
    tool: 'crm_verify',
    args: (f) => ['-V', '--xml-file', f],
    // crm_verify exits 78 for warnings too; only "Errors found" is a rejection
    rejected: (code, out) => code !== 0 && /Errors found/.test(out),
    parse: (out) => {
      const ms: (ToolMessage & { from?: string })[] = [];
      for (const l of out.split('\n').map((x) => x.trim())) {
        if (!l || CRM_VERIFY_SUMMARY.test(l)) continue;
        // `FILE:LINE: element X: ...`, also inside libxml's `(log_xmllib_err) error: XML Error: FILE:LINE: ...`; line 0 is no line
        const m = /^(?:\(\w+\)\s*error:\s*)?(?:XML Error: )?[^:\s]+:(\d+):\s*(.*)$/.exec(l);
        if (m) {
          ms.push({ line: m[1] === '0' ? null : line(m[1]), severity: 'error', message: m[2] });
          continue;
        }
        const s = /^\((\w+)\)\s*(error|warning):\s*(.*)$/.exec(l);
        // libxml echoes the line it stopped at, and a caret under it: already said by the located message
        if (s && /^XML Error:/.test(s[3])) continue;
        const severity = s?.[2] === 'warning' ? ('warning' as const) : ('error' as const);
        const prev = ms[ms.length - 1];
        // one message over several lines of the same function (unpack_resources: the problem, then what to do): one diagnostic
        if (s && prev && prev.line === null && prev.from === s[1] && prev.severity === severity) prev.message += ` ${s[3]}`;
        else ms.push({ line: null, severity, message: s ? s[3] : l, from: s?.[1] });
      }
      return unique(ms.map(({ line: at, severity, message }) => ({ line: at, severity, message })));
    },
  },
};

/**
 * Firewall checkers run in a network namespace of their own (`unshare -rn`, no root needed): the
 * check reads the rules into an empty netfilter, never the host's.
 */
const netns = (tool: string, args: (f: string) => string[]): Checker => ({
  tool,
  command: 'unshare',
  args: (f) => ['-rn', tool, ...args(f)],
  // unshare exits 127 when the tool is missing: said as a missing tool, not as a verdict on the file
  rejected: (code) => code !== 0 && code !== 127,
  parse: (out) => {
    const at = /Error occurred at line: (\d+)/.exec(out)?.[1];
    return unique(
      out
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !/^(Error occurred at line|Try `)/.test(l))
        .flatMap((l): ToolMessage[] => {
          const nft = /^[^:\s]+:(\d+):[\d-]+: (Error|Warning): (.*)$/.exec(l);
          if (nft) return [{ line: line(nft[1]), severity: nft[2] === 'Error' ? 'error' : 'warning', message: nft[3] }];
          if (/^\s*\^+\s*$/.test(l) || !/error|invalid|unknown|expected|bad|can't|cannot/i.test(l)) return [];
          return [
            { line: at ? line(at) : null, severity: 'error', message: l.replace(/^ip6?tables-restore(?: v[\d.]+)?(?: \([^)]*\))?: /, '') },
          ];
        }),
    );
  },
});
export const FIREWALL_CHECKERS = {
  iptables: netns('iptables-restore', (f) => ['--test', f]),
  ip6tables: netns('ip6tables-restore', (f) => ['--test', f]),
  nft: netns('nft', (f) => ['-c', '-f', f]),
};

/** Which checker a file gets: crm_verify only reads CIB XML, not pcs or crm scripts; firewall scripts and zones get none. */
export function checkerFor(kind: DocumentKind | null, path: string): Checker | undefined {
  if (!kind) return undefined;
  if (kind === 'pacemaker' && !/\.xml$/i.test(path)) return undefined;
  if (kind === 'firewall') {
    if (/\.nft$|(^|[\\/])nftables\.conf$/.test(path)) return FIREWALL_CHECKERS.nft;
    if (/\.(sh|bash|xml)$/.test(path)) return undefined;
    return /(^|[\\/])(rules\.v6|ip6tables[^\\/]*|user6\.rules)$/.test(path) ? FIREWALL_CHECKERS.ip6tables : FIREWALL_CHECKERS.iptables;
  }
  return CHECKERS[kind];
}

/** One checker process at a time: saves queue up behind the running one. */
export class ToolRunner {
  private chain: Promise<unknown> = Promise.resolve();
  private missing = new Set<string>();
  constructor(
    public timeoutMs = 10_000,
    private spawnTool = spawn,
  ) {}

  run(checker: Checker, file: string): Promise<ToolRun> {
    const job = this.chain.then(() => this.exec(checker, file));
    this.chain = job.catch(() => undefined);
    return job;
  }

  private exec(c: Checker, file: string): Promise<ToolRun> {
    return new Promise((resolve) => {
      let out = '';
      let done = false;
      const finish = (r: ToolRun) => {
        if (!done) {
          done = true;
          clearTimeout(timer);
          resolve(r);
        }
      };
      const child = this.spawnTool(c.command ?? c.tool, c.args(file), { stdio: ['ignore', 'pipe', 'pipe'] });
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish({
          tool: c.tool,
          rejected: false,
          messages: [],
          problem: `${c.tool} did not finish within ${this.timeoutMs} ms and was stopped`,
        });
      }, this.timeoutMs);
      child.stdout?.on('data', (d: Buffer) => {
        if (out.length < 1 << 20) out += d.toString('utf8');
      });
      child.stderr?.on('data', (d: Buffer) => {
        if (out.length < 1 << 20) out += d.toString('utf8');
      });
      // a tool that is not there is said once, not at every save
      const notInstalled = (): ToolRun => {
        const first = !this.missing.has(c.tool);
        this.missing.add(c.tool);
        return {
          tool: c.tool,
          rejected: false,
          messages: [],
          problem: first ? `${c.tool} is not installed or not on PATH: the file was not checked by it` : undefined,
        };
      };
      child.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') {
          finish(notInstalled());
          return;
        }
        this.missing.add(c.tool);
        finish({ tool: c.tool, rejected: false, messages: [], problem: `${c.tool} could not be started: ${e.message}` });
      });
      child.on('close', (code) => {
        // through unshare, a missing tool is unshare's message, not an error of spawn
        if (c.command && /^unshare: failed to execute/m.test(out)) {
          finish(notInstalled());
          return;
        }
        // no user namespaces on this host: the check cannot be kept away from the host's own rules, so it is not run
        const refused = c.command ? /^unshare: (.*)$/m.exec(out) : null;
        if (refused) {
          finish({
            tool: c.tool,
            rejected: false,
            messages: [],
            problem: `${c.tool} was not run: it needs a private network namespace (${refused[1]})`,
          });
          return;
        }
        // the tools quote the file (mariadbd: unknown variable 'password=...'): every message is masked, and its invisible characters escaped, before it is shown
        const messages = c.parse(out).map((m) => ({ ...m, message: escapeInvisible(maskSecretsInLine(m.message)) }));
        finish({ tool: c.tool, rejected: c.rejected(code ?? 1, out), messages });
      });
    });
  }
}
