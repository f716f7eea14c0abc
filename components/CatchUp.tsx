import { useEffect } from 'preact/hooks';
import { autoCatchUpDue, CATCH_UP_SITES } from '../core/catch-up';
import type { PopupState } from '../core/protocol';
import { ask } from '../messaging/ask';
import { CatchUpButton } from './CatchUpButton';
import { LastRunRead } from './LastRunRead';
import { siteCatchUpText, siteReadsText } from './catch-up-text';
import { t } from './i18n';
import './catch-up.css';

// Once per opening of the popup, however often this part is mounted (it moves when the first
// run arrives): the module lives as long as the popup's page.
let autoAsked = false;

/** For unit tests, each of which opens the popup anew. */
export function forgetAutoAsked(): void {
  autoAsked = false;
}

/**
 * The last run read, when each site's list was last read, and the catch-up running or how the last one ended. The
 * button is in the stale note under the verdict, or else below the fold (PopupBelow), where its
 * row does not push today's first hip exercise out of the 600 px; `button`: here instead (the
 * first-run popup, which has nothing below). With the runner's automatic catch-up on, opening
 * the popup asks for one when it is due; with it off, nothing is sent.
 */
export function CatchUp(props: { state: PopupState; button?: true }) {
  const { siteReads, catchUp, settings, timeZone } = props.state;
  useEffect(() => {
    if (autoAsked || !settings.autoCatchUp || !autoCatchUpDue(settings.autoCatchUp, siteReads, catchUp, Date.now()))
      return;
    autoAsked = true;
    void ask({ type: 'catchup/start', trigger: 'popup' });
  }, []);
  const running = catchUp?.endedMs === null; // the stored run has not ended
  return (
    <section class="catch-up">
      {/* When the last run was, then when Hip Check last looked: one chunk, one paint. */}
      <LastRunRead last={props.state.lastRunRead} today={props.state.today} timeZone={timeZone} />
      <p class="muted" data-testid="site-reads">
        {siteReadsText(siteReads, Date.now(), timeZone)}
      </p>
      {props.button && !props.state.catchUpStale && <CatchUpButton run={catchUp} />}
      <div role="status">
        {running && <p data-testid="catch-up-running">{t('catchUp_running')}</p>}
        {catchUp && !running && (
          <ul class="catch-up-lines">
            {CATCH_UP_SITES.map((site) => {
              const line = siteCatchUpText(site, catchUp.sites[site]);
              return line && <li data-testid={`catch-up-${site}`}>{line}</li>;
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
