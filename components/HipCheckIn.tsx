import { useEffect, useRef, useState } from 'preact/hooks';
import { dayPain, type CheckIn, type CheckInAnswer, type PainMoment } from '../core/check-in';
import type { PainState } from '../core/engine/pain-monitoring';
import { ask } from '../messaging/ask';
import { FlagQuestions, PlaceQuestion } from './checkin-parts';
import { checkInLine, flagsShown } from './checkin-text';
import { t } from './i18n';
import './checkin.css';

export interface HipCheckInProps {
  today: string;
  /** Today's check-in, if any. */
  checkIn: CheckIn | null;
  /** What the pain answers say (the verdict's): the remembered place, red flags in force, the morning question. */
  pain: PainState;
  /** Whether a pain answered now is stored as the morning answer or a later one. */
  moment: PainMoment;
  onChanged: () => void;
}

/**
 * The daily hip check-in, near the top of the popup: pain 0-10, then where it hurts and the
 * red-flag questions for that place. Each change is saved at once (the background stamps its
 * time and moment) and the verdict follows. Once today is answered the card opens folded to one
 * line, unless red-flag questions for today's pain are still unanswered.
 */
export function HipCheckIn(props: HipCheckInProps) {
  const c = props.checkIn;
  const [open, setOpen] = useState(c === null || props.pain.flagsUnanswered);
  const [error, setError] = useState<string | null>(null);
  // The morning question stays worded so once answered (then morningAfter is no longer set).
  const morningAsked = useRef(false);
  if (props.moment === 'morning' && props.pain.morningAfter) morningAsked.current = true;
  const line = useRef<HTMLButtonElement>(null);
  const folded = !open && c !== null;
  const wasFolded = useRef(folded);
  useEffect(() => {
    if (folded && !wasFolded.current) line.current?.focus();
    wasFolded.current = folded;
  }, [folded]);

  const save = async (patch: Omit<CheckInAnswer, 'date'>) => {
    const r = await ask({ type: 'checkin/set', checkIn: { date: props.today, ...patch } });
    if (!r.ok) return setError(r.words);
    setError(null);
    props.onChanged();
  };

  const place = props.pain.place;
  if (folded && c)
    return (
      <section class="card checkin checkin-folded" aria-label={t('checkinTitle')} data-testid="checkin">
        <button
          type="button"
          ref={line}
          class="checkin-line"
          aria-expanded="false"
          data-testid="checkin-line"
          onClick={() => setOpen(true)}
        >
          <span data-testid="checkin-line-text">{checkInLine(c, place)}</span>
          <span class="checkin-change">{t('checkinChange')}</span>
        </button>
      </section>
    );

  const title = props.moment === 'morning' && morningAsked.current ? t('checkinMorningTitle') : t('checkinTitle');
  const now = c?.[props.moment];
  const painToday = c ? dayPain(c) : 0;
  const inForce = props.pain.redFlags?.flags ?? [];
  const flags = c ? flagsShown(painToday, place, inForce) : [];
  return (
    <section class="card checkin" aria-labelledby="checkin-h" data-testid="checkin" data-moment={props.moment}>
      <h2 id="checkin-h">{title}</h2>
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
              checked={now?.pain === n}
              onChange={() => void save({ pain: n })}
            />
            {n}
          </label>
        ))}
      </div>
      {now && (
        <p role="status" class="muted" data-testid="checkin-saved">
          {props.moment === 'morning'
            ? t('checkinSavedMorning', String(now.pain))
            : t('checkinSavedLater', String(now.pain))}
        </p>
      )}
      {c && painToday > 0 && <PlaceQuestion place={place} onPlace={(p) => void save({ place: p })} />}
      {flags.length > 0 && (
        <FlagQuestions
          shown={flags}
          ticked={inForce}
          answeredNone={c?.flags?.length === 0}
          onFlags={(f) => void save({ flags: f })}
        />
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {c && (
        <p class="checkin-done">
          <button type="button" data-testid="checkin-done" onClick={() => setOpen(false)}>
            {t('checkinDone')}
          </button>
        </p>
      )}
    </section>
  );
}
