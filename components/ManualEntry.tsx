import { useState } from 'preact/hooks';
import type { ActivityInput } from '../core/activity';
import { t } from './i18n';
import { ask } from '../messaging/ask';

/**
 * "I ran today" and "I rested today", for what no site saw (a gym treadmill, a watch not yet
 * synced). Each can be undone at once.
 */
export function ManualEntry(props: { today: string; ranToday: boolean; restedToday: boolean; onChanged: () => void }) {
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<unknown> } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const ranToday = async () => {
    const now = Date.now();
    const entry: ActivityInput = {
      source: 'manual',
      sourceId: `popup-${props.today}-${now}`,
      startMs: now,
      localDate: props.today,
      sport: 'run',
      sportLabel: 'Run (entered by hand)',
      distanceM: null,
      movingS: null,
      elapsedS: null,
      name: '',
    };
    const r = await ask<{ keys: string[] }>({ type: 'activities/add', activities: [entry] });
    if (!r.ok) return setError(r.error);
    setUndo({ label: t('undoRan'), run: () => ask({ type: 'activities/delete', keys: r.keys }) });
    props.onChanged();
  };

  const rested = async (on: boolean) => {
    const r = await ask({ type: 'rest/mark', date: props.today, on });
    if (!r.ok) return setError(r.error);
    setUndo(
      on ? { label: t('undoRested'), run: () => ask({ type: 'rest/mark', date: props.today, on: false }) } : null,
    );
    props.onChanged();
  };

  return (
    <section class="card manual" aria-labelledby="manual-h">
      <h2 id="manual-h" class="visually-hidden">
        {t('manualTitle')}
      </h2>
      <div class="row">
        <button type="button" onClick={() => void ranToday()} data-testid="i-ran">
          {t('iRanToday')}
        </button>
        {props.restedToday ? (
          <button type="button" onClick={() => void rested(false)} aria-pressed="true">
            {t('restedNoted')}
          </button>
        ) : (
          <button type="button" onClick={() => void rested(true)} disabled={props.ranToday} data-testid="i-rested">
            {t('iRestedToday')}
          </button>
        )}
      </div>
      {undo && (
        <p role="status" class="row">
          {undo.label}{' '}
          <button
            type="button"
            class="linklike"
            onClick={() =>
              void undo.run().then(() => {
                setUndo(null);
                props.onChanged();
              })
            }
            data-testid="undo"
          >
            {t('undo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
