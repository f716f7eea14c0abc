// Numbers and clock times as people type and pages show them, read strictly: anything
// ambiguous is null rather than a guess.

/** "1:02:03", "45:10" or "58s" to seconds; null for anything else. */
export function parseClock(text: string): number | null {
  const t = text.trim();
  let m = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  m = /^(\d+):([0-5]\d)$/.exec(t);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d+)\s*s$/.exec(t);
  return m ? Number(m[1]) : null;
}

/** "12.5", "12,5" (comma decimal) or "1,234.5" to a number; null when ambiguous or not a number. */
export function parseLocaleNumber(text: string): number | null {
  const t = text.replace(/\s/g, '');
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  return null;
}
