import { useId } from 'preact/hooks';
import {
  libraryFor,
  pickExercises,
  RED_FLAGS,
  REST_AND_ICE,
  type Dose,
  type Exercise,
  type Guidance,
} from '../core/engine/hip-care-library';
import type { Settings } from '../core/settings';
import type { HipCare as HipCareAdvice, HipCareCode } from '../core/engine/verdict';
import { ExerciseIcon } from './exercise-icons';
import { t } from './i18n';
import './hip-care.css';

// Hip care in the popup: the engine's advice in a line or two, two or three exercises for today
// (what each works, the dose, numbered steps, a drawing), and "Browse all exercises" with the
// whole library, rest and ice, and when to see a GP or physiotherapist. With red-flag symptoms
// only the notice to stop and see a clinician (and how to rest meanwhile), no exercises.

/** The engine's advice codes, in the words of _locales. see_clinician has its own notice. */
export const ADVICE_KEYS: Readonly<Record<Exclude<HipCareCode, 'see_clinician'>, string>> = {
  full_rest: 'hip_advice_full_rest',
  mobility_after_run: 'hip_advice_mobility_after_run',
  strength_on_rest_day: 'hip_advice_strength_on_rest_day',
  extra_strength: 'hip_advice_extra_strength',
  avoid_cross_body_stretches: 'hip_advice_avoid_cross_body_stretches',
};

/** A message in the plural form the language wants for n; "<base>_other" if that form is missing. */
function plural(base: string, n: number, subs: string[], locale: string): string {
  const key = `${base}_${new Intl.PluralRules(locale).select(n)}`;
  const text = t(key, subs);
  return text === key ? t(`${base}_other`, subs) : text;
}

/** "Hold 30 sec, 2 times on each side", "3 sets of 12": numbers through Intl, words from _locales. */
export function formatDose(dose: Dose, locale: string = navigator.language): string {
  const num = new Intl.NumberFormat(locale);
  const side = dose.perSide ? '_side' : '';
  if (dose.holdSeconds !== null) {
    const hold = new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(
      dose.holdSeconds,
    );
    return plural(`hip_dose_hold${side}`, dose.sets, [hold, num.format(dose.sets)], locale);
  }
  return plural(`hip_dose_sets${side}`, dose.sets, [num.format(dose.sets), num.format(dose.repsPerSide ?? 0)], locale);
}

function ExerciseCard(props: { exercise: Exercise; level: 3 | 4; idPrefix: string; first?: boolean }) {
  const e = props.exercise;
  const Heading = props.level === 3 ? 'h3' : 'h4';
  const headingId = `${props.idPrefix}-${e.id}`;
  const steps = (
    <ol class="hip-steps" aria-label={t('hip_steps_label')}>
      {e.stepKeys.map((k) => (
        <li key={k}>{t(k)}</li>
      ))}
    </ol>
  );
  return (
    <article class={`hip-ex hip-ex-${e.kind}`} aria-labelledby={headingId} data-exercise={e.id} data-kind={e.kind}>
      <div class="hip-ex-head">
        <ExerciseIcon icon={e.icon} label={t(e.pictureKey)} size={96} />
        <div>
          <Heading id={headingId} class="hip-ex-name">
            {t(e.nameKey)}
          </Heading>
          <span class="hip-kind">{t(`hip_kind_${e.kind}`)}</span>
          <p class="hip-dose">
            <span class="visually-hidden">{t('hip_dose_label')} </span>
            <span data-testid="hip-dose">{formatDose(e.dose)}</span>
          </p>
        </div>
      </div>
      {/* Today's first exercise shows its steps (the popup's short how-to, above the fold); the
          others fold them away so the popup stays readable at a glance. */}
      {props.first ? (
        steps
      ) : (
        <details class="hip-how">
          <summary>{t('hip_steps_label')}</summary>
          {steps}
        </details>
      )}
      <p class="hip-targets muted">
        {t('hip_targets_label')} <span data-testid="hip-targets">{t(e.targetsKey)}</span>
      </p>
    </article>
  );
}

function GuidanceList(props: { guidance: Guidance; leadKey?: string }) {
  const g = props.guidance;
  const lead = props.leadKey ?? g.leadKey;
  return (
    <>
      {lead && <p>{t(lead)}</p>}
      <ul>
        {g.pointKeys.map((k) => (
          <li key={k}>{t(k)}</li>
        ))}
      </ul>
      {g.closingKey && <p>{t(g.closingKey)}</p>}
    </>
  );
}

function GuidanceBlock(props: { guidance: Guidance; idPrefix: string }) {
  const g = props.guidance;
  const headingId = `${props.idPrefix}-${g.id}`;
  return (
    <section class={`hip-guidance hip-guidance-${g.id}`} aria-labelledby={headingId} data-guidance={g.id}>
      <h3 id={headingId} class="hip-guidance-title">
        <ExerciseIcon icon={g.icon} size={20} />
        {t(g.titleKey)}
      </h3>
      <GuidanceList guidance={g} />
    </section>
  );
}

export function HipCare(props: { hipCare: HipCareAdvice; settings: Settings; today: string }) {
  const uid = useId();
  const hc = props.hipCare;
  const titleId = `${uid}-hip`;

  if (hc.seeClinician) {
    return (
      <section class="card hip-care" aria-labelledby={titleId} data-testid="hip-care" data-state="clinician">
        <h2 id={titleId}>{t('hip_title')}</h2>
        <div class="hip-alert" role="alert" data-testid="hip-clinician">
          <ExerciseIcon icon="red_flag" size={28} />
          <div>
            <h3>{t('hip_clinician_title')}</h3>
            <p>{t('hip_clinician_text')}</p>
            <GuidanceList guidance={RED_FLAGS} leadKey="hip_clinician_flags_lead" />
          </div>
        </div>
        <details class="hip-library" data-testid="hip-rest">
          <summary>{t(REST_AND_ICE.titleKey)}</summary>
          <GuidanceList guidance={REST_AND_ICE} />
        </details>
      </section>
    );
  }

  const outerHipPain = props.settings.outerHipPain || hc.avoidCrossBodyStretches;
  const today = pickExercises(hc, { outerHipPain }, props.today);
  const library = libraryFor({ outerHipPain });
  const advice = hc.advice.flatMap((a) =>
    a.code === 'see_clinician' ? [] : [{ code: a.code, key: ADVICE_KEYS[a.code] }],
  );
  const group = (kind: Exercise['kind'], headingKey: string) => (
    <section class="hip-group" aria-labelledby={`${uid}-lib-${kind}`} data-group={kind}>
      <h3 id={`${uid}-lib-${kind}`}>{t(headingKey)}</h3>
      <ul class="hip-list">
        {library
          .filter((e) => e.kind === kind)
          .map((e) => (
            <li key={e.id}>
              <ExerciseCard exercise={e} level={4} idPrefix={`${uid}-lib`} />
            </li>
          ))}
      </ul>
    </section>
  );

  return (
    <section class="card hip-care" aria-labelledby={titleId} data-testid="hip-care" data-state="exercises">
      <h2 id={titleId}>{t('hip_title')}</h2>
      {advice.length > 0 && (
        <ul class="hip-advice">
          {advice.map((a) => (
            <li key={a.code} data-code={a.code}>
              {t(a.key)}
            </li>
          ))}
        </ul>
      )}
      <ul class="hip-list" aria-label={t('hip_today_label')} data-testid="hip-today">
        {today.map((e, i) => (
          <li key={e.id}>
            <ExerciseCard exercise={e} level={3} idPrefix={`${uid}-today`} first={i === 0} />
          </li>
        ))}
      </ul>
      <p class="hip-safety muted">{t('hip_safety')}</p>
      <details class="hip-library" data-testid="hip-library">
        <summary>{t('hip_browse')}</summary>
        {outerHipPain && (
          <p class="muted" data-testid="hip-cross-body-hidden">
            {t('hip_library_cross_body_hidden')}
          </p>
        )}
        {group('mobility', 'hip_library_mobility')}
        {group('strength', 'hip_library_strength')}
        <GuidanceBlock guidance={REST_AND_ICE} idPrefix={uid} />
        <GuidanceBlock guidance={RED_FLAGS} idPrefix={uid} />
      </details>
    </section>
  );
}
