/**
 * What one document may cost (issue 11): how many findings of a rule it reports, and how long its
 * rules may run. A 1 MB broken file once sent 500,000 diagnostics in one 138 MB message, and a
 * 150 KB nova.conf held the language server 13.7 s per keystroke.
 */
import type { Finding, Severity } from './types';

/** At most this many findings of one rule per file; the rest are counted in one more finding of that rule. */
export const MAX_FINDINGS_PER_RULE = 100;

/** A document's rules stop being started once they have run this long; the ones left are named in one finding. */
export const RULE_BUDGET_MS = 1500;

/** The rule id of the finding that says a document's rules stopped before all had run. */
export const CHECK_INCOMPLETE = 'check-incomplete';

/** How many findings each "and M more" finding stands for: a list capped twice (pacemaker + firewall script) adds them up. */
const HIDDEN = new WeakMap<Finding, number>();

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/**
 * The first MAX_FINDINGS_PER_RULE findings of each rule, and for a rule that had more, one finding
 * of it in the place of the first one left out: "and M more", as severe as the worst left out. The
 * order of `findings` is kept, so a sorted list stays sorted.
 */
export function capPerRule(findings: Finding[], max = MAX_FINDINGS_PER_RULE): Finding[] {
  const kept = new Map<string, number>();
  const more = new Map<string, { at: number; first: Finding; count: number; severity: Severity }>();
  const out: Finding[] = [];
  for (const f of findings) {
    const hidden = HIDDEN.get(f);
    const n = kept.get(f.rule) ?? 0;
    if (hidden === undefined && n < max) {
      kept.set(f.rule, n + 1);
      out.push(f);
      continue;
    }
    const m = more.get(f.rule);
    const count = hidden ?? 1;
    if (!m) {
      more.set(f.rule, { at: out.length, first: f, count, severity: f.severity });
      out.push(f); // its place, for the summary below
    } else {
      m.count += count;
      if (RANK[f.severity] < RANK[m.severity]) m.severity = f.severity;
    }
  }
  if (!more.size) return out;
  for (const [rule, m] of more) {
    const f: Finding = {
      rule,
      severity: m.severity,
      message: `and ${m.count} more ${rule} finding${m.count === 1 ? '' : 's'} in this file, not listed (at most ${max} per rule and file)`,
      span: m.first.span,
      fixes: [],
    };
    HIDDEN.set(f, m.count);
    out[m.at] = f;
  }
  return out;
}

/** The finding for rules left unrun when the budget ran out: a warning, never an error (nothing is known to be wrong). */
export function checkIncomplete(skipped: string[], ms: number, budgetMs = RULE_BUDGET_MS): Finding {
  return {
    rule: CHECK_INCOMPLETE,
    severity: 'warning',
    message: `the check of this file stopped after ${Math.round(ms)} ms (budget ${budgetMs} ms); ${skipped.length} rule${skipped.length === 1 ? '' : 's'} did not run: ${skipped.join(', ')}`,
    span: { start: 0, end: 0 },
    fixes: [],
  };
}
