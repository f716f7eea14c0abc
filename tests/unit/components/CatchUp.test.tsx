import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { CatchUp, forgetAutoAsked } from '../../../components/CatchUp';
import { CatchUpStale } from '../../../components/CatchUpStale';
import { siteCatchUpText, siteReadsText } from '../../../components/catch-up-text';
import {
  CATCH_UP_SITES,
  readToday,
  startRun,
  type CatchUpRun,
  type SiteCatchUp,
  type SiteReads,
} from '../../../core/catch-up';
import type { PopupState } from '../../../core/protocol';
import { DEFAULT_SETTINGS } from '../../../core/settings';
import { speak } from '../speak';

// The popup's catch-up as the runner meets it: when Hip Check last read each site, the note under
// the verdict when neither was read today, the button, the lines a catch-up ends with, and the
// automatic catch-up asked for only when the runner turned it on and it is due.

const ZONE = 'Europe/Berlin';
// 12:00 in Berlin (UTC+1) on Monday 30 November 2026.
const NOW = Date.parse('2026-11-30T11:00:00Z');
const HOUR = 3_600_000;
/** 07:12 in Berlin, `days` days before NOW's day. */
const at0712 = (days: number) => Date.parse('2026-11-30T06:12:00Z') - days * 24 * HOUR;

const NEVER: SiteReads = { strava: null, garmin: null };

/** The state's parts these components read; catchUpStale as the background works it out. */
function popupState(over: Partial<PopupState> = {}): PopupState {
  const s = {
    timeZone: ZONE,
    settings: { ...DEFAULT_SETTINGS },
    siteReads: NEVER,
    catchUp: null,
    runRecordedToday: false,
    ...over,
  } as PopupState;
  return { ...s, catchUpStale: !s.runRecordedToday && !readToday(s.siteReads, NOW, ZONE) };
}

/** A catch-up that ended an hour ago with these lines. */
const ended = (strava: SiteCatchUp, garmin: SiteCatchUp): CatchUpRun => ({
  ...startRun('button', NOW - HOUR),
  endedMs: NOW - HOUR + 20_000,
  sites: { strava, garmin },
});

let root: HTMLElement;
let sent: { type: string; trigger?: string }[];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  speak('en');
  forgetAutoAsked();
  sent = [];
  vi.spyOn(browser.runtime, 'sendMessage').mockImplementation((async (m: { type: string }) => {
    sent.push(m);
    return { ok: true, started: true, run: null };
  }) as never);
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function show(node: preact.ComponentChild): Promise<void> {
  await act(async () => {
    render(node, root);
    await Promise.resolve();
  });
}

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);

describe('when each site was last read', () => {
  it('says today with the time, yesterday with the time, days ago, or never, in the runner’s zone', () => {
    const reads = { strava: at0712(0), garmin: at0712(3) };
    expect(siteReadsText(reads, NOW, ZONE, 'en-GB')).toBe(
      'Strava list read today 07:12 · Garmin Connect list read 3 days ago',
    );
    expect(siteReadsText({ strava: at0712(1), garmin: null }, NOW, ZONE, 'en-GB')).toBe(
      'Strava list read yesterday 07:12 · Garmin Connect list never read',
    );
    // 00:30 in Berlin today is 23:30 UTC yesterday: the day is the runner's, whatever UTC says.
    const justAfterMidnight = Date.parse('2026-11-29T23:30:00Z');
    const one = { strava: justAfterMidnight, garmin: null };
    expect(siteReadsText(one, NOW, ZONE, 'en-GB')).toMatch(/^Strava list read today 00:30 /);
    expect(siteReadsText(one, NOW, 'UTC', 'en-GB')).toMatch(/^Strava list read yesterday 23:30 /);
    speak('de');
    expect(siteReadsText(reads, NOW, ZONE, 'de-DE')).toBe(
      'Liste von Strava heute 07:12 gelesen · Liste von Garmin Connect vor 3 Tagen gelesen',
    );
    expect(siteReadsText(NEVER, NOW, ZONE, 'de-DE')).toBe(
      'Liste von Strava noch nie gelesen · Liste von Garmin Connect noch nie gelesen',
    );
  });

  it('is the popup’s freshness line', async () => {
    await show(<CatchUp state={popupState({ siteReads: { strava: null, garmin: at0712(2) } })} />);
    expect(byTestId('site-reads')?.textContent).toBe('Strava list never read · Garmin Connect list read 2 days ago');
  });
});

describe('how each site’s part of a catch-up ended', () => {
  const cases: [SiteCatchUp, string, string][] = [
    [{ state: 'new', activities: 1 }, 'Strava: 1 new activity', 'Garmin Connect: 1 new activity'],
    [{ state: 'new', activities: 2 }, 'Strava: 2 new activities', 'Garmin Connect: 2 new activities'],
    [{ state: 'nothing-new' }, 'Strava: nothing new', 'Garmin Connect: nothing new'],
    [
      { state: 'signed-out' },
      'Strava: not signed in (open strava.com to sign in)',
      'Garmin Connect: not signed in (open connect.garmin.com to sign in)',
    ],
    [
      { state: 'rate-limited' },
      'Strava asked Hip Check to slow down: try again later',
      'Garmin Connect asked Hip Check to slow down: try again later',
    ],
    [
      { state: 'unreadable' },
      'Strava: could not read the list (the site may have changed)',
      'Garmin Connect: could not read the list (the site may have changed)',
    ],
    [
      { state: 'unreachable' },
      'Strava could not be reached: check the connection and try again',
      'Garmin Connect could not be reached: check the connection and try again',
    ],
    [
      { state: 'site-error' },
      'Strava answered with an error: try again later',
      'Garmin Connect answered with an error: try again later',
    ],
    [
      { state: 'not-stored' },
      'Strava: the list was read, but Hip Check could not store it: try again',
      'Garmin Connect: the list was read, but Hip Check could not store it: try again',
    ],
    [
      { state: 'timed-out' },
      'Strava did not answer within 45 s: try again later',
      'Garmin Connect did not answer within 45 s: try again later',
    ],
    [
      { state: 'closed' },
      'Strava: the tab was closed before the list was read',
      'Garmin Connect: the tab was closed before the list was read',
    ],
    [{ state: 'not-opened' }, 'Strava: could not open the page', 'Garmin Connect: could not open the page'],
  ];

  for (const [outcome, strava, garmin] of cases)
    it(`${outcome.state}${outcome.state === 'new' ? ` (${outcome.activities})` : ''}: one line per site`, async () => {
      await show(<CatchUp state={popupState({ catchUp: ended(outcome, outcome) })} />);
      expect(byTestId('catch-up-strava')?.textContent).toBe(strava);
      expect(byTestId('catch-up-garmin')?.textContent).toBe(garmin);
      expect(byTestId('catch-up-running')).toBeNull();
    });

  it('says every state in German too, each its own sentence', () => {
    speak('de');
    const de = cases.map(([o]) => siteCatchUpText('strava', o));
    expect(de.slice(0, 4)).toEqual([
      'Strava: 1 neue Aktivität',
      'Strava: 2 neue Aktivitäten',
      'Strava: nichts Neues',
      'Strava: nicht angemeldet (öffne strava.com, um dich anzumelden)',
    ]);
    expect(new Set(de).size).toBe(cases.length);
    for (const line of de) expect(line).toMatch(/^Strava/);
    expect(de.join(' ')).not.toMatch(/catchUp_/);
  });

  it('no line for a site still reading, and no lines before any catch-up', async () => {
    expect(siteCatchUpText('garmin', { state: 'reading' })).toBeNull();
    await show(<CatchUp state={popupState()} />);
    for (const site of CATCH_UP_SITES) expect(byTestId(`catch-up-${site}`)).toBeNull();
  });
});

describe('the note under the verdict when neither site was read today', () => {
  it('shows, with the catch-up button, when neither list was read today and no run is recorded today', async () => {
    await show(<CatchUpStale state={popupState({ siteReads: { strava: at0712(1), garmin: null } })} />);
    const note = byTestId('catch-up-stale');
    expect(note?.textContent).toMatch(
      /^Hip Check has not read Strava or Garmin Connect today: a run from today may be missing\. Catch up from Strava and Garmin$/,
    );
    expect(note?.querySelector('[data-testid="catch-up"]')).not.toBeNull();
  });

  it('is not there once either site was read today', async () => {
    await show(<CatchUpStale state={popupState({ siteReads: { strava: null, garmin: at0712(0) } })} />);
    expect(byTestId('catch-up-stale')).toBeNull();
  });

  it('is not there when a run is recorded today, however old the reads', async () => {
    await show(<CatchUpStale state={popupState({ runRecordedToday: true })} />);
    expect(byTestId('catch-up-stale')).toBeNull();
  });

  it('has the only button: the catch-up part lower down shows none of its own then', async () => {
    await show(
      <>
        <CatchUpStale state={popupState()} />
        <CatchUp state={popupState()} button />
      </>,
    );
    expect(root.querySelectorAll('[data-testid="catch-up"]')).toHaveLength(1);
    await show(
      <>
        <CatchUpStale state={popupState({ siteReads: { strava: at0712(0), garmin: null } })} />
        <CatchUp state={popupState({ siteReads: { strava: at0712(0), garmin: null } })} button />
      </>,
    );
    expect(root.querySelectorAll('[data-testid="catch-up"]')).toHaveLength(1);
    expect(byTestId('catch-up-stale')).toBeNull();
  });
});

describe('the catch-up button', () => {
  it('asks the background to catch up, as the button', async () => {
    await show(<CatchUpStale state={popupState()} />);
    const button = byTestId('catch-up') as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    await act(async () => {
      button.click();
      await Promise.resolve();
    });
    expect(sent).toEqual([{ type: 'catchup/start', trigger: 'button' }]);
  });

  it('is disabled while a catch-up runs, with a line that says so, and enabled once it ended', async () => {
    const running = startRun('button', NOW - 5000);
    await show(
      <>
        <CatchUpStale state={popupState({ catchUp: running })} />
        <CatchUp state={popupState({ catchUp: running })} />
      </>,
    );
    expect((byTestId('catch-up') as HTMLButtonElement).disabled).toBe(true);
    expect(byTestId('catch-up-running')?.textContent).toBe('Reading Strava and Garmin Connect…');
    const done = ended({ state: 'new', activities: 1 }, { state: 'nothing-new' });
    await show(
      <>
        <CatchUpStale state={popupState({ catchUp: done })} />
        <CatchUp state={popupState({ catchUp: done })} />
      </>,
    );
    expect((byTestId('catch-up') as HTMLButtonElement).disabled).toBe(false);
    expect(byTestId('catch-up-running')).toBeNull();
    expect(byTestId('catch-up-strava')?.textContent).toBe('Strava: 1 new activity');
  });
});

describe('the automatic catch-up on opening', () => {
  const on = { ...DEFAULT_SETTINGS, autoCatchUp: true };
  const stale = { strava: NOW - 2 * HOUR, garmin: null };

  it('is asked for once when the runner turned it on and the last read is over an hour old', async () => {
    await show(<CatchUp state={popupState({ settings: on, siteReads: stale })} />);
    expect(sent).toEqual([{ type: 'catchup/start', trigger: 'popup' }]);
    // Moved (the first run arrived) or re-rendered: still once for this opening.
    render(null, root);
    await show(<CatchUp state={popupState({ settings: on, siteReads: stale })} button />);
    expect(sent).toHaveLength(1);
  });

  it('is not asked for when a list was read within the hour', async () => {
    await show(<CatchUp state={popupState({ settings: on, siteReads: { strava: null, garmin: NOW - HOUR / 2 } })} />);
    expect(sent).toEqual([]);
  });

  it('is not asked for while a catch-up runs', async () => {
    await show(<CatchUp state={popupState({ settings: on, catchUp: startRun('morning', NOW - 10_000) })} />);
    expect(sent).toEqual([]);
  });

  it('sends nothing at all when the option is off, however stale the reads', async () => {
    await show(
      <>
        <CatchUpStale state={popupState()} />
        <CatchUp state={popupState({ settings: { ...DEFAULT_SETTINGS, autoCatchUp: false } })} />
      </>,
    );
    expect(byTestId('catch-up-stale')).not.toBeNull();
    expect(sent).toEqual([]);
  });
});
