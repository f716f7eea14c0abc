import { useState } from 'preact/hooks';
import type { CheckIn } from '../core/check-in';
import { t } from './i18n';
import { ask } from '../messaging/ask';

/**
 * The daily hip check-in: a radio group "Hip pain today", 0 to 10, one answer a day that can be
 * changed, and the two red-flag questions. Saved on each change; the verdict follows at once.
 */
export function HipCheckIn(props: { today: string; checkIn: CheckIn | null; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const c = props.checkIn;
  const save = async (patch: Partial<Pick<CheckIn, 'pain' | 'nightOrRest' | 'groinWalking'>>) => {
    const pain = patch.pain ?? c?.pain;
    if (pain === undefined) return;
    const r = await ask({
      type: 'checkin/set',
      checkIn: {
        date: props.today,
        pain,
        nightOrRest: patch.nightOrRest ?? c?.nightOrRest ?? false,
        groinWalking: patch.groinWalking ?? c?.groinWalking ?? false,
      },
    });
    if (!r.ok) return setError(r.words);
    setError(null);
    props.onChanged();
  };
  return (
    <section class="card checkin" aria-labelledby="checkin-h" data-testid="checkin">
      <h2 id="checkin-h">{t('checkinTitle')}</h2>
      <p class="hint muted" id="checkin-scale">
        {t('checkinScale')}
      </p>
      <div role="radiogroup" aria-labelledby="checkin-h" aria-describedby="checkin-scale" class="pain-scale">
        {Array.from({ length: 11 }, (_, n) => (
          <label key={n}>
            <input
              type="radio"
              name="hip-pain"
              value={String(n)}
              checked={c?.pain === n}
              onChange={() => void save({ pain: n })}
            />
            {n}
          </label>
        ))}
      </div>
      {c && (
        <>
          <label>
            <input
              type="checkbox"
              checked={c.nightOrRest}
              onChange={(e) => void save({ nightOrRest: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('checkinNight')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={c.groinWalking}
              onChange={(e) => void save({ groinWalking: (e.target as HTMLInputElement).checked })}
            />{' '}
            {t('checkinGroin')}
          </label>
          <p role="status" class="muted" data-testid="checkin-saved">
            {t('checkinSaved', String(c.pain))}
          </p>
        </>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
