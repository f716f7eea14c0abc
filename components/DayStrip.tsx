import type { DayKind } from '../core/engine/calendar-summary';
import { formatDate } from './format';
import { t } from './i18n';

export function DayStrip(props: { today: string; days: readonly { date: string; kind: DayKind; marked: boolean }[] }) {
  const days = props.days;
  return (
    <section class="card" aria-labelledby="strip-h">
      <h2 id="strip-h">{t('stripTitle')}</h2>
      <ol class="day-strip" data-testid="day-strip">
        {days.map((d) => {
          const label = `${d.date === props.today ? t('today') : formatDate(d.date)}: ${t(`day_${d.kind}`)}`;
          return (
            <li
              key={d.date}
              class={`day day-${d.kind}${d.date === props.today ? ' day-today' : ''}`}
              title={label}
              data-date={d.date}
              data-kind={d.kind}
            >
              <span class="visually-hidden">{label}</span>
              <span aria-hidden="true">{d.kind === 'run' ? '●' : d.kind === 'cross' ? '◐' : '○'}</span>
            </li>
          );
        })}
      </ol>
      <p class="legend muted" aria-hidden="true">
        ● {t('day_run')} · ◐ {t('day_cross')} · ○ {t('day_rest')}
      </p>
    </section>
  );
}
