import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onDataChanged } from '../messaging/data-version';
import type { PopupState } from '../core/protocol';
import { DayStrip } from './DayStrip';
import { HipCare } from './HipCare';
import { unitsFor } from './format';
import { t } from './i18n';
import { LoadInfo } from './LoadInfo';
import { HipCheckIn } from './HipCheckIn';
import { ManualEntry } from './ManualEntry';
import { PlanQuestions } from './PlanQuestions';
import { ProblemNotice } from './ProblemNotice';
import { RecentActivities } from './RecentActivities';
import { ask } from '../messaging/ask';
import { VerdictCard } from './VerdictCard';
import { WeeklyChart } from './WeeklyChart';

export function Popup() {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const r = await ask({ type: 'state/get' });
    if (r.ok) {
      setState(r);
      setError(null);
    } else setError(r.error);
  };
  useEffect(() => {
    void load();
    return onDataChanged(() => void load());
  }, []);
  useEffect(() => {
    // For the end-to-end suite's timing: when the first real content was on screen.
    if (state && !document.body.dataset.readyMs) document.body.dataset.readyMs = String(performance.now());
  }, [state]);

  if (error)
    return (
      <main class="popup">
        <p class="error" role="alert">
          {error}
        </p>
      </main>
    );
  if (!state)
    return (
      <main class="popup" aria-busy="true">
        <p class="muted">{t('loading')}</p>
      </main>
    );

  const units = unitsFor(state.settings);
  const restedToday = state.restMarks.includes(state.today);
  return (
    <main class="popup" data-testid="popup" data-level={state.verdict.level}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <ProblemNotice problems={state.problems} onDismiss={() => void ask({ type: 'problems/clear' }).then(load)} />
      {state.settings.runDaysPerWeek === null && (
        <PlanQuestions settings={state.settings} onSaved={() => void load()} />
      )}
      {state.totalCount === 0 && state.restMarks.length === 0 ? (
        <>
          <section class="card" data-testid="first-run">
            <h2>{t('firstRunTitle')}</h2>
            <p>{t('firstRunWhat')}</p>
            <ul>
              <li>{t('firstRunStrava')}</li>
              <li>{t('firstRunGarmin')}</li>
              <li>{t('firstRunImport')}</li>
            </ul>
            <p>
              <a href="/welcome.html" target="_blank" data-testid="welcome-link">
                {t('welcomeOpen')}
              </a>
            </p>
            <p class="muted">{t('privacyLine')}</p>
          </section>
          <ManualEntry
            today={state.today}
            ranToday={false}
            restedToday={false}
            units={units}
            onChanged={() => void load()}
          />
        </>
      ) : (
        <>
          <VerdictCard verdict={state.verdict} units={units} />
          <ManualEntry
            today={state.today}
            ranToday={state.runRecordedToday}
            restedToday={restedToday}
            units={units}
            onChanged={() => void load()}
          />
          <HipCheckIn today={state.today} checkIn={state.verdict.checkIn} onChanged={() => void load()} />
          <DayStrip today={state.today} days={state.strip} />
          <WeeklyChart weeks={state.weeks} units={units} />
          <HipCare hipCare={state.verdict.hipCare} settings={state.settings} today={state.verdict.today} />
          <LoadInfo verdict={state.verdict} />
          <RecentActivities activities={state.recent} units={units} limit={5} />
        </>
      )}
    </main>
  );
}
