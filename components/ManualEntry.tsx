import { useState } from 'preact/hooks';
import type { ActivityInput } from '../core/activity';
import { M_PER_MILE } from './format';
import { t } from './i18n';
import { ask } from '../messaging/ask';

/**
 * "I ran today" and "I rested today", for what no site saw (a gym treadmill, a watch not yet
 * synced). "I ran today" asks for the distance and time (both optional); once today has a run it
 * becomes "Add another run today", so a run read from a site is never doubled by accident. Each
 * can be undone at once.
 */
export function ManualEntry(props: {
  today: string;
  ranToday: boolean;
  restedToday: boolean;
  units: 'km' | 'mi';
  onChanged: () => void;
}) {
  const [undo, setUndo] = useState<{ label: string; run: () => Promise<unknown> } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [distance, setDistance] = useState('');
  const [minutes, setMinutes] = useState('');

  const saveRun = async (e: Event) => {
    e.preventDefault();
    const num = (s: string) => Number(s.trim().replace(',', '.'));
    const d = distance.trim() === '' ? null : num(distance);
    const min = minutes.trim() === '' ? null : num(minutes);
    if (d !== null && !(Number.isFinite(d) && d >= 0.1 && d <= 300)) return setError(t('manualErrDistance'));
    if (min !== null && !(Number.isFinite(min) && min >= 1 && min <= 1440)) return setError(t('manualErrMinutes'));
    const now = Date.now();
    const entry: ActivityInput = {
      source: 'manual',
      sourceId: `popup-${props.today}-${now}`,
      startMs: now,
      localDate: props.today,
      sport: 'run',
      sportLabel: 'Run (entered by hand)',
      distanceM: d === null ? null : Math.round(d * (props.units === 'mi' ? M_PER_MILE : 1000)),
      movingS: min === null ? null : Math.round(min * 60),
      elapsedS: null,
      name: '',
    };
    const r = await ask({ type: 'activities/add', activities: [entry] });
    if (!r.ok) return setError(r.error);
    setError(null);
    setOpen(false);
    setDistance('');
    setMinutes('');
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
    <section class="manual" aria-labelledby="manual-h" data-testid="today-action">
      <h2 id="manual-h" class="visually-hidden">
        {t('manualTitle')}
      </h2>
      <div class="row">
        <button
          type="button"
          onClick={() => setOpen(!open)}
          aria-expanded={open ? 'true' : 'false'}
          data-testid={props.ranToday ? 'add-another-run' : 'i-ran'}
        >
          {t(props.ranToday ? 'addAnotherRun' : 'iRanToday')}
        </button>
        {props.restedToday ? (
          <button type="button" onClick={() => void rested(false)} aria-pressed="true" data-testid="rested-noted">
            {t('restedNoted')}
          </button>
        ) : (
          !props.ranToday && (
            <button type="button" onClick={() => void rested(true)} data-testid="i-rested">
              {t('iRestedToday')}
            </button>
          )
        )}
      </div>
      {open && (
        <form class="manual-form" onSubmit={(e) => void saveRun(e)} data-testid="run-form">
          <label>
            {t('manualDistance', props.units)}
            <input
              type="text"
              inputMode="decimal"
              name="distance"
              value={distance}
              onInput={(e) => setDistance((e.target as HTMLInputElement).value)}
            />
          </label>
          <label>
            {t('manualMinutes')}
            <input
              type="text"
              inputMode="numeric"
              name="minutes"
              value={minutes}
              onInput={(e) => setMinutes((e.target as HTMLInputElement).value)}
            />
          </label>
          <div class="row">
            <button type="submit" data-testid="save-run">
              {t('manualSave')}
            </button>
            <button type="button" class="linklike" onClick={() => setOpen(false)}>
              {t('manualCancel')}
            </button>
          </div>
        </form>
      )}
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
