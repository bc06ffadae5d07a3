/**
 * A finding's fingerprint: what SARIF's partialFingerprints and a baseline (baseline.ts) key it by.
 * It must survive lines moving (a comment added above), so it holds no line number: the rule, the
 * file as the report names it (forward slashes), the flagged text with its whitespace folded (the
 * line's text when the range is empty; the lines masked when they hold a credential), and which one
 * it is among findings with all three equal.
 */
import { createHash } from 'crypto';
import type { Finding } from '../engine/types';
import type { LineIndex } from '../engine/text/line-index';
import { maskSecretsInLine } from '../engine/text/secrets';

/** The partialFingerprints key: versioned, so that a new way of computing it never matches an old one. */
export const FINGERPRINT_KEY = 'openstackHa/v1';

/** A report's file as SARIF and baselines name it. */
export const slashed = (file: string) => file.split('\\').join('/');

/** One fingerprint per finding, in the findings' order. */
export function fingerprints(file: string, lines: LineIndex, findings: readonly Finding[]): string[] {
  const name = slashed(file);
  const seen = new Map<string, number>();
  // numbered in the order of the text, whatever order the findings come in
  const order = findings.map((f, i) => i).sort((a, b) => findings[a].span.start - findings[b].span.start || a - b);
  const out: string[] = new Array(findings.length);
  for (const i of order) {
    const f = findings[i];
    const digest = createHash('sha256')
      .update(`${f.rule}\0${name}\0${flagged(lines, f)}`)
      .digest('hex')
      .slice(0, 32);
    const n = (seen.get(digest) ?? 0) + 1;
    seen.set(digest, n);
    out[i] = `${digest}:${n}`;
  }
  return out;
}

const fold = (s: string) => s.trim().replace(/\s+/g, ' ');

function flagged(lines: LineIndex, f: Finding): string {
  // a fingerprint is a hash, and a hash of a short password can be guessed: lines holding a
  // credential count with it masked, so that no secret's value goes into the hash
  const first = lines.position(f.span.start).line,
    last = lines.position(f.span.end).line;
  const whole: string[] = [];
  for (let l = first; l <= last; l++) whole.push(lines.lineText(l));
  const masked = whole.map(maskSecretsInLine);
  if (masked.some((m, i) => m !== whole[i])) return fold(masked.join('\n'));
  const text = fold(lines.text.slice(f.span.start, f.span.end));
  if (text) return text;
  return fold(lines.lineText(lines.position(f.span.start).line));
}
