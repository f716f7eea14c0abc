import type { StoredProblem } from '../core/messages';
import { t, tn } from './i18n';
import { problemText } from './problem-text';

/** A quiet notice when a site reader could not read a page it expected to read. */
export function ProblemNotice(props: { problems: StoredProblem[]; onDismiss: () => void }) {
  if (props.problems.length === 0) return null;
  return (
    <section class="card notice" role="status" data-testid="problems">
      <details>
        <summary>{tn('problemsSummary', props.problems.length)}</summary>
        <ul>
          {props.problems.map((p) => (
            <li key={`${p.site}-${p.page}`}>
              <strong>{t(`problem_${p.site}`)}</strong> {problemText(p.reason)}{' '}
              <span class="muted">({new Date(p.atMs).toLocaleString()})</span>
            </li>
          ))}
        </ul>
        <button type="button" onClick={props.onDismiss}>
          {t('problemsDismiss')}
        </button>
      </details>
    </section>
  );
}
