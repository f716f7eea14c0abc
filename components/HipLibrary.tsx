import {
  hiddenBecause,
  libraryFor,
  OUTSIDE_POSITIONS,
  RED_FLAGS,
  REST_AND_ICE,
  type Exercise,
  type HiddenBecause,
  type HipSafety,
} from '../core/engine/hip-care-library';
import { ExerciseCard, GuidanceBlock } from './hip-care-parts';
import { t } from './i18n';
import './hip-library.css';

// "Browse all exercises": the whole library by kind, in the version safe for this hip, what is
// left out and why, rest and ice, and when to see a GP or physiotherapist. Its own chunk, loaded
// the first time the runner opens it.

/** Why exercises are not shown, in _locales words. */
export const HIDDEN_KEYS: Readonly<Record<HiddenBecause, string>> = {
  cross_body_outside: 'hip_library_cross_body_hidden',
  cross_body_pain: 'hip_library_cross_body_pain',
  side_lying_pain: 'hip_library_side_lying_hidden',
  groin_deep_flexion: 'hip_library_groin_hidden',
};

/** The library's content, inside HipCare's "Browse all exercises" details element. */
export function HipLibrary(props: { safety: HipSafety; uid: string }) {
  const uid = props.uid;
  const library = libraryFor(props.safety);
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
      {hiddenBecause(props.safety).map((why) => (
        <p key={why} class="muted" data-testid="hip-hidden" data-why={why}>
          {t(HIDDEN_KEYS[why])}
        </p>
      ))}
      {group('mobility', 'hip_library_mobility')}
      {group('strength', 'hip_library_strength')}
      {props.safety.outside && <GuidanceBlock guidance={OUTSIDE_POSITIONS} idPrefix={`${uid}-lib`} />}
      <GuidanceBlock guidance={REST_AND_ICE} idPrefix={uid} />
      <GuidanceBlock guidance={RED_FLAGS} idPrefix={uid} />
    </>
  );
}
