import { formatDate, formatDistance } from './format';
import { t } from './i18n';

export function WeeklyChart(props: { weeks: readonly { start: string; metres: number }[]; units: 'km' | 'mi' }) {
  const weeks = props.weeks;
  const max = Math.max(1, ...weeks.map((w) => w.metres));
  const W = 320;
  const H = 80;
  const bar = W / weeks.length;
  return (
    <section class="card" aria-labelledby="weeks-h">
      <h2 id="weeks-h">{t('weeksTitle')}</h2>
      <svg
        class="weekly-chart"
        viewBox={`0 0 ${W} ${H + 14}`}
        role="img"
        aria-labelledby="weeks-h weeks-desc"
        data-testid="weekly-chart"
      >
        <desc id="weeks-desc">
          {weeks.map((w) => `${formatDate(w.start)}: ${formatDistance(w.metres, props.units)}`).join('; ')}
        </desc>
        {weeks.map((w, i) => {
          const h = Math.round((w.metres / max) * H);
          const last = i === weeks.length - 1;
          return (
            <rect
              key={w.start}
              x={i * bar + 2}
              y={H - h}
              width={bar - 4}
              height={Math.max(h, w.metres > 0 ? 1 : 0)}
              rx="2"
              class={last ? 'bar this-week' : 'bar'}
            />
          );
        })}
        <line x1="0" x2={W} y1={H + 0.5} y2={H + 0.5} class="axis" />
        <text x="0" y={H + 12} class="tick">
          {formatDate(weeks[0]!.start)}
        </text>
        <text x={W} y={H + 12} text-anchor="end" class="tick">
          {t('thisWeek')}
        </text>
      </svg>
      <p class="muted">{t('thisWeekDistance', formatDistance(weeks[weeks.length - 1]!.metres, props.units))}</p>
    </section>
  );
}
