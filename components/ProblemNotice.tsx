import type { StoredProblem } from '../background/read-problems';
import { t } from './i18n';

/** A quiet notice when a site reader could not read a page it expected to read. */
export function ProblemNotice(props: { problems: StoredProblem[]; onDismiss: () => void }) {
  if (props.problems.length === 0) return null;
  return (
    <section class="card notice" role="status" data-testid="problems">
      <details>
        <summary>{t('problemsSummary', String(props.problems.length))}</summary>
        <ul>
          {props.problems.map((p) => (
            <li key={`${p.site}-${p.page}`}>
              {p.reason} <span class="muted">({new Date(p.atMs).toLocaleString()})</span>
            </li>
          ))}
        </ul>
        <button type="button" onClick={props.onDismiss}>{t('problemsDismiss')}</button>
      </details>
    </section>
  );
}
