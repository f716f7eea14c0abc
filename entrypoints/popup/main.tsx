import { render } from 'preact';
import { Popup } from '../../components/Popup';

performance.mark('popup-script');
document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
