import { render } from 'preact';
import { browser } from 'wxt/browser';
import { hydrateView } from '../../lib/ui/store';
import { App } from '../../components/popup/app';
import './style.css';

// Screen readers pick the voice from lang; the strings follow the browser's UI language.
document.documentElement.lang = browser.i18n.getUILanguage();

// Paint from what storage holds; the network is never waited for.
void hydrateView()
  .catch(() => undefined)
  .then(() => render(<App />, document.getElementById('app')!));
