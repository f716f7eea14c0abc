import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { ask, type Reply } from '../../messaging/ask';

performance.mark('popup-script');
// The state is asked for before the first render, so its answer travels meanwhile. The first
// render waits for it (50 ms at most): one frame with the verdict instead of a frame saying
// "Loading" and another with the verdict, each styled, laid out and painted.
const answered = ask({ type: 'state/get' });
document.documentElement.lang = navigator.language;
const show = (arrived?: Reply<'state/get'>) =>
  render(<Popup answer={answered} arrived={arrived} />, document.getElementById('app')!);
void Promise.race([answered, new Promise<undefined>((r) => setTimeout(r, 50))]).then(show);
