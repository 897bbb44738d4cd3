import { render } from 'preact';
import { browser } from 'wxt/browser';
import { hydrateView } from '../../lib/ui/store';
import { t } from '../../lib/i18n';
import { OptionsPage } from '../../components/options/options-page';
import '../../components/options/options.css';

// Screen readers pick the voice from lang; the strings follow the browser's UI language.
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('optionsTitle');

void hydrateView()
  .catch(() => undefined)
  .then(() => render(<OptionsPage />, document.getElementById('app')!));
