import { t } from '../../lib/i18n';
import { ConnectionForm } from './connection-form';
import { SettingsForm } from './settings-form';

/** The command's default key (wxt.config.ts); the browser lets people change it. */
const SHORTCUT = 'Alt+Shift+K';

export function OptionsPage() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="connection-heading">
        <h2 id="connection-heading">{t('optionsConnectionHeading')}</h2>
        <ConnectionForm />
      </section>
      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('optionsSettingsHeading')}</h2>
        <SettingsForm />
      </section>
      <p class="shortcut">{t('optionsShortcut', SHORTCUT)}</p>
    </main>
  );
}
