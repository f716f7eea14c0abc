import type { SiteReads } from './catch-up';
import { localDateOf } from './local-date';

// Apart from core/catch-up.ts so the popup's first paint (the stale note under the verdict)
// carries this alone, not the rest of the catch-up rules its later chunk uses.

/** Either site's list was read today; when neither was, a run from today may not be in the history yet. */
export function readToday(reads: SiteReads, nowMs: number, timeZone: string): boolean {
  const today = localDateOf(nowMs, timeZone);
  return Object.values(reads).some((at) => at !== null && localDateOf(at, timeZone) === today);
}
