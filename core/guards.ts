// The one copy of the small checks every reader of untrusted JSON needs.

export type Obj = Record<string, unknown>;

/** A plain JSON object (not null, not an array). */
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A finite number, or a string that spells one in decimal (sites send both); else null. */
export function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(v)) {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/** A non-blank string, trimmed; else null. */
export function text(v: unknown): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** A short, safe description of a value for a problem's parameters. */
export function show(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.slice(0, 40));
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  return v === undefined ? 'missing' : Array.isArray(v) ? 'an array' : typeof v;
}

/** A numeric field: null when absent, NaN when present but not a number (refused later, with a reason). */
export function presentNum(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return num(v) ?? Number.NaN;
}

/** The words of something thrown: an Error's message, or the value itself. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Text that starts like markup: a login or error page where JSON was expected. */
export const looksLikeHtml = (s: string): boolean => /^\s*</.test(s);
