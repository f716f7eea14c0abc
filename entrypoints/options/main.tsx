import { render } from 'preact';
import '../../components/theme.css';
import '../../components/pages.css';
import { Options } from '../../components/Options';

document.documentElement.lang = navigator.language;
render(<Options />, document.getElementById('app')!);
