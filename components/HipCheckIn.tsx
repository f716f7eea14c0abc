import { useEffect, useRef, useState } from 'preact/hooks';
import { dayPain, type CheckIn, type CheckInAnswer, type PainMoment, type PainPlace } from '../core/check-in';
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
  /** "Done": fold the card to its line. */
  onDone: () => void;
  /** Opened by the runner (from the line): focus moves into the card. */
  focus?: boolean;
}

/**
 * The daily hip check-in, just below the verdict: pain 0-10, then where it hurts and the
 * red-flag questions for that place. Each change is saved at once (the background stamps its
 * time and moment) and the verdict follows.
 */
export function HipCheckIn(props: HipCheckInProps) {
  const c = props.checkIn;
  const [error, setError] = useState<string | null>(null);
  // The morning question stays worded so once answered (then morningAfter is no longer set).
  const morningAsked = useRef(false);
  if (props.moment === 'morning' && props.pain.morningAfter) morningAsked.current = true;
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = card.current;
    if (props.focus) (el?.querySelector<HTMLInputElement>('input:checked') ?? el?.querySelector('input'))?.focus();
  }, []);

  const save = async (patch: Omit<CheckInAnswer, 'date'>) => {
    const r = await ask({ type: 'checkin/set', checkIn: { date: props.today, ...patch } });
    if (!r.ok) return setError(r.words);
    setError(null);
    props.onChanged();
  };

  const place = props.pain.place;
  const title = props.moment === 'morning' && morningAsked.current ? t('checkinMorningTitle') : t('checkinTitle');
  const now = c?.[props.moment];
  const painToday = c ? dayPain(c) : 0;
  const inForce = props.pain.redFlags?.flags ?? [];
  const flags = c ? flagsShown(painToday, place, inForce) : [];
  return (
    <section
      ref={card}
      class="card checkin"
      aria-labelledby="checkin-h"
      data-testid="checkin"
      data-moment={props.moment}
    >
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
          <button type="button" data-testid="checkin-done" onClick={props.onDone}>
            {t('checkinDone')}
          </button>
        </p>
      )}
    </section>
  );
}

/**
 * Today's answers folded to one line ("Hip pain today: 2, outside"), in the strip's heading row
 * so the first exercise stays above the fold; it opens the card again.
 */
export function CheckInLine(props: {
  checkIn: CheckIn;
  place: PainPlace | null;
  onOpen: () => void;
  /** Folded by the runner ("Done"): focus comes back here. */
  focus?: boolean;
}) {
  const line = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (props.focus) line.current?.focus();
  }, []);
  return (
    <button type="button" ref={line} class="checkin-line" data-testid="checkin-line" onClick={props.onOpen}>
      <span data-testid="checkin-line-text">{checkInLine(props.checkIn, props.place)}</span>{' '}
      <span class="checkin-change">{t('checkinChange')}</span>
    </button>
  );
}
