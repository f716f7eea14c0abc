import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SITE_MESSAGE_RATE } from '../../../core/site-message-rate';

// The rate lives in the content script's module (one page visit): a fresh module per test.
let received: { type: string; problem?: unknown }[];

async function freshSender() {
  vi.resetModules();
  return (await import('../../../content/send-to-background')).sendToBackground;
}

const reading = () =>
  ({
    type: 'site/data',
    data: {
      kind: 'garmin-response',
      url: 'https://connect.garmin.com/gc-api/x',
      status: 200,
      text: '{}',
      viewerId: null,
    },
  }) as const;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.UTC(2026, 10, 25, 6, 0, 0));
  received = [];
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    received.push(msg as { type: string });
    return Promise.resolve({ ok: true, added: 0, known: 0 });
  });
  vi.spyOn(console, 'debug').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('sendToBackground', () => {
  it('pauses a flood and says so once, then reads again when the page slows down', async () => {
    const send = await freshSender();
    const answers = [];
    for (let i = 0; i < 300; i++) answers.push(send(reading()));
    const replies = await Promise.all(answers);
    expect(replies.filter((r) => r !== undefined)).toHaveLength(SITE_MESSAGE_RATE.burst);
    const reports = received.filter((m) => m.type === 'problem/report');
    expect(reports).toEqual([
      {
        type: 'problem/report',
        problem: {
          site: 'strava',
          page: 'reading-paused',
          url: location.href,
          reason: { code: 'site_reading_paused', params: [] },
        },
      },
    ]);
    expect(received.filter((m) => m.type === 'site/data')).toHaveLength(SITE_MESSAGE_RATE.burst);
    // A few seconds later the next reading goes through (and the background clears the notice).
    vi.setSystemTime(Date.now() + SITE_MESSAGE_RATE.refillMs);
    expect(await send(reading())).toBeDefined();
    // A second flood is reported again, once.
    for (let i = 0; i < 10; i++) await send(reading());
    expect(received.filter((m) => m.type === 'problem/report')).toHaveLength(2);
  }, 20_000);

  it('lets a Garmin tab that reads a message a minute all day through, with no notice', async () => {
    const send = await freshSender();
    for (let i = 0; i < 500; i++) {
      vi.setSystemTime(Date.now() + 60_000);
      expect(await send(reading())).toBeDefined();
    }
    expect(received.filter((m) => m.type === 'problem/report')).toEqual([]);
    expect(received).toHaveLength(500);
  }, 20_000);
});
