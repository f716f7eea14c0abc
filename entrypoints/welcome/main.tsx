import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/theme.css';
import '../../components/pages.css';
import { Welcome } from '../../components/Welcome';

document.documentElement.lang = navigator.language;
document.title = browser.i18n.getMessage('firstRunTitle');
render(<Welcome />, document.getElementById('app')!);
