// A push CSV parser (RFC 4180 and what spreadsheets write): quoted fields with embedded commas,
// quotes ("") and newlines; CRLF, LF or CR line ends; text fed in pieces of any size, so a big
// activities.csv is parsed as it is decompressed.

import { READ_BUDGET } from './read-budget';
import { problem } from '../problem-codes';
import { FileRefusal } from './types';

export class CsvParser {
  private row: string[] = [];
  private field = '';
  private inQuotes = false;
  /** The previous character was a quote inside a quoted field (end of quotes, or "" escape). */
  private quoteSeen = false;
  private lastWasCR = false;
  private rows = 0;
  /** Characters (separators included) of the row being read. */
  private rowChars = 0;

  constructor(
    private readonly onRow: (fields: string[], index: number) => void,
    private readonly maxFieldLength = 1_000_000,
    /** A row past this is no export's row: the parse ends with a refusal instead of growing without end. */
    private readonly maxRowChars = READ_BUDGET.maxCsvRowChars,
  ) {}

  push(text: string): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inQuotes) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === 0x22) {
            this.field += '"';
            i++;
            continue;
          }
          this.inQuotes = false;
          continue; // re-read c outside quotes
        }
        if (c === 0x22) {
          this.quoteSeen = true;
          i++;
          continue;
        }
        // Copy a run of ordinary characters at once.
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        this.append(text.slice(i, end));
        i = end;
        continue;
      }
      if (this.lastWasCR) {
        this.lastWasCR = false;
        if (c === 0x0a) {
          i++;
          continue;
        }
      }
      if (c === 0x2c /* , */) {
        this.grow(1);
        this.row.push(this.field);
        this.field = '';
        i++;
      } else if (c === 0x0a || c === 0x0d) {
        this.endRow();
        this.lastWasCR = c === 0x0d;
        i++;
      } else if (c === 0x22 && this.field === '') {
        this.inQuotes = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 0x2c || d === 0x0a || d === 0x0d) break;
          j++;
        }
        this.append(text.slice(i, j));
        i = j;
      }
    }
  }

  end(): void {
    if (this.inQuotes && this.quoteSeen) {
      this.inQuotes = false;
      this.quoteSeen = false;
    }
    if (this.field !== '' || this.row.length > 0) this.endRow();
  }

  private grow(n: number): void {
    this.rowChars += n;
    if (this.rowChars > this.maxRowChars)
      throw new FileRefusal(problem('csv_row_too_long', this.rows + 1, this.maxRowChars));
  }

  private append(s: string): void {
    this.grow(s.length);
    if (this.field.length + s.length <= this.maxFieldLength) this.field += s;
  }

  private endRow(): void {
    this.row.push(this.field);
    this.field = '';
    const row = this.row;
    this.row = [];
    this.rowChars = 0;
    // Blank lines are not rows.
    if (row.length === 1 && row[0] === '') return;
    this.onRow(row, this.rows++);
  }
}

/** Parses a whole CSV text into rows (for small inputs and tests). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const p = new CsvParser((r) => rows.push(r));
  p.push(text);
  p.end();
  return rows;
}
