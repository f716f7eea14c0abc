import { coversDistance, type Activity } from '../core/activity';
import { formatDate, formatDistance, formatDuration } from './format';
import { t } from './i18n';

export function RecentActivities(props: { activities: Activity[]; units: 'km' | 'mi'; limit: number }) {
  const shown = props.activities.slice(0, props.limit);
  return (
    <section class="card" aria-labelledby="recent-h">
      <h2 id="recent-h">{t('recentTitle')}</h2>
      <table data-testid="recent-activities">
        <thead>
          <tr>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{t('colSport')}</th>
            <th scope="col" class="num">
              {t('colDistance')}
            </th>
            <th scope="col" class="num">
              {t('colTime')}
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a.key} data-key={a.key}>
              <td>{formatDate(a.localDate)}</td>
              <td title={a.sportLabel}>{t(`sport_${a.sport}`)}</td>
              {/* A session without a distance (strength) says its time, never "0 mi". */}
              {coversDistance(a) && <td class="num">{formatDistance(a.distanceM, props.units)}</td>}
              <td class="num" colSpan={coversDistance(a) ? undefined : 2}>
                {formatDuration(a.movingS ?? a.elapsedS)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
