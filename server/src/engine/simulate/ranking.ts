/** How bad a scenario's outcome is: counts of services per verdict, worst verdict first. */
import type { ScenarioResult } from './scenario';
import { VERDICT_ORDER } from './scenario';
import type { Verdict } from './types';

export function rankOf(r: ScenarioResult): number[] {
  return VERDICT_ORDER.map((v) => r.services.filter((s) => s.verdict === v).length);
}

/** The worst verdict of a scenario's services ('available' when it has none). */
export function worstVerdict(r: ScenarioResult): Verdict {
  for (const v of VERDICT_ORDER) if (r.services.some((s) => s.verdict === v)) return v;
  return 'available';
}
