/**
 * Incremental parsing for the editor: a manifest is cut into pieces at its top-level keys and at
 * the entries of block sections (one piece per node, cluster, VIP, service). Each piece is parsed
 * alone and cached by its text, so a keystroke re-parses one entry, not the whole file; the pieces'
 * nodes are re-assembled, at their real offsets, into one Document that the rest of the engine
 * cannot tell from a full parse. Anything unusual (aliases, tags, documents markers, errors,
 * duplicate keys across pieces) falls back to the full parse, which stays the reference.
 */
import { Document, isMap, isPair, isScalar, isSeq, Node, Pair, parseDocument, YAMLMap } from 'yaml';
import { MAX_MANIFEST_BYTES, Parsed, parseManifestText, looksBinary } from './parse';
import { yamlTooDeep } from '../../text/depth';

interface Piece {
  text: string;
  at: number;
}
interface Section {
  header: Piece;
  children: Piece[] | null;
}

const KEY_ONLY_LINE = /^[A-Za-z_][\w.-]*:[ \t]*(#.*)?$/;
const TOP_KEY_LINE = /^[A-Za-z_][\w.-]*:([ \t]|$)/;
// anchors, aliases, tags, directives and document markers need the whole-document parser
const UNUSUAL = /(^|[\s,[{:-])[&*!][^\s]|^%|^(---|\.\.\.)(\s|$)|\t/m;

/** Cuts the text into pieces, or returns null when it is not plain enough to cut safely. */
export function splitManifest(text: string): Section[] | null {
  if (UNUSUAL.test(text)) return null;
  const lines = text.split('\n');
  const starts: number[] = [];
  let off = 0;
  for (const l of lines) {
    starts.push(off);
    off += l.length + 1;
  }
  const isBlankOrComment = (l: string) => /^\s*(#.*)?\r?$/.test(l);
  // top-level sections: a non-comment line at column 0 starts one; leading comments join the first
  const tops: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (isBlankOrComment(l) || /^\s/.test(l)) continue;
    if (!TOP_KEY_LINE.test(l)) return null; // a root that is not a block mapping
    tops.push(i);
  }
  if (tops.length === 0) return null;
  const sections: Section[] = [];
  for (let t = 0; t < tops.length; t++) {
    const first = t === 0 ? 0 : tops[t];
    const headLine = tops[t];
    const end = t + 1 < tops.length ? tops[t + 1] : lines.length;
    const at = starts[first];
    const stop = end < lines.length ? starts[end] : text.length;
    const whole: Piece = { text: text.slice(at, stop), at };
    if (!KEY_ONLY_LINE.test(lines[headLine].replace(/\r$/, ''))) {
      sections.push({ header: whole, children: null });
      continue;
    }
    // entries of a block mapping: lines at the first body line's indentation
    let childIndent = -1;
    const childStarts: number[] = [];
    for (let i = headLine + 1; i < end; i++) {
      const l = lines[i];
      if (isBlankOrComment(l)) continue;
      const ind = /^ */.exec(l)![0].length;
      if (childIndent < 0) {
        if (l.trimStart().startsWith('-') || l.trimStart().startsWith('{') || l.trimStart().startsWith('[')) {
          childIndent = -2;
          break;
        }
        childIndent = ind;
      }
      if (ind < childIndent) return null;
      if (ind === childIndent) {
        if (!/^\s*[^\s#:'"\-[{?|>!&*%@`][^:]*:([ \t]|\r?$)/.test(l)) return null;
        // comments and blank lines just above an entry start its piece, as the composer attaches them to it
        let c = i;
        while (
          c - 1 > headLine &&
          isBlankOrComment(lines[c - 1]) &&
          (childStarts.length === 0 || c - 1 > childStarts[childStarts.length - 1])
        )
          c--;
        childStarts.push(childStarts.length === 0 ? i : c);
      }
    }
    if (childIndent === -2 || childStarts.length === 0) {
      sections.push({ header: whole, children: null });
      continue;
    }
    const header: Piece = { text: text.slice(at, starts[childStarts[0]]), at };
    const children: Piece[] = childStarts.map((c, k) => {
      const s = starts[c];
      const e = k + 1 < childStarts.length ? starts[childStarts[k + 1]] : stop;
      return { text: text.slice(s, e), at: s };
    });
    sections.push({ header, children });
  }
  return sections;
}

type Range3 = [number, number, number];

/** Moves every range in a parsed piece by `delta` characters. */
function shift(n: unknown, delta: number): void {
  if (!n || delta === 0) return;
  if (isPair(n)) {
    shift(n.key, delta);
    shift(n.value, delta);
    return;
  }
  const node = n as Node;
  if (node.range) {
    const r = node.range as Range3;
    node.range = [r[0] + delta, r[1] + delta, r[2] + delta];
  }
  if (isMap(n) || isSeq(n)) for (const it of n.items as unknown[]) shift(it, delta);
}

interface Cached {
  doc: Document;
  at: number;
}

export class IncrementalManifestParser {
  /** Parsed entries by their text, and section headers apart (a header may end empty, an entry may not). */
  private cache = new Map<string, Cached[]>();
  private headers = new Map<string, Cached[]>();
  /** How the last parse went, for tests and the benchmark. */
  lastStats = { pieces: 0, reparsed: 0, full: false };

  parse(text: string): Parsed {
    if (text.length > MAX_MANIFEST_BYTES || looksBinary(text)) return this.full(text);
    const sections = splitManifest(text);
    if (!sections) return this.full(text);
    const next = new Map<string, Cached[]>();
    const nextHeaders = new Map<string, Cached[]>();
    let reparsed = 0,
      pieces = 0;
    const take = (p: Piece, header = false): YAMLMap | null => {
      pieces++;
      // a header may end empty (its children are assembled into it), an entry may not: cache them apart
      const key = p.text;
      const cache = header ? this.headers : this.cache;
      const list = cache.get(key);
      let c = list?.pop();
      if (c) {
        shift(c.doc.contents, p.at - c.at);
        c.at = p.at;
      } else {
        reparsed++;
        // nested past the bound (an entry sits one level below its section): the full parse says where
        if (yamlTooDeep(p.text, header ? 0 : 1) >= 0) return null;
        const doc = parseDocument(p.text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
        // an empty value at a piece's end would end, in the whole file, at the next piece's first token
        if (doc.errors.length || !isMap(doc.contents) || (!header && endsEmpty(doc.contents))) return null;
        shift(doc.contents, p.at);
        c = { doc, at: p.at };
      }
      const into = header ? nextHeaders : next;
      const l = into.get(key);
      if (l) l.push(c);
      else into.set(key, [c]);
      return c.doc.contents as YAMLMap;
    };
    const root = new YAMLMap();
    for (const s of sections) {
      const head = take(s.header, !!s.children);
      if (!head || head.items.length !== 1) return this.full(text);
      const pair = head.items[0] as Pair;
      if (s.children) {
        const value = new YAMLMap();
        let lastPiece: YAMLMap | null = null;
        for (const ch of s.children) {
          lastPiece = take(ch);
          if (!lastPiece || lastPiece.items.length !== 1) return this.full(text);
          value.items.push(lastPiece.items[0] as Pair);
        }
        // as the composer does: the end is the last value's end, comments after it count in range[2]
        const first = (value.items[0].key as Node).range as Range3;
        value.range = [first[0], this.lastRange(value), (lastPiece!.range as Range3)[2]];
        if (hasDuplicateKeys(value)) return this.full(text);
        // the header piece parsed `key:` alone as null; the section's value is the assembled mapping
        // (a new Pair: the cached header must not hold the children, or they would shift twice)
        root.items.push(new Pair(pair.key, value));
      } else root.items.push(pair);
    }
    if (hasDuplicateKeys(root)) return this.full(text);
    const firstKey = (root.items[0].key as Node).range as Range3;
    root.range = [firstKey[0], this.lastRange(root), text.length];
    const doc = new Document();
    doc.contents = root;
    this.cache = next;
    this.headers = nextHeaders;
    this.lastStats = { pieces, reparsed, full: false };
    return { doc, findings: [], ok: true };
  }

  private lastRange(m: YAMLMap): number {
    const last = m.items[m.items.length - 1];
    const v = last.value as Node | null;
    return ((v?.range ?? (last.key as Node).range) as Range3)[2];
  }

  private full(text: string): Parsed {
    this.cache.clear();
    this.headers.clear();
    this.lastStats = { pieces: 1, reparsed: 1, full: true };
    return parseManifestText(text);
  }
}

function hasDuplicateKeys(m: YAMLMap): boolean {
  const seen = new Set<unknown>();
  for (const p of m.items) {
    const k = isScalar(p.key) ? p.key.value : p.key;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/** Whether the last value written in a piece (at any depth) is empty, as in `roles:` still being typed. */
function endsEmpty(n: unknown): boolean {
  if (isPair(n)) return n.value === null || endsEmpty(n.value);
  if (isMap(n) || isSeq(n)) return n.items.length === 0 ? !n.flow : endsEmpty(n.items[n.items.length - 1]);
  return isScalar(n) && n.value === null && !n.source;
}
