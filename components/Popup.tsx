import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { PopupState } from '../background/popup-state';
import { unitsFor } from './format';
import { onDataChanged } from '../background/data-version';
import { t } from './i18n';
import { ProblemNotice } from './ProblemNotice';
import { RecentActivities } from './RecentActivities';
import { ask } from './send-message';
import { VerdictCard } from './VerdictCard';

export function Popup() {
  const [state, setState] = useState<PopupState | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    const r = await ask<PopupState>({ type: 'state/get' });
    if (r.ok) setState(r);
    else setError(r.error);
  };
  useEffect(() => {
    void load();
    return onDataChanged(() => void load());
  }, []);

  if (error) return <main class="popup"><p class="error" role="alert">{error}</p></main>;
  if (!state) return <main class="popup" aria-busy="true"><p class="muted">{t('loading')}</p></main>;

  const units = unitsFor(state.settings);
  return (
    <main class="popup" data-testid="popup" data-level={state.verdict.level}>
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>{t('openOptions')}</button>
      </header>
      <ProblemNotice problems={state.problems} onDismiss={() => void ask({ type: 'problems/clear' }).then(load)} />
      {state.totalCount === 0 ? (
        <section class="card" data-testid="first-run">
          <h2>{t('firstRunTitle')}</h2>
          <p>{t('firstRunWhat')}</p>
          <ul>
            <li>{t('firstRunStrava')}</li>
            <li>{t('firstRunGarmin')}</li>
            <li>{t('firstRunImport')}</li>
          </ul>
          <p class="muted">{t('privacyLine')}</p>
        </section>
      ) : (
        <>
          <VerdictCard verdict={state.verdict} />
          <RecentActivities activities={state.recent} units={units} limit={7} />
        </>
      )}
    </main>
  );
}
