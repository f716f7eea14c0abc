import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { ask, type Reply } from '../../messaging/ask';
import { readPopupState } from '../../messaging/popup-state-copy';
import { userTimeZone } from '../../core/local-date';

performance.mark('popup-script');
// The state is read before the first render: the background's copy for today when there is one
// (storage.session, no wait for the background worker), else the background's answer. The first
// render waits for it (50 ms at most): one frame with the verdict instead of a frame saying
// "Loading" and another with the verdict, each styled, laid out and painted.
const answered: Promise<Reply<'state/get'>> = readPopupState(Date.now(), userTimeZone())
  .then((copy) => (copy ? { ok: true as const, ...copy } : ask({ type: 'state/get' })))
  .finally(() => performance.mark('popup-state'));
document.documentElement.lang = navigator.language;
const show = (arrived?: Reply<'state/get'>) =>
  render(<Popup answer={answered} arrived={arrived} />, document.getElementById('app')!);
void Promise.race([answered, new Promise<undefined>((r) => setTimeout(r, 50))]).then(show);
