import { useState } from 'preact/hooks';
import { RED_FLAGS, type CheckIn, type RedFlag } from '../core/check-in';
import { t } from './i18n';
import { ask } from '../messaging/ask';

/**
 * The daily hip check-in: a radio group "Hip pain today", 0 to 10, one answer a day that can be
 * changed, and the two red-flag questions. Saved on each change; the verdict follows at once.
 */
export function HipCheckIn(props: { today: string; checkIn: CheckIn | null; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const c = props.checkIn;
  const flagged = (f: RedFlag) => c?.flags?.includes(f) ?? false;
  const save = async (patch: { pain?: number; flag?: [RedFlag, boolean] }) => {
    const flags = patch.flag
      ? RED_FLAGS.filter((f) => (f === patch.flag![0] ? patch.flag![1] : flagged(f)))
      : undefined;
    const r = await ask({ type: 'checkin/set', checkIn: { date: props.today, pain: patch.pain, flags } });
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
              checked={flagged('night_or_rest')}
              onChange={(e) => void save({ flag: ['night_or_rest', (e.target as HTMLInputElement).checked] })}
            />{' '}
            {t('checkinNight')}
          </label>
          <label>
            <input
              type="checkbox"
              checked={flagged('walking')}
              onChange={(e) => void save({ flag: ['walking', (e.target as HTMLInputElement).checked] })}
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
