import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { PainTrend as Trend, TrendDay } from '../core/engine/pain-trend';
import { ask } from '../messaging/ask';
import { formatDate, formatDayMonth, formatDistance, formatDuration } from './format';
import { numberFormat } from './intl-cache';
import { t } from './i18n';
import { chartNumber } from './WeeklyChart';
import './pain-trend.css';

// The options page's six weeks of hip pain: mornings and after-run answers as two lines with
// different markers (a filled circle, an open square) and dash, so they differ without colour;
// each day's running as a bar beneath on the same day axis, a spike marked with a triangle. Drawn
// at the width it is given (measured), so text and markers keep their size from 360 px up; a
// summary and a table carry the same for screen readers.

export type TrendReply = Trend & { today: string };

const HEIGHT = 196;
const LEFT = 28;
const RIGHT = 8;
const PAIN_TOP = 10;
const PAIN_H = 110;
const BARS_TOP = PAIN_TOP + PAIN_H + 16;
const BARS_H = 36;
const AXIS_Y = BARS_TOP + BARS_H + 16;

const one = (n: number) =>
  numberFormat(navigator.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(n);
const pain = (n: number) => t('trend_pain_value', String(n));

function runText(v: number, measure: Trend['measure'], units: 'km' | 'mi'): string {
  return measure === 'time' ? formatDuration(v) : formatDistance(v, units);
}

/** Polyline points through the answered days, in day order. */
function line(
  days: readonly TrendDay[],
  get: (d: TrendDay) => number | null,
  x: (i: number) => number,
  y: (p: number) => number,
) {
  const pts: string[] = [];
  days.forEach((d, i) => {
    const v = get(d);
    if (v !== null) pts.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  return pts.join(' ');
}

/** The chart itself, at `width` pixels. */
export function TrendChart(props: { trend: TrendReply; units: 'km' | 'mi'; width: number }) {
  const { trend, units } = props;
  const days = trend.days;
  const width = Math.max(240, props.width);
  const step = (width - LEFT - RIGHT) / days.length;
  const x = (i: number) => LEFT + (i + 0.5) * step;
  const y = (p: number) => PAIN_TOP + PAIN_H * (1 - p / 10);
  const maxRun = Math.max(0, ...days.map((d) => d.run ?? 0));
  const barW = Math.max(2, Math.min(10, step * 0.6));
  const barH = (v: number) => (maxRun > 0 ? Math.max(2, (v / maxRun) * BARS_H) : 2);
  return (
    <svg
      class="trend-chart"
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      role="img"
      aria-label={t('trend_chart_label')}
      aria-describedby="trend-summary"
      data-testid="trend-chart"
    >
      {/* Pain axis: 0, the acceptable limit of 5, and 10. */}
      {[0, 5, 10].map((p) => (
        <g key={p} aria-hidden="true">
          <line class={p === 5 ? 'trend-limit' : 'trend-grid'} x1={LEFT} x2={width - RIGHT} y1={y(p)} y2={y(p)} />
          <text class="trend-axis" x={LEFT - 6} y={y(p) + 4} text-anchor="end">
            {p}
          </text>
        </g>
      ))}
      {/* Week boundaries, the blocks the weekly means below are of. */}
      {trend.weeks.map((w, i) => (
        <g key={w.from} aria-hidden="true">
          {i > 0 && (
            <line
              class="trend-grid"
              x1={x(i * 7) - step / 2}
              x2={x(i * 7) - step / 2}
              y1={PAIN_TOP}
              y2={BARS_TOP + BARS_H}
            />
          )}
          <text class="trend-axis" x={x(i * 7) - step / 2 + 2} y={AXIS_Y}>
            {formatDayMonth(w.from)}
          </text>
        </g>
      ))}
      <polyline class="trend-line-later" points={line(days, (d) => d.later, x, y)} aria-hidden="true" />
      <polyline class="trend-line-morning" points={line(days, (d) => d.morning, x, y)} aria-hidden="true" />
      {days.map((d, i) => (
        <g key={d.date} aria-hidden="true">
          {d.later !== null && (
            <rect
              class="trend-later"
              data-testid="trend-later"
              data-date={d.date}
              x={x(i) - 3.5}
              y={y(d.later) - 3.5}
              width={7}
              height={7}
            >
              <title>{`${formatDate(d.date)}, ${t('trend_legend_later')}: ${pain(d.later)}`}</title>
            </rect>
          )}
          {d.morning !== null && (
            <circle
              class="trend-morning"
              data-testid="trend-morning"
              data-date={d.date}
              cx={x(i)}
              cy={y(d.morning)}
              r={4}
            >
              <title>{`${formatDate(d.date)}, ${t('trend_legend_morning')}: ${pain(d.morning)}`}</title>
            </circle>
          )}
          {d.run !== null && (
            <rect
              class={d.spike ? 'trend-run spike' : 'trend-run'}
              data-testid="trend-run"
              data-date={d.date}
              x={x(i) - barW / 2}
              y={BARS_TOP + BARS_H - barH(d.run)}
              width={barW}
              height={barH(d.run)}
            >
              <title>{`${formatDate(d.date)}: ${runText(d.run, trend.measure, units)}`}</title>
            </rect>
          )}
          {d.spike && (
            <path
              class="trend-spike"
              data-testid="trend-spike"
              data-date={d.date}
              data-severity={d.spike.severity}
              d={`M${x(i)},${BARS_TOP + BARS_H - barH(d.run ?? 0) - 10}l4,7h-8z`}
            >
              <title>{`${formatDate(d.date)}: ${t('trend_spike_value', String(Math.round(d.spike.pctOver)))}`}</title>
            </path>
          )}
        </g>
      ))}
      {maxRun > 0 && (
        <text class="trend-axis" x={LEFT - 6} y={BARS_TOP + 8} text-anchor="end" aria-hidden="true">
          {trend.measure === 'time' ? formatDuration(maxRun) : chartNumber(maxRun, units)}
        </text>
      )}
    </svg>
  );
}

/** The legend: each marker drawn as in the chart, beside its words. */
function Legend(props: { runUnit: string | null }) {
  const icon = (shape: preact.JSX.Element) => (
    <svg class="trend-icon" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true">
      {shape}
    </svg>
  );
  return (
    <ul class="trend-legend muted">
      <li>
        {icon(
          <>
            <line class="trend-line-morning" x1="1" x2="21" y1="6" y2="6" />
            <circle class="trend-morning" cx="11" cy="6" r="4" />
          </>,
        )}
        {t('trend_legend_morning')}
      </li>
      <li>
        {icon(
          <>
            <line class="trend-line-later" x1="1" x2="21" y1="6" y2="6" />
            <rect class="trend-later" x="7.5" y="2.5" width="7" height="7" />
          </>,
        )}
        {t('trend_legend_later')}
      </li>
      <li>
        {icon(<line class="trend-limit" x1="1" x2="21" y1="6" y2="6" />)}
        {t('trend_legend_limit')}
      </li>
      <li>
        {icon(<rect class="trend-run" x="8" y="2" width="6" height="10" />)}
        {props.runUnit ? t('trend_legend_run_unit', props.runUnit) : t('trend_legend_run')}
      </li>
      <li>
        {icon(<path class="trend-spike" d="M11,2l4,7h-8z" />)}
        {t('trend_legend_spike')}
      </li>
    </ul>
  );
}

/** The chart's words: the summary, the weekly means and, for screen readers, every day in a table. */
export function TrendText(props: { trend: TrendReply; units: 'km' | 'mi' }) {
  const { trend, units } = props;
  const answered = trend.days.filter((d) => d.morning !== null || d.later !== null);
  const high = answered.reduce<TrendDay | null>(
    (best, d) =>
      !best || Math.max(d.morning ?? 0, d.later ?? 0) >= Math.max(best.morning ?? 0, best.later ?? 0) ? d : best,
    null,
  );
  const runs = trend.days.filter((d) => d.run !== null);
  const mean = (m: number | null) => (m === null ? t('trend_weekEmpty') : one(m));
  const [before, last] = trend.weeks.slice(-2);
  return (
    <>
      <p id="trend-summary" data-testid="trend-summary">
        {high &&
          t('trend_summary_answers', [
            String(answered.length),
            String(Math.max(high.morning ?? 0, high.later ?? 0)),
            formatDate(high.date),
          ])}{' '}
        {t('trend_summary_runs', [String(runs.length), String(runs.filter((d) => d.spike).length)])}
      </p>
      {last && before && (
        <p data-testid="trend-weeks-summary">{t('trend_weeks', [mean(last.mean), mean(before.mean)])}</p>
      )}
      <h4 class="trend-weeks-h">{t('trend_weeksTitle')}</h4>
      <ol class="trend-weeks" data-testid="trend-weeks">
        {trend.weeks.map((w) => (
          <li key={w.to} data-mean={w.mean ?? ''}>
            {t('trend_week_item', [w.to === trend.today ? t('whenToday') : formatDayMonth(w.to), mean(w.mean)])}
          </li>
        ))}
      </ol>
      <table class="visually-hidden" data-testid="trend-table">
        <caption>{t('trend_tableTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colDate')}</th>
            <th scope="col">{t('trend_legend_morning')}</th>
            <th scope="col">{t('trend_legend_later')}</th>
            <th scope="col">{t('trend_legend_run')}</th>
            <th scope="col">{t('trend_legend_spike')}</th>
          </tr>
        </thead>
        <tbody>
          {trend.days
            .filter((d) => d.morning !== null || d.later !== null || d.run !== null)
            .map((d) => (
              <tr key={d.date}>
                <th scope="row">{formatDate(d.date)}</th>
                <td>{d.morning === null ? '–' : pain(d.morning)}</td>
                <td>{d.later === null ? '–' : pain(d.later)}</td>
                <td>{d.run === null ? '–' : runText(d.run, trend.measure, units)}</td>
                <td>{d.spike ? t('trend_spike_value', String(Math.round(d.spike.pctOver))) : '–'}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </>
  );
}

/** The chart at its container's width, which it follows when the window is resized. */
function MeasuredChart(props: { trend: TrendReply; units: 'km' | 'mi' }) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      if (el.clientWidth > 0) setWidth(Math.floor(el.clientWidth));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div class="trend-box" ref={box}>
      <TrendChart trend={props.trend} units={props.units} width={width} />
    </div>
  );
}

/**
 * The options page's "Hip pain" section: the trend, read from the background whenever the data
 * changes (`version`). Opened as options.html#pain-trend (the popup's link), it scrolls itself
 * into view once drawn: the page's sections above load after the browser looked for the anchor.
 */
export function PainTrend(props: { units: 'km' | 'mi'; version: number }) {
  const [trend, setTrend] = useState<TrendReply | null>(null);
  const [error, setError] = useState<string | null>(null);
  const section = useRef<HTMLElement>(null);
  const scrolled = useRef(false);
  useEffect(() => {
    void ask({ type: 'pain/trend' }).then((r) => {
      if (r.ok) {
        setTrend(r);
        setError(null);
      } else setError(r.words);
    });
  }, [props.version]);
  useEffect(() => {
    if (!trend || scrolled.current || location.hash !== '#pain-trend') return;
    scrolled.current = true;
    section.current?.scrollIntoView();
  }, [trend]);
  const answered = trend?.days.some((d) => d.morning !== null || d.later !== null) ?? false;
  return (
    <section class="card pain-trend" id="pain-trend" aria-labelledby="pain-trend-h" ref={section}>
      <h2 id="pain-trend-h">{t('trend_sectionTitle')}</h2>
      <h3>{t('trend_title')}</h3>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {trend && !answered && <p class="muted">{t('trend_empty')}</p>}
      {trend && answered && (
        <>
          <p class="muted">{t('trend_explain')}</p>
          <MeasuredChart trend={trend} units={props.units} />
          <Legend runUnit={trend.measure === 'distance' ? t(`unit_${props.units}`) : null} />
          <TrendText trend={trend} units={props.units} />
        </>
      )}
    </section>
  );
}
