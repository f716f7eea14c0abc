import type { Verdict } from '../core/engine/verdict';
import { t } from './i18n';

/**
 * Acute:chronic load and monotony, as information only: their evidence for runners is weak or
 * contrary, so they never change the verdict and are never shown as an injury risk.
 */
export function LoadInfo(props: { verdict: Verdict }) {
  const load = props.verdict.load;
  if (!load) return null;
  const n = (x: number | null, d = 2) =>
    x === null ? '–' : new Intl.NumberFormat(navigator.language, { maximumFractionDigits: d }).format(x);
  return (
    <details class="card load-info" data-testid="load-info">
      <summary>{t('loadTitle')}</summary>
      <dl>
        <dt>{t('loadRatio')}</dt>
        <dd>{n(load.acuteChronicRatio)}</dd>
        <dt>{t('loadMonotony')}</dt>
        <dd>{n(load.monotony)}</dd>
      </dl>
      <p class="muted">{t('loadCaveat')}</p>
    </details>
  );
}
