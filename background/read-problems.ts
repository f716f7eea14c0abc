import { browser } from 'wxt/browser';
import type { ReadProblem, Site, StoredProblem } from '../core/messages';
import { storedProblem } from '../core/problem-codes';

// Site readers that expected data and found none report it here, so the popup can say
// "couldn't read this page" instead of silently missing runs.
const KEY = 'readProblems';
const MAX = 20;

export type { StoredProblem };

export async function listProblems(): Promise<StoredProblem[]> {
  const got = await browser.storage.local.get(KEY);
  const v = got[KEY];
  // Reasons stored by older versions may be English text: read back as codes.
  return Array.isArray(v) ? (v as StoredProblem[]).map((p) => ({ ...p, reason: storedProblem(p.reason) })) : [];
}

export async function addProblem(p: ReadProblem | Omit<StoredProblem, 'atMs'>, nowMs: number): Promise<void> {
  const rest = (await listProblems()).filter((x) => !(x.site === p.site && x.page === p.page));
  await browser.storage.local.set({ [KEY]: [{ ...p, atMs: nowMs }, ...rest].slice(0, MAX) });
}

/** A successful read from a site shows its readers work again; `page`: only that reader's. True if any went. */
export async function clearProblems(site?: Site, page?: string): Promise<boolean> {
  const all = await listProblems();
  const keep = site ? all.filter((x) => x.site !== site || (page !== undefined && x.page !== page)) : [];
  if (keep.length === all.length) return false;
  await browser.storage.local.set({ [KEY]: keep });
  return true;
}
