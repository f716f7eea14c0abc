import type { ComponentType } from 'preact';
import { useId, useState } from 'preact/hooks';
import {
  hipSafety,
  OUTSIDE_POSITIONS,
  pickExercises,
  REST_AND_ICE,
  STRENGTH_WEEKDAYS,
  strengthAfterRun,
} from '../core/engine/hip-care-library';
import type { Settings } from '../core/settings';
import type { HipCare as HipCareAdvice, HipCareCode } from '../core/engine/verdict';
import { weekdayName } from './format';
import { ExerciseCard, GuidanceBlock, GuidanceList } from './hip-care-parts';
import type { HipClinician as HipClinicianType } from './HipClinician';
import type { HipLibrary as HipLibraryType } from './HipLibrary';
import { t } from './i18n';
import { listFormat } from './intl-cache';
import './hip-care.css';

export { formatDose } from './hip-care-parts';

// Hip care in the popup: the engine's advice in a line or two, two or three exercises for today
// (what each works, the dose, numbered steps, a drawing; the first with its steps open), the
// positions that spare the outside of the hip when it hurts there, and "Browse all exercises"
// with the whole library, rest and ice, and when to see a GP or physiotherapist (HipLibrary.tsx,
// loaded when opened). With red-flag symptoms only the notice to stop and see a clinician, naming
// why (and how to rest meanwhile), no exercises; after two weeks of pain a short notice to see one
// above the exercises; before today's warning-sign questions are answered, no exercise yet.

/** The engine's advice codes, in the words of _locales. see_clinician has its own notice. */
export const ADVICE_KEYS: Readonly<Record<Exclude<HipCareCode, 'see_clinician'>, string>> = {
  full_rest: 'hip_advice_full_rest',
  mobility_after_run: 'hip_advice_mobility_after_run',
  strength_on_rest_day: 'hip_advice_strength_on_rest_day',
  extra_strength: 'hip_advice_extra_strength',
  avoid_cross_body_stretches: 'hip_advice_avoid_cross_body_stretches',
};

/**
 * Clinician: the notice to see a GP or physiotherapist, its own chunk (rare, and the verdict above
 * already says it), loaded by the popup when clinicianReferred; hip care is drawn once it is there.
 */
export function HipCare(props: {
  hipCare: HipCareAdvice;
  settings: Settings;
  today: string;
  Clinician: ComponentType<Parameters<typeof HipClinicianType>[0]> | null;
}) {
  const uid = useId();
  const hc = props.hipCare;
  const titleId = `${uid}-hip`;
  const [Library, setLibrary] = useState<typeof HipLibraryType | null>(null);
  const Clinician = props.Clinician;
  const openLibrary = () => {
    if (!Library) void import('./HipLibrary').then((m) => setLibrary(() => m.HipLibrary));
  };

  if (hc.seeClinician)
    return (
      <section class="card hip-care" aria-labelledby={titleId} data-testid="hip-care" data-state="clinician">
        <h2 id={titleId}>{t('hip_title')}</h2>
        {Clinician && <Clinician referral={hc.referral} stop />}
      </section>
    );

  // Groin pain can be a stress fracture: nothing new to do before the questions are answered.
  if (hc.awaitingFlags)
    return (
      <section class="card hip-care" aria-labelledby={titleId} data-testid="hip-care" data-state="awaiting-flags">
        <h2 id={titleId}>{t('hip_title')}</h2>
        <p class="hip-notice" data-testid="hip-awaiting-flags">
          {t('hip_awaiting_flags')}
        </p>
        <details class="hip-library" data-testid="hip-rest">
          <summary>{t(REST_AND_ICE.titleKey)}</summary>
          <GuidanceList guidance={REST_AND_ICE} />
        </details>
      </section>
    );

  const safety = hipSafety(hc, props.settings);
  const today = pickExercises(hc, props.settings, props.today);
  const advice = hc.advice.flatMap((a) =>
    a.code === 'see_clinician' ? [] : [{ code: a.code, text: t(ADVICE_KEYS[a.code]) }],
  );
  // Why a strength exercise after today's run.
  const strengthDay = strengthAfterRun(hc, props.today)
    ? t(
        'hip_advice_strength_after_run',
        listFormat(navigator.language).format(STRENGTH_WEEKDAYS.map((d) => weekdayName(d))),
      )
    : null;
  return (
    <section class="card hip-care" aria-labelledby={titleId} data-testid="hip-care" data-state="exercises">
      <h2 id={titleId}>{t('hip_title')}</h2>
      {Clinician && hc.referral?.code === 'persistent' && <Clinician referral={hc.referral} stop={false} />}
      <ul class="hip-list" aria-label={t('hip_today_label')} data-testid="hip-today">
        {today.map((e, i) => (
          <li key={e.id}>
            <ExerciseCard exercise={e} level={3} idPrefix={`${uid}-today`} first={i === 0} />
          </li>
        ))}
      </ul>
      {/* Why these, under them: the first exercise stays above the fold at 360×600. */}
      {advice.length > 0 && (
        <ul class="hip-advice">
          {advice.map((a) => (
            <li key={a.code} data-code={a.code}>
              {a.text}
            </li>
          ))}
        </ul>
      )}
      {strengthDay && (
        <p class="hip-strength-day muted" data-code="strength_after_run">
          {strengthDay}
        </p>
      )}
      {hc.gait && (
        // A hint from the runner's own cadence, never a fixed target (core/engine/cadence-hint.ts).
        <p class="hip-gait" data-testid="hip-gait">
          {t('hip_gait', [String(hc.gait.currentSpm), String(hc.gait.suggestedSpm)])}
        </p>
      )}
      {safety.outside && <GuidanceBlock guidance={OUTSIDE_POSITIONS} idPrefix={`${uid}-today`} />}
      <p class="hip-safety muted">{t('hip_safety')}</p>
      <details class="hip-library" data-testid="hip-library" onToggle={openLibrary}>
        <summary>{t('hip_browse')}</summary>
        {Library && <Library safety={safety} uid={uid} />}
      </details>
    </section>
  );
}
