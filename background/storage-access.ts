import { errorText } from '../core/guards';

// No content script needs storage: they talk to the background by messages only, so a page that
// subverts one cannot change settings or turn sync on. Chrome restricts every area on request
// (storage.session is restricted by default; local and sync have setAccessLevel in current
// Chrome). Firefox offers setAccessLevel on storage.session alone, already restricted there, so
// its content scripts keep storage.local and storage.sync (documented in PRIVACY.md).

type Level = 'TRUSTED_CONTEXTS';
interface Area {
  setAccessLevel?: (o: { accessLevel: Level }) => Promise<void>;
}
type Areas = Partial<Record<'local' | 'sync' | 'session', Area>>;

/** The areas now closed to content scripts; called on every start (cheap, and idempotent). */
export async function restrictStorage(storage: Areas | undefined): Promise<string[]> {
  const done: string[] = [];
  for (const name of ['local', 'sync', 'session'] as const) {
    const area = storage?.[name];
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      done.push(name);
    } catch (e) {
      console.warn(`[Hip Check] storage.${name} not restricted: ${errorText(e)}`);
    }
  }
  return done;
}
