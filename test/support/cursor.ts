/** `‸` marks the cursor in a fixture; returns the text without it and the cursor's offset. */
import { withHeader } from './fixture';

export function cursor(src: string): { text: string; offset: number } {
  const t = withHeader(src);
  const offset = t.indexOf('‸');
  if (offset < 0) throw new Error('fixture has no ‸ cursor');
  return { text: t.slice(0, offset) + t.slice(offset + 1), offset };
}
