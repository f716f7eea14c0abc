import {
  CATCH_UP,
  CATCH_UP_SITES,
  readAgo,
  type CatchUpSite,
  type SiteCatchUp,
  type SiteReads,
} from '../core/catch-up';
import { t, tn, uiLanguage } from './i18n';
import { dateFormat, numberFormat } from './intl-cache';

// The popup's catch-up wording: when each site's list was last read, and how each site's part
// of a catch-up ended. Sentences come from _locales; the states from core/catch-up.ts.

/** Where a runner signs in, as the signed-out line names it. */
const SIGN_IN_HOSTS: Record<CatchUpSite, string> = { strava: 'strava.com', garmin: 'connect.garmin.com' };

const siteName = (site: CatchUpSite) => t(`source_${site}`);

/** "Strava read today 07:12 · Garmin Connect read 3 days ago"; "Garmin Connect never read". */
export function siteReadsText(
  reads: SiteReads,
  nowMs: number,
  timeZone: string,
  locale: string = navigator.language,
): string {
  const time = (ms: number) => dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(ms);
  return CATCH_UP_SITES.map((site) => {
    const ago = readAgo(reads[site], nowMs, timeZone);
    const name = siteName(site);
    switch (ago.kind) {
      case 'never':
        return t('catchUp_readNever', name);
      case 'today':
        return t('catchUp_readToday', [name, time(ago.atMs)]);
      case 'yesterday':
        return t('catchUp_readYesterday', [name, time(ago.atMs)]);
      case 'days':
        return tn('catchUp_readDays', ago.days, [name, numberFormat(uiLanguage()).format(ago.days)]);
    }
  }).join(' · ');
}

/** One site's line after a catch-up; null while it still reads. */
export function siteCatchUpText(site: CatchUpSite, outcome: SiteCatchUp): string | null {
  const name = siteName(site);
  switch (outcome.state) {
    case 'reading':
      return null;
    case 'new':
      return tn('catchUp_new', outcome.activities, [name, numberFormat(uiLanguage()).format(outcome.activities)]);
    case 'nothing-new':
      return t('catchUp_nothingNew', name);
    case 'signed-out':
      return t('catchUp_signedOut', [name, SIGN_IN_HOSTS[site]]);
    case 'rate-limited':
      return t('catchUp_rateLimited', name);
    case 'unreadable':
      return t('catchUp_unreadable', name);
    case 'unreachable':
      return t('catchUp_unreachable', name);
    case 'site-error':
      return t('catchUp_siteError', name);
    case 'not-stored':
      return t('catchUp_notStored', name);
    case 'timed-out':
      return t('catchUp_timedOut', [name, String(CATCH_UP.timeLimitMs / 1000)]);
    case 'closed':
      return t('catchUp_closed', name);
    case 'not-opened':
      return t('catchUp_notOpened', name);
  }
}
