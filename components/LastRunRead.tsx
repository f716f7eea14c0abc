import type { LastRunRead as LastRun } from '../core/last-run-read';
import { addDays } from '../core/local-date';
import { formatDateInYear } from './format';
import { t, uiLanguage } from './i18n';
import { dateFormat, listFormat } from './intl-cache';

/** "today 07:12", "yesterday 18:30", or the date (with the year when not this year). */
export function lastRunWhen(
  last: Pick<LastRun, 'startMs' | 'localDate'>,
  today: string,
  timeZone: string,
  locale: string = navigator.language,
): string {
  const time = () =>
    dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(last.startMs));
  if (last.localDate === today) return t('lastRunToday', time());
  if (last.localDate === addDays(today, -1)) return t('lastRunYesterday', time());
  return formatDateInYear(last.localDate, today.slice(0, 4), locale);
}

/** "Strava and a file (run-29.fit)": each reader, the file by its name when known. */
function readFrom(last: Pick<LastRun, 'sources' | 'file'>, locale: string): string {
  const names = last.sources.map((s) =>
    s !== 'file' ? t(`source_${s}`) : last.file ? t('lastRunFromFileNamed', last.file) : t('lastRunFromFile'),
  );
  return listFormat(locale).format(names);
}

/** One quiet line that says Hip Check saw the latest run: its own name if any, when, where from. */
export function LastRunRead(props: { last: LastRun | null; today: string; timeZone: string; locale?: string }) {
  const last = props.last;
  if (!last) return null;
  const sources = readFrom(last, props.locale ?? uiLanguage());
  const when = lastRunWhen(last, props.today, props.timeZone, props.locale);
  return (
    <p class="last-run muted" data-testid="last-run-read">
      {last.name ? t('lastRunRead', [sources, when, last.name]) : t('lastRunReadNoName', [sources, when])}
    </p>
  );
}
