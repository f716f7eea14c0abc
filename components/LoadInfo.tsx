import type { Verdict } from '../core/engine/verdict';
import { t } from './i18n';
import { numberFormat } from './intl-cache';

/**
 * Acute:chronic load and monotony, as information only: their evidence for runners is weak or
 * contrary, so they never change the verdict. Each says what it is, with no band or colour that
 * could read as a safe zone, and the caveat sits beside the numbers, not behind them.
 */
export function LoadInfo(props: { verdict: Verdict }) {
  const load = props.verdict.load;
  if (!load) return null;
  const n = (x: number | null, d = 2) =>
    x === null ? '–' : numberFormat(navigator.language, { maximumFractionDigits: d }).format(x);
  return (
    <details class="card load-info" data-testid="load-info">
      <summary>{t('loadTitle')}</summary>
      <p class="muted" data-testid="load-caveat">
        {t('loadCaveat')}
      </p>
      <dl>
        <dt>{t('loadRatio')}</dt>
        <dd>{n(load.acuteChronicRatio)}</dd>
        <dd class="muted">{t('loadRatioWhat')}</dd>
        <dt>{t('loadMonotony')}</dt>
        <dd>{n(load.monotony)}</dd>
        <dd class="muted">{t('loadMonotonyWhat')}</dd>
      </dl>
    </details>
  );
}
