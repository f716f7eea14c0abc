import type { HipCheckLine } from '../scenarios/driver';

/** What Playwright's and Puppeteer's pages both offer for console messages. */
interface ConsolePage {
  on(event: 'console', listener: (m: { text(): string; args(): { jsonValue(): Promise<unknown> }[] }) => void): unknown;
}

/**
 * Starts collecting what Hip Check's content scripts log on a page ("[Hip Check] …" lines, see
 * HipCheckLine); call it before the page loads. Returns what was logged so far. Both drivers use it.
 */
export function collectHipCheckLog(page: ConsolePage): () => Promise<HipCheckLine[]> {
  const lines: Promise<HipCheckLine>[] = [];
  page.on('console', (m) => {
    if (!m.text().startsWith('[Hip Check]')) return;
    lines.push(
      Promise.all(m.args().map((a) => a.jsonValue().catch(() => null))).then(([message, ...values]) => ({
        message: String(message),
        values,
      })),
    );
  });
  return () => Promise.all(lines);
}

/** The background's answers to a page's messages, in the order they came: what was sent (a site data kind or a message type) and the answer. */
export async function answers(log: () => Promise<HipCheckLine[]>): Promise<{ sent: unknown; answer: unknown }[]> {
  return (await log())
    .filter((l) => l.message === '[Hip Check] answer:')
    .map((l) => ({ sent: l.values[0], answer: l.values[1] }));
}

/** How each My Activities backfill on the page ended (its "[Hip Check] Strava backfill:" line). */
export async function backfillsEnded(log: () => Promise<HipCheckLine[]>): Promise<unknown[]> {
  return (await log()).filter((l) => l.message === '[Hip Check] Strava backfill:').map((l) => l.values[0]);
}
