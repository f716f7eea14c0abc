import type { Dose, Exercise, Guidance } from '../core/engine/hip-care-library';
import { ExerciseIcon } from './exercise-icons';
import { t, tn } from './i18n';
import { numberFormat } from './intl-cache';

// Pieces of the hip-care section shared by today's exercises (HipCare.tsx) and the whole library
// (HipLibrary.tsx, loaded when the runner opens "Browse all exercises").

/** "Hold 30 sec, 2 times on each side", "3 sets of 12": numbers through Intl, words from _locales. */
export function formatDose(dose: Dose, locale: string = navigator.language): string {
  const num = numberFormat(locale);
  const side = dose.perSide ? '_side' : '';
  if (dose.holdSeconds !== null) {
    const hold = numberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(dose.holdSeconds);
    return tn(`hip_dose_hold${side}`, dose.sets, [hold, num.format(dose.sets)], locale);
  }
  return tn(`hip_dose_sets${side}`, dose.sets, [num.format(dose.sets), num.format(dose.repsPerSide ?? 0)], locale);
}

export function ExerciseCard(props: { exercise: Exercise; level: 3 | 4; idPrefix: string; first?: boolean }) {
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
      {e.noteKey && (
        <p class="hip-note" data-testid="hip-note">
          {t(e.noteKey)}
        </p>
      )}
      {e.progressionKey && (
        <p class="hip-progression muted" data-testid="hip-progression">
          {t(e.progressionKey)}
        </p>
      )}
      <p class="hip-targets muted">
        {t('hip_targets_label')} <span data-testid="hip-targets">{t(e.targetsKey)}</span>
      </p>
    </article>
  );
}

/** A guidance block with its heading and icon, at the heading level its place needs. */
export function GuidanceBlock(props: { guidance: Guidance; idPrefix: string }) {
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

export function GuidanceList(props: { guidance: Guidance; leadKey?: string }) {
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
