import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../../core/problem-codes';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BRIDGE_TAG, STRAVA_SNAPSHOT } from '../../../content/page-bridge';
import { watchStravaActivityPage } from '../../../content/strava-activity-forwarder';

// The bridge from the page's world: one snapshot per page load, about the page's own activity,
// and nobody believed when two different versions arrive.

let abort: AbortController;
let received: { type: string; data?: { kind: string }; problem?: { reason: unknown } }[];

function fakeCtx(): ContentScriptContext {
  return {
    addEventListener(target: EventTarget, type: string, handler: EventListener) {
      target.addEventListener(type, handler, { signal: abort.signal });
    },
    setTimeout: (f: () => void, ms: number) => setTimeout(f, ms),
  } as unknown as ContentScriptContext;
}

const snapshot = (over: Record<string, unknown> = {}) => ({
  urlActivityId: '555',
  activityId: 555,
  activityAthleteId: 42,
  currentAthleteId: 42,
  activity: { id: 555, sport_type: 'Run', distance: 5000, moving_time: 1500, startDateLocal: 1_764_000_000 },
  ...over,
});

const post = (payload: unknown) =>
  window.dispatchEvent(
    new MessageEvent('message', {
      data: { tag: BRIDGE_TAG, kind: STRAVA_SNAPSHOT, payload },
      origin: window.location.origin,
      source: window,
    }),
  );

beforeEach(() => {
  vi.useFakeTimers();
  fakeBrowser.reset();
  abort = new AbortController();
  received = [];
  fakeBrowser.runtime.onMessage.addListener((msg: unknown) => {
    received.push(msg as (typeof received)[number]);
    return Promise.resolve({ ok: true });
  });
});

afterEach(() => {
  abort.abort();
  vi.useRealTimers();
});

describe('the Strava activity page bridge', () => {
  it('sends one snapshot about the page’s own activity once it has settled', async () => {
    watchStravaActivityPage(fakeCtx(), '555');
    post(snapshot());
    post(snapshot());
    await vi.advanceTimersByTimeAsync(1500);
    expect(received.map((m) => m.data?.kind)).toEqual(['strava-activity-snapshot']);
  });

  it('ignores a snapshot whose activity id is not the URL’s', async () => {
    watchStravaActivityPage(fakeCtx(), '555');
    post(snapshot({ activityId: 999 }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(received).toEqual([]);
  });

  it('believes neither of two different snapshots, and reports it', async () => {
    watchStravaActivityPage(fakeCtx(), '555');
    post(snapshot({ activity: { ...snapshot().activity, distance: 1e12 } }));
    post(snapshot());
    await vi.advanceTimersByTimeAsync(1500);
    expect(received.map((m) => m.type)).toEqual(['problem/report']);
    expect(received[0]!.problem!.reason).toEqual(problem('strava_page_conflicting_data'));
  });
});
