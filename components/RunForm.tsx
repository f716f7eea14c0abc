import { useState } from 'preact/hooks';
import type { ActivityInput } from '../core/activity';
import { M_PER_MILE } from './format';
import { t } from './i18n';
import { ask } from '../messaging/ask';

/** "I ran today": distance and time, both optional, in the runner's unit; saved as a manual run. */
export function RunForm(props: {
  today: string;
  units: 'km' | 'mi';
  onSaved: (keys: string[]) => void;
  onError: (message: string) => void;
  onCancel: () => void;
}) {
  const [distance, setDistance] = useState('');
  const [minutes, setMinutes] = useState('');

  const saveRun = async (e: Event) => {
    e.preventDefault();
    const num = (s: string) => Number(s.trim().replace(',', '.'));
    const d = distance.trim() === '' ? null : num(distance);
    const min = minutes.trim() === '' ? null : num(minutes);
    if (d !== null && !(Number.isFinite(d) && d >= 0.1 && d <= 300)) return props.onError(t('manualErrDistance'));
    if (min !== null && !(Number.isFinite(min) && min >= 1 && min <= 1440)) return props.onError(t('manualErrMinutes'));
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
    if (!r.ok) return props.onError(r.error);
    setDistance('');
    setMinutes('');
    props.onSaved(r.keys);
  };

  return (
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
        <button type="button" class="linklike" onClick={props.onCancel}>
          {t('manualCancel')}
        </button>
      </div>
    </form>
  );
}
