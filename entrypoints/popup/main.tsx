import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { askEarly, type Reply } from '../../messaging/ask';

performance.mark('popup-script');
// The state is asked for before the first render, so its answer travels meanwhile. The first
// render waits for it (50 ms at most): one frame with the verdict instead of a frame saying
// "Loading" and another with the verdict, each styled, laid out and painted.
const answered = askEarly({ type: 'state/get' });
document.documentElement.lang = navigator.language;
const show = (first?: unknown) =>
  render(<Popup first={first as Reply<'state/get'> | undefined} />, document.getElementById('app')!);
void Promise.race([answered, new Promise((r) => setTimeout(r, 50))]).then(show, () => show());
