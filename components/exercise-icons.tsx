import type { JSX } from 'preact';
import type { IconId } from '../core/engine/hip-care-library';

// Exercise drawings are SVG files in public/exercises/<id>.svg (drawn by
// scripts/draw-exercises.mjs), served by the extension rather than bundled, so they cost the
// popup's JavaScript nothing. Each is painted as a CSS mask over currentColor (hip-care.css), so
// it follows the text colour in light and dark themes. The notice icons are small enough to stay
// inline.

type NoticeId = 'rest_ice' | 'red_flag' | 'positions';

const NOTICES: Record<NoticeId, () => JSX.Element> = {
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
  positions: () => (
    <>
      {/* Two legs lying one on the other, a pillow between the knees. */}
      <path d="M4 12h28l10 8M4 36h28l10-8" />
      <rect x="18" y="18" width="16" height="12" rx="4" />
    </>
  ),
};

/** Where an exercise's drawing lies in the built extension. */
export const drawingUrl = (icon: IconId): string => `/exercises/${icon}.svg`;

/**
 * The drawing for an exercise (start faint, end solid; size is its height, 4:3) or a notice's
 * icon (square). With a label it is an image for screen readers (role="img"); without one it is
 * decoration next to a heading that already says it all.
 */
export function ExerciseIcon(props: { icon: IconId; label?: string; size?: number }) {
  const size = props.size ?? 48;
  const a11y = props.label
    ? { role: 'img' as const, 'aria-label': props.label }
    : { 'aria-hidden': true, focusable: 'false' as const };
  const Notice = NOTICES[props.icon as NoticeId];
  if (!Notice)
    return (
      <span
        class="hip-drawing"
        data-icon={props.icon}
        style={`--drawing:url(${drawingUrl(props.icon)});width:${(size * 4) / 3}px;height:${size}px`}
        {...a11y}
      />
    );
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
      <Notice />
    </svg>
  );
}

export const NOTICE_IDS = Object.keys(NOTICES) as NoticeId[];
