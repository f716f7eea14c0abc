import { render } from 'preact';
import { Popup } from '../../components/Popup';
import { askEarly } from '../../messaging/ask';

performance.mark('popup-script');
// The state is asked for before the first render, so its answer travels meanwhile.
askEarly({ type: 'state/get' });
document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
