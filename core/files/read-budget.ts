import { FileRefusal } from './types';
import { problem } from '../problem-codes';

// The work one import may do, whatever its files claim: bytes inflated in all, entries read,
// archive nesting, and how far data may expand. Past any of them the input ends with a clear
// outcome ("too large", "damaged archive") instead of minutes of work or running out of memory.

export const READ_BUDGET = {
  /** Inflated bytes in all, over every file and entry of one import. */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Archive entries (and export rows) read in all. */
  maxEntries: 50_000,
  /** A zip or gzip file inside a zip is read; one level further is not. */
  maxNesting: 2,
  /**
   * Real activity data compresses 3-30 times (FIT, GPX, JSON, CSV); a stream expanding more than
   * this, past ratioFreeBytes, is a decompression bomb, not an export.
   */
  maxRatio: 200,
  ratioFreeBytes: 4 * 1024 * 1024,
  /** Rows of one activities.csv: ten thousand years of daily runs. */
  maxCsvRows: 200_000,
  /** Characters of one CSV row (Strava's descriptions are a few kilobytes at most). */
  maxCsvRowChars: 1024 * 1024,
} as const;

const mb = (n: number) => Math.round(n / 1048576);

/** What one import has spent so far; shared by every file and entry it reads. */
export class ReadBudget {
  inflated = 0;
  entries = 0;

  /** Counts inflated bytes; refuses once the import as a whole is past its budget. */
  spendInflated(n: number): void {
    this.inflated += n;
    if (this.inflated > READ_BUDGET.maxInflatedBytes)
      throw new FileRefusal(problem('import_too_much_data', mb(READ_BUDGET.maxInflatedBytes)));
  }

  spendEntries(n: number): void {
    this.entries += n;
    if (this.entries > READ_BUDGET.maxEntries)
      throw new FileRefusal(problem('import_too_many_entries', READ_BUDGET.maxEntries));
  }
}

/** Refuses a stream that has expanded implausibly far from the compressed bytes it consumed. */
export function checkExpansion(inflated: number, consumed: number, what: string): void {
  if (inflated > READ_BUDGET.ratioFreeBytes && inflated > READ_BUDGET.maxRatio * Math.max(consumed, 1))
    throw new FileRefusal(problem('archive_bomb', what, READ_BUDGET.maxRatio));
}

let lastYield = 0;

/**
 * Lets the event loop run (a popup's message, a click) when this reading has held it for more
 * than a few milliseconds: awaiting a promise alone never does, only a new task.
 */
export async function yieldToOthers(sliceMs = 16): Promise<void> {
  const now = Date.now();
  if (now - lastYield < sliceMs) return;
  await new Promise<void>((resolve) => setTimeout(resolve, 0));
  lastYield = Date.now();
}
