import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from './i18n';
import { ask } from '../messaging/ask';
import { useSyncOn } from './use-sync-on';

/**
 * "Delete all data", with a confirmation step that names what goes, what stays, and whether the
 * runner's other browsers lose the runs too (only with run sync on: the background then tells them).
 */
export function DeleteAll(props: { count: number; onChanged: () => void; onDeleted?: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const syncOn = useSyncOn();
  // Asked, focus waits on Cancel; answered either way, it goes back to "Delete all data". Moved
  // as the DOM changes (layout effect), so a key pressed right after lands where focus went.
  const askButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const answered = useRef(false);
  useLayoutEffect(() => {
    if (confirming) cancelButton.current?.focus();
    else if (answered.current) askButton.current?.focus();
  }, [confirming]);
  const close = () => {
    answered.current = true;
    setConfirming(false);
  };
  // "… were deleted" no longer applies once runs are back (a restore, an import).
  useEffect(() => {
    if (props.count > 0) setMessage(null);
  }, [props.count]);

  const run = async () => {
    const r = await ask({ type: 'data/delete-all', confirm: 'delete everything' });
    close();
    setMessage(r.ok ? t(r.otherBrowsers ? 'deletedAllEverywhere' : 'deletedAll') : r.words);
    if (r.ok) props.onDeleted?.();
    props.onChanged();
  };

  return (
    <div class="delete-all">
      {!confirming ? (
        <button type="button" class="danger" ref={askButton} onClick={() => setConfirming(true)}>
          {t('deleteAll')}
        </button>
      ) : (
        <div
          role="alertdialog"
          aria-labelledby="confirm-delete"
          class="confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
          }}
        >
          <p id="confirm-delete">{tn('deleteAllConfirm', props.count)}</p>
          <p data-testid="delete-all-sync">{t(syncOn ? 'deleteAllSyncOn' : 'deleteAllSyncOff')}</p>
          <button type="button" class="danger" onClick={() => void run()}>
            {t('deleteAllYes')}
          </button>{' '}
          <button type="button" ref={cancelButton} onClick={close}>
            {t('cancel')}
          </button>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </div>
  );
}
