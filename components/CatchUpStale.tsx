import type { PopupState } from '../core/protocol';
import { CatchUpButton } from './CatchUpButton';
import { t } from './i18n';

/**
 * The note under the verdict card when neither site's list was read today (state.catchUpStale),
 * with the catch-up button beside it. A note, not a verdict of its own: no level, no colour.
 * Rendered with the verdict (not a later chunk), so nothing moves when it appears.
 */
export function CatchUpStale(props: { state: Pick<PopupState, 'catchUpStale' | 'catchUp'> }) {
  return props.state.catchUpStale ? (
    <p class="muted" data-testid="catch-up-stale">
      {t('catchUp_stale')} <CatchUpButton run={props.state.catchUp} />
    </p>
  ) : null;
}
