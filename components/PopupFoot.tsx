import { browser } from 'wxt/browser';
import { t } from './i18n';

/**
 * The popup's last line: settings and data, the pain trend once there is an answer to show in it,
 * and the how-to page. Drawn last, once every part above is there (it would move as each arrived),
 * so it comes in the chunk of the last part: PopupBelow's, or the first-run card's.
 */
export function PopupFoot(props: { trend: boolean; howTo: boolean }) {
  return (
    <footer class="popup-foot row">
      <button type="button" class="linklike" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptions')}
      </button>
      {props.trend && (
        <a href="/options.html#pain-trend" target="_blank" data-testid="trend-link">
          {t('trend_open')}
        </a>
      )}
      {props.howTo && (
        <a href="/welcome.html" target="_blank">
          {t('welcomeOpen')}
        </a>
      )}
    </footer>
  );
}
