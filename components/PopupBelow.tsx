import type { PopupState } from '../core/protocol';
import { CatchUpButton } from './CatchUpButton';
import { LoadInfo } from './LoadInfo';
import { RecentActivities } from './RecentActivities';
import { WeeklyChart } from './WeeklyChart';

export { PopupFoot } from './PopupFoot';
import './forms.css';
import './popup-below.css';

export interface PopupBelowProps {
  state: PopupState;
  units: 'km' | 'mi';
  onChanged: () => void;
}

/** What the popup shows below the fold, in its own chunk loaded after the first paint. */
export function PopupBelow(props: PopupBelowProps) {
  const s = props.state;
  return (
    <>
      {/* Unless the stale note under the verdict has it. */}
      {!s.catchUpStale && (
        <p class="catch-up-again">
          <CatchUpButton run={s.catchUp} />
        </p>
      )}
      <WeeklyChart
        weeks={s.weeks}
        target={s.settings.targetRunsPerWeek}
        units={props.units}
        calendarWeek={s.calendarWeek}
      />
      <LoadInfo verdict={s.verdict} />
      <RecentActivities activities={s.recent} units={props.units} limit={5} />
    </>
  );
}
