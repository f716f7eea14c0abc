import { libraryFor, RED_FLAGS, REST_AND_ICE, type Exercise, type Guidance } from '../core/engine/hip-care-library';
import { ExerciseIcon } from './exercise-icons';
import { ExerciseCard, GuidanceList } from './hip-care-parts';
import { t } from './i18n';
import './hip-library.css';

// "Browse all exercises": the whole library by kind, rest and ice, and when to see a GP or
// physiotherapist. Its own chunk, loaded the first time the runner opens it.

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

/** The library's content, inside HipCare's "Browse all exercises" details element. */
export function HipLibrary(props: { outerHipPain: boolean; uid: string }) {
  const uid = props.uid;
  const library = libraryFor({ outerHipPain: props.outerHipPain });
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
    <>
      {props.outerHipPain && (
        <p class="muted" data-testid="hip-cross-body-hidden">
          {t('hip_library_cross_body_hidden')}
        </p>
      )}
      {group('mobility', 'hip_library_mobility')}
      {group('strength', 'hip_library_strength')}
      <GuidanceBlock guidance={REST_AND_ICE} idPrefix={uid} />
      <GuidanceBlock guidance={RED_FLAGS} idPrefix={uid} />
    </>
  );
}
