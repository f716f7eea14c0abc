import type { JSX } from 'preact';
import type { IconId } from '../core/engine/hip-care-library';

// Small line drawings, one per exercise, on a 48 × 48 grid: a stick figure in currentColor (so
// they follow the text colour in light and dark themes), the floor faint, arrows for movement.

const FLOOR = <path class="hip-icon-floor" d="M2 44h44" />;

/** Head: a filled dot. */
function Head(props: { x: number; y: number }) {
  return <circle cx={props.x} cy={props.y} r="3.2" fill="currentColor" stroke="none" />;
}

const DRAWINGS: Record<IconId, () => JSX.Element> = {
  figure_four: () => (
    <>
      {FLOOR}
      <Head x={6} y={38} />
      {/* Back on the floor, one leg bent up, the other ankle across its knee: a 4. */}
      <path d="M10 41h14" />
      <path d="M24 41l9-14 4 14" />
      <path d="M24 41l-4-11 13-3" />
      <path d="M12 40l16-7" />
    </>
  ),
  knee_to_opposite_shoulder: () => (
    <>
      {FLOOR}
      <Head x={6} y={38} />
      <path d="M10 41h16l18 1" />
      <path d="M26 41l-6-13 7-2" />
      <path d="M12 40l8-11" />
      {/* Pulled across the body, towards the far shoulder. */}
      <path class="hip-icon-move" d="M30 20c-5-5-12-6-17-1" />
      <path class="hip-icon-move" d="M16 16l-3 3 4 2" />
    </>
  ),
  kneeling_hip_flexor: () => (
    <>
      {FLOOR}
      <Head x={20} y={7} />
      <path d="M20 11v16" />
      <path d="M20 27l-7 16h-9" />
      <path d="M20 27l11 1 1 15" />
      <path d="M20 15l5 6-4 4" />
      <path class="hip-icon-move" d="M25 33l5 0m-2-2l2 2-2 2" />
    </>
  ),
  hip_circles: () => (
    <>
      {FLOOR}
      <path class="hip-icon-floor" d="M6 6v38" />
      <Head x={20} y={7} />
      <path d="M20 11v15" />
      <path d="M20 26v18" />
      <path d="M20 26h10v10" />
      <path d="M20 15l-13 3" />
      <path class="hip-icon-move" d="M37 22a7 7 0 1 1-6-5" />
      <path class="hip-icon-move" d="M29 14l2 3-3 2" />
    </>
  ),
  lunge_twist: () => (
    <>
      {FLOOR}
      <Head x={28} y={17} />
      {/* Long lunge, one hand down inside the front foot, the other arm up: the chest turns. */}
      <path d="M23 21l-10 9" />
      <path d="M13 30l13 1v13" />
      <path d="M13 30l-11 14" />
      <path d="M23 21l-1 23" />
      <path d="M23 21l-2-17" />
    </>
  ),
  downward_dog: () => (
    <>
      {FLOOR}
      <path d="M6 44l18-30 18 30" />
      <Head x={12} y={30} />
    </>
  ),
  glute_bridge: () => (
    <>
      {FLOOR}
      <Head x={5} y={39} />
      <path d="M9 42l15-12 10-5 5 19" />
      <path d="M9 42h8" />
      <path class="hip-icon-move" d="M24 22v-9m-3 3l3-3 3 3" />
    </>
  ),
  single_leg_bridge: () => (
    <>
      {FLOOR}
      <Head x={5} y={39} />
      <path d="M9 42l15-12 10-5 5 19" />
      <path d="M24 30l21-9" />
      <path class="hip-icon-move" d="M20 21v-9m-3 3l3-3 3 3" />
    </>
  ),
  clamshell: () => (
    <>
      {FLOOR}
      <Head x={5} y={36} />
      <path d="M9 39h15" />
      <path d="M24 40l12 1-8 2" />
      <path d="M24 38l11-11-6 15" />
      <path class="hip-icon-move" d="M40 36c2-5 1-10-3-13m0 4v-4h4" />
    </>
  ),
  side_lying_abduction: () => (
    <>
      {FLOOR}
      <Head x={5} y={36} />
      <path d="M9 39h15" />
      <path d="M24 41l9-1-3 3" />
      <path d="M24 39l20-12" />
      <path class="hip-icon-move" d="M44 38c2-3 2-6 1-9m-3 2l3-2 2 3" />
    </>
  ),
  lateral_step_up: () => (
    <>
      <path class="hip-icon-floor" d="M2 44h20v-10h24" />
      <Head x={28} y={6} />
      <path d="M28 10v13" />
      <path d="M28 23l4 5v6" />
      <path d="M28 23l-5 7-2 6" />
      <path d="M28 13l-4 8m4-8l4 8" />
      <path class="hip-icon-move" d="M14 34v-8m-3 3l3-3 3 3" />
    </>
  ),
  band_side_steps: () => (
    <>
      {FLOOR}
      <Head x={24} y={8} />
      <path d="M24 12v11" />
      <path d="M24 23l-7 8-3 13" />
      <path d="M24 23l7 8 3 13" />
      <path d="M24 15l-6 7m6-7l6 7" />
      <path class="hip-icon-band" d="M17 31h14" />
      <path class="hip-icon-move" d="M36 12h9m-3-3l3 3-3 3M12 12h-9m3-3l-3 3 3 3" />
    </>
  ),
  rest_ice: () => (
    <>
      {/* A snowflake. */}
      <path d="M24 4v40M6.7 14l34.6 20M6.7 34l34.6-20" />
      <path d="M19 7l5 4 5-4M19 41l5-4 5 4M7 21l6-1-2-6M41 27l-6 1 2 6M7 27l6 1-2 6M41 21l-6-1 2-6" />
    </>
  ),
  red_flag: () => (
    <>
      {/* A warning triangle with an exclamation mark. */}
      <path d="M24 5l20 37H4z" />
      <path d="M24 18v12" />
      <circle cx="24" cy="36" r="1.8" fill="currentColor" stroke="none" />
    </>
  ),
};

/**
 * The drawing for an exercise or a notice. With a label it is an image for screen readers
 * (role="img"); without one it is decoration next to a heading that already says it all.
 */
export function ExerciseIcon(props: { icon: IconId; label?: string; size?: number }) {
  const size = props.size ?? 48;
  const Drawing = DRAWINGS[props.icon];
  const a11y = props.label
    ? { role: 'img' as const, 'aria-label': props.label }
    : { 'aria-hidden': true, focusable: 'false' as const };
  return (
    <svg
      class="hip-icon"
      data-icon={props.icon}
      width={size}
      height={size}
      viewBox="0 0 48 48"
      fill="none"
      stroke="currentColor"
      stroke-width="2.4"
      stroke-linecap="round"
      stroke-linejoin="round"
      {...a11y}
    >
      <Drawing />
    </svg>
  );
}

export const ICON_IDS = Object.keys(DRAWINGS) as IconId[];
