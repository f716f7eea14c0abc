import { PAIN_PLACES, type PainPlace, type RedFlag } from '../core/check-in';
import { t } from './i18n';

/** "Where does it hurt?": one tap among the places, the remembered one chosen until changed. */
export function PlaceQuestion(props: { place: PainPlace | null; onPlace: (p: PainPlace) => void }) {
  return (
    <div role="radiogroup" aria-labelledby="checkin-where" class="checkin-places" data-testid="checkin-place">
      <p id="checkin-where" class="checkin-q">
        {t('checkinWhere')}
      </p>
      {PAIN_PLACES.map((p) => (
        <label key={p} class="chip">
          <input
            type="radio"
            name="hip-place"
            value={p}
            checked={props.place === p}
            onChange={() => props.onPlace(p)}
          />{' '}
          {t(`checkinPlace_${p}`)}
        </label>
      ))}
    </div>
  );
}

/**
 * The red-flag questions as checkboxes, ticked with the flags in force; each change saves the
 * whole list. "None of these" saves an empty list, so "answered, none" differs from unanswered.
 */
export function FlagQuestions(props: {
  shown: readonly RedFlag[];
  ticked: readonly RedFlag[];
  /** Today's answer was "none of these". */
  answeredNone: boolean;
  onFlags: (flags: RedFlag[]) => void;
}) {
  const toggle = (f: RedFlag, on: boolean) =>
    props.onFlags(on ? [...props.ticked.filter((x) => x !== f), f] : props.ticked.filter((x) => x !== f));
  return (
    <fieldset class="checkin-flags" data-testid="checkin-flags">
      <legend class="checkin-q">{t('checkinFlagsQuestion')}</legend>
      {props.ticked.length > 0 && (
        <p class="hint muted" data-testid="checkin-flags-gone">
          {t('checkinFlagsGone')}
        </p>
      )}
      {props.shown.map((f) => (
        <label key={f} class="checkin-flag" data-flag={f}>
          <input
            type="checkbox"
            name="hip-flag"
            value={f}
            checked={props.ticked.includes(f)}
            onChange={(e) => toggle(f, (e.target as HTMLInputElement).checked)}
          />
          {/* Its own box beside the checkbox: the phrase wraps as a block, never splits from the box. */}
          <span>{t(`checkinFlag_${f}`)}</span>
        </label>
      ))}
      <p class="row checkin-none">
        <button
          type="button"
          aria-pressed={props.answeredNone}
          data-testid="checkin-no-flags"
          onClick={() => props.onFlags([])}
        >
          {t('checkinNoFlags')}
        </button>
        {props.answeredNone && <span class="muted">{t('checkinNoFlagsSaved')}</span>}
      </p>
    </fieldset>
  );
}
