import { useEffect, useRef, useState } from 'preact/hooks';
import type { RunWhen } from '../core/hand-entry';
import type { SaveOutcome } from '../core/protocol';
import { M_PER_MILE } from './format';
import { t } from './i18n';
import { ask } from '../messaging/ask';
import './run-form.css';

const WHEN_LABELS = {
  morning: () => t('manualWhenMorning'),
  now: () => t('manualWhenNow'),
  at: () => t('manualWhenAt'),
} as const;

/** One id per opening of the form: every message it sends is the same run (a double click stores one). */
function newFormId(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => (b % 36).toString(36)).join('');
}

/**
 * "I ran today": when (this morning, just now, or a start time), distance and time, both
 * optional, in the runner's unit; saved as a run typed by hand. It joins the run a watch or a
 * site records that day (whose start and values then win), unless it is "another run today".
 */
export function RunForm(props: {
  units: 'km' | 'mi';
  /** Opened with "Add another run today": not the run already recorded today. */
  another: boolean;
  onSaved: (saved: { id: string; outcome: SaveOutcome }) => void;
  onError: (message: string) => void;
  onCancel: () => void;
}) {
  const [distance, setDistance] = useState('');
  const [minutes, setMinutes] = useState('');
  const [when, setWhen] = useState<RunWhen['kind']>('now');
  const [time, setTime] = useState('');
  const [pending, setPending] = useState(false);
  const [formId] = useState(newFormId);
  // A second click can land before the disabled button is rendered: the ref stops it at once.
  const sending = useRef(false);
  // Opened by keyboard, the next key belongs in the form, not on the buttons beside it.
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const f = form.current;
    (f?.querySelector<HTMLElement>('input:checked') ?? f?.querySelector<HTMLElement>('input'))?.focus();
  }, []);

  const saveRun = async (e: Event) => {
    e.preventDefault();
    if (sending.current) return;
    const num = (s: string) => Number(s.trim().replace(',', '.'));
    const d = distance.trim() === '' ? null : num(distance);
    const min = minutes.trim() === '' ? null : num(minutes);
    if (d !== null && !(Number.isFinite(d) && d >= 0.1 && d <= 300)) return props.onError(t('manualErrDistance'));
    if (min !== null && !(Number.isFinite(min) && min >= 1 && min <= 1440)) return props.onError(t('manualErrMinutes'));
    if (when === 'at' && !/^\d{2}:\d{2}$/.test(time)) return props.onError(t('manualErrTime'));
    sending.current = true;
    setPending(true);
    try {
      const r = await ask({
        type: 'manual/add',
        entry: {
          formId,
          another: props.another,
          when: when === 'at' ? { kind: 'at', time } : { kind: when },
          distanceM: d === null ? null : Math.round(d * (props.units === 'mi' ? M_PER_MILE : 1000)),
          movingS: min === null ? null : Math.round(min * 60),
        },
      });
      if (!r.ok) return props.onError(r.words);
      props.onSaved({ id: r.id, outcome: r });
    } finally {
      sending.current = false;
      setPending(false);
    }
  };

  return (
    <form
      class="manual-form"
      ref={form}
      onSubmit={(e) => void saveRun(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
      data-testid="run-form"
    >
      <fieldset class="run-when" data-testid="run-when">
        <legend>{t('manualWhen')}</legend>
        {(['morning', 'now', 'at'] as const).map((k) => (
          <label key={k}>
            <input
              type="radio"
              name="when"
              value={k}
              checked={when === k}
              onChange={() => setWhen(k)}
              data-testid={`when-${k}`}
            />
            {WHEN_LABELS[k]()}
          </label>
        ))}
        <input
          type="time"
          name="start"
          aria-label={t('manualStartTime')}
          value={time}
          onInput={(e) => {
            setTime((e.target as HTMLInputElement).value);
            setWhen('at');
          }}
          data-testid="when-time"
        />
      </fieldset>
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
        <button type="submit" disabled={pending} aria-busy={pending ? 'true' : 'false'} data-testid="save-run">
          {t('manualSave')}
        </button>
        <button type="button" class="linklike" onClick={props.onCancel}>
          {t('manualCancel')}
        </button>
      </div>
    </form>
  );
}
