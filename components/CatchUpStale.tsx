import { readToday } from '../core/read-today';
import type { PopupState } from '../core/protocol';
import { CatchUpButton } from './CatchUpButton';
import { t } from './i18n';

type Fresh = Pick<PopupState, 'siteReads' | 'timeZone' | 'runRecordedToday' | 'catchUp'>;

/** Neither site's list was read today and no run is recorded today: the verdict may lack today's run. */
export const catchUpStale = (s: Fresh, nowMs: number) =>
  !s.runRecordedToday && !readToday(s.siteReads, nowMs, s.timeZone);

/**
 * The note under the verdict card when it is stale, with the catch-up button beside it. A note,
 * not a verdict of its own: no level, no colour. Rendered with the verdict (not a later chunk),
 * so nothing moves when it appears.
 */
export function CatchUpStale(props: { state: Fresh }) {
  return catchUpStale(props.state, Date.now()) ? (
    <p class="muted" data-testid="catch-up-stale">
      {t('catchUp_stale')} <CatchUpButton run={props.state.catchUp} />
    </p>
  ) : null;
}
