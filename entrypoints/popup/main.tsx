import { render } from 'preact';
import '../../components/theme.css';
import { Popup } from '../../components/Popup';

document.documentElement.lang = navigator.language;
render(<Popup />, document.getElementById('app')!);
