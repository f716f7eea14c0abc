import { t } from './i18n';

export { PopupFoot } from './PopupFoot';

/** The popup before any run is stored: what Hip Check does, where runs come from, and the how-to page. */
export function FirstRun() {
  return (
    <section class="card" data-testid="first-run">
      <h2>{t('firstRunTitle')}</h2>
      <p>{t('firstRunWhat')}</p>
      <ul>
        <li>{t('firstRunStrava')}</li>
        <li>{t('firstRunGarmin')}</li>
        <li>{t('firstRunImport')}</li>
      </ul>
      <p>
        <a href="/welcome.html" target="_blank" data-testid="welcome-link">
          {t('welcomeOpen')}
        </a>
      </p>
      <p class="muted">{t('privacyLinePopup')}</p>
    </section>
  );
}
