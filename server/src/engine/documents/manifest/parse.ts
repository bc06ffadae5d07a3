/**
 * Text -> YAML document, guarded: binary and oversized input, YAML errors and alias bombs become
 * findings instead of crashes or hangs.
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node, parseAllDocuments } from 'yaml';
import { Finding, Span } from '../../types';
import { tooDeepMessage, yamlTooDeep } from '../../text/depth';
import { maskSecretsInLine } from '../../text/secrets';

/** Above this size a file is not parsed: the yaml parser needs ~1 s per MiB here. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;
/** Above this many nodes once aliases are expanded, the document is treated as an alias bomb. */
export const MAX_EXPANDED_NODES = 100_000;

export interface Parsed {
  doc: Document | null;
  findings: Finding[];
  /** true when rules may run */ ok: boolean;
}

const finding = (rule: string, message: string, span: Span): Finding => ({ rule, severity: 'error', message, span, fixes: [] });

export function looksBinary(text: string): boolean {
  const head = text.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  let odd = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return head.length > 0 && odd / head.length > 0.1;
}

/**
 * `run` with errors made without a stack trace: yaml makes an Error per problem, and capturing the
 * stack is most of the cost of a broken file (100,000 broken lines: 5.9 s). Only their messages and positions are read.
 */
function withoutStacks<T>(run: () => T): T {
  const E = Error as { stackTraceLimit?: number };
  const limit = E.stackTraceLimit;
  E.stackTraceLimit = 0;
  try {
    return run();
  } finally {
    E.stackTraceLimit = limit;
  }
}

/**
 * The last few texts read by the deployment tools' readers (openstack_user_config.yml, globals.yml,
 * their hover), which only read the document: a file's check and its hover share one parse.
 */
const READ_ONLY = new Map<string, Parsed>();
export function parseYamlReadOnly(text: string): Parsed {
  const kept = READ_ONLY.get(text);
  if (kept) return kept;
  const parsed = parseManifestText(text);
  READ_ONLY.set(text, parsed);
  if (READ_ONLY.size > 4) READ_ONLY.delete(READ_ONLY.keys().next().value!);
  return parsed;
}

export function parseManifestText(text: string): Parsed {
  if (looksBinary(text))
    return { doc: null, ok: false, findings: [finding('parse-error', 'this is a binary file, not a YAML manifest', { start: 0, end: 0 })] };
  if (text.length > MAX_MANIFEST_BYTES) {
    return {
      doc: null,
      ok: false,
      findings: [
        finding(
          'file-too-large',
          `the file has ${text.length} characters; manifests over ${MAX_MANIFEST_BYTES} are not analysed (split it, or check the file is the manifest you meant)`,
          { start: 0, end: 0 },
        ),
      ],
    };
  }
  // the yaml composer recurses per level: a file nested past the bound is one parse error, never a stack overflow
  const deep = yamlTooDeep(text);
  if (deep >= 0)
    return { doc: null, ok: false, findings: [finding('parse-error', tooDeepMessage('YAML'), { start: deep, end: deep + 1 })] };
  // uniqueKeys off: yaml's own check compares every key with every other (5000 nodes: +400 ms); duplicateKeys() is linear
  const docs = withoutStacks(() => parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false, keepSourceTokens: false }));
  // parseAllDocuments returns an EmptyStream for an empty or comments-only text
  const doc = Array.isArray(docs) ? (docs.find((d) => d.contents !== null) ?? docs[0] ?? null) : null;
  if (!doc) return { doc: null, ok: true, findings: [] };
  const findings: Finding[] = [];
  let fatal = false;
  for (const e of doc.errors) {
    // yaml puts an error at the end of the text (an unclosed [ or quote) one character past it
    const start = Math.min(e.pos[0], text.length);
    const span = { start, end: Math.min(Math.max(start, e.pos[1]), text.length) };
    fatal = true;
    findings.push(finding('parse-error', maskSecretsInLine(cleanMessage(e.message)), widen(text, span)));
  }
  if (!fatal) for (const k of duplicateKeys(doc.contents)) findings.push(finding('duplicate-key', duplicateKeyMessage(text, k), k));
  if (!fatal) {
    const size = expandedSize(doc);
    if (size > MAX_EXPANDED_NODES) {
      const first = firstAlias(doc.contents);
      fatal = true;
      findings.push(
        finding(
          'parse-error',
          `aliases expand this document to more than ${MAX_EXPANDED_NODES} nodes (an alias bomb); it is not analysed`,
          first ? { start: first.range![0], end: first.range![1] } : { start: 0, end: 0 },
        ),
      );
    }
  }
  return { doc, ok: !fatal, findings };
}

/** yaml often marks one character; underline the word there so the editor shows something visible. */
function widen(text: string, span: Span): Span {
  if (span.end - span.start > 1) return span;
  const m = /^\S+/.exec(text.slice(span.start, span.start + 200));
  return m ? { start: span.start, end: span.start + m[0].length } : span;
}

/** Keys written twice in one mapping, at every depth (aliases are not followed: their targets are visited where they stand). */
export function duplicateKeys(root: unknown): Span[] {
  const out: Span[] = [];
  const visit = (n: unknown): void => {
    if (isMap(n)) {
      const seen = new Set<unknown>();
      for (const p of n.items) {
        const k = isScalar(p.key) ? p.key.value : undefined;
        if (k !== undefined && k !== null && typeof k !== 'object') {
          if (seen.has(k)) {
            const r = (p.key as Node).range!;
            out.push({ start: r[0], end: r[1] });
          } else seen.add(k);
        }
        visit(p.value);
      }
    } else if (isSeq(n)) for (const it of n.items) visit(it);
  };
  visit(root);
  return out;
}

function duplicateKeyMessage(text: string, span: Span): string {
  const key = text.slice(span.start, span.end).trim();
  return key
    ? `the key '${key}' is already defined in this mapping; YAML tools disagree on which one wins`
    : 'a key is defined twice in this mapping';
}

function cleanMessage(msg: string): string {
  const m = msg.replace(/ at line \d+, column \d+.*$/s, '').trim();
  return m.charAt(0).toLowerCase() + m.slice(1);
}

/** Node count with every alias expanded, memoised per anchor target: linear even for a bomb. */
function expandedSize(doc: Document): number {
  const memo = new Map<Node, number>();
  const size = (n: unknown, depth: number): number => {
    if (depth > 200) return MAX_EXPANDED_NODES + 1;
    if (isAlias(n)) {
      const t = n.resolve(doc) as Node | undefined;
      return t ? size(t, depth + 1) : 1;
    }
    if (isPair(n)) return size(n.key, depth + 1) + size(n.value, depth + 1);
    if (!isMap(n) && !isSeq(n)) return 1;
    const cached = memo.get(n);
    if (cached !== undefined) return cached;
    memo.set(n, MAX_EXPANDED_NODES + 1); // a cycle counts as infinite
    let total = 1;
    for (const it of n.items as unknown[]) {
      total += size(it, depth + 1);
      if (total > MAX_EXPANDED_NODES) break;
    }
    memo.set(n, total);
    return total;
  };
  return size(doc.contents, 0);
}

function firstAlias(n: unknown): Node | null {
  if (isAlias(n)) return n;
  if (isPair(n)) return firstAlias(n.key) ?? firstAlias(n.value);
  if (isMap(n) || isSeq(n)) {
    for (const it of n.items as unknown[]) {
      const a = firstAlias(it);
      if (a) return a;
    }
  }
  return null;
}
