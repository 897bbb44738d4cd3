import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messages';
import { t } from '../../lib/i18n';
import { activeConnectionOf, useView } from '../../lib/ui/store';
import type { Connection, ErrorData } from '../../lib/types';
import { splitError } from '../shared/field-errors';
import { OptionField } from './option-field';

const FIELDS = ['address', 'token'] as const;

function hostOf(origin: string): string {
  return origin.replace(/^https:\/\//, '');
}

/**
 * Kendo address and API token, checked by the background on Save. The token goes out through
 * `saveConnection` and is never read back: the page only knows the checked connection.
 */
export function ConnectionForm() {
  const ready = useView((s) => s.ready);
  const stored = useView(activeConnectionOf);
  const [address, setAddress] = useState(() => (stored ? hostOf(stored.origin) : ''));
  const [token, setToken] = useState('');
  const [showToken, setShowToken] = useState(false);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<ErrorData | null>(null);
  const [saved, setSaved] = useState<Connection | null>(null);
  const edited = useRef(false);
  const refs = { address: useRef<HTMLInputElement>(null), token: useRef<HTMLInputElement>(null) };

  // The answer to Save can land before storage tells the store: show the newer of the two.
  const active = saved && (!stored || stored.checkedAt < saved.checkedAt) ? saved : stored;

  useEffect(() => {
    if (!edited.current && stored) setAddress(hostOf(stored.origin));
  }, [ready, stored?.origin]);

  const { fields, general } = splitError(error, FIELDS);

  function fail(e: ErrorData): void {
    setError(e);
    const first = FIELDS.find((f) => e.fields?.[f]?.length);
    if (first) refs[first].current?.focus();
  }

  async function onSubmit(ev: Event): Promise<void> {
    ev.preventDefault();
    if (checking) return;
    // From the inputs themselves: autofill and paste do not always fire input events.
    const typedAddress = refs.address.current?.value ?? '';
    const typedToken = refs.token.current?.value ?? '';
    if (!typedToken.trim()) {
      const message = t('optionsTokenEmpty');
      return fail({ kind: 'invalid', message, fields: { token: [message] } });
    }
    setChecking(true);
    setError(null);
    const res = await send('saveConnection', { address: typedAddress, token: typedToken });
    setChecking(false);
    if (!res.ok) return fail(res.error);
    // Stored by the background now; the page keeps no copy of the token.
    setSaved(res.value);
    setToken('');
    setShowToken(false);
    setAddress(hostOf(res.value.origin));
    edited.current = false;
  }

  return (
    <form class="connection" onSubmit={(e) => void onSubmit(e)} noValidate>
      <OptionField
        id="address"
        label={t('optionsAddressLabel')}
        hint={t('optionsAddressHint')}
        error={fields.address?.join(' ')}
      >
        {(a11y) => (
          <input
            {...a11y}
            ref={refs.address}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            placeholder="acme.kendo.dev"
            value={address}
            onInput={(e) => {
              edited.current = true;
              setAddress(e.currentTarget.value);
            }}
          />
        )}
      </OptionField>
      <OptionField
        id="token"
        label={t('optionsTokenLabel')}
        hint={
          active && !token
            ? t('optionsTokenSavedHint', hostOf(active.origin))
            : t('optionsTokenHint')
        }
        error={fields.token?.join(' ')}
        after={
          <button
            type="button"
            class="secondary"
            aria-pressed={showToken}
            aria-controls="token"
            onClick={() => setShowToken((v) => !v)}
          >
            {t('optionsShowToken')}
          </button>
        }
      >
        {(a11y) => {
          const props = {
            ...a11y,
            ref: refs.token,
            autoComplete: 'off',
            spellcheck: false,
            value: token,
            onInput: (e: Event) => setToken((e.currentTarget as HTMLInputElement).value),
          };
          // Same element either way, so focus and caret survive the toggle.
          return showToken ? (
            <input {...props} type="text" />
          ) : (
            <input {...props} type="password" />
          );
        }}
      </OptionField>
      <div class="actions">
        <button type="submit" class="primary" disabled={checking}>
          {checking ? t('optionsChecking') : t('optionsSave')}
        </button>
      </div>
      <div role="status" class="connection-status">
        {ready && general && <p class="error">{general}</p>}
        {ready && <ConnectionLine active={active} failed={!!error} />}
      </div>
    </form>
  );
}

function ConnectionLine({ active, failed }: { active: Connection | null; failed: boolean }) {
  if (!active) return <p class="muted">{t('optionsNotConnected')}</p>;
  const host = hostOf(active.origin);
  return (
    <>
      <p class={failed ? 'connected still' : 'connected'}>
        {t(failed ? 'optionsStillConnectedAs' : 'optionsConnectedAs', active.user.name, host)}
      </p>
      {!active.canLog && <p class="warn">{t('optionsViewer', active.user.name)}</p>}
      {active.status === 'rejected' && <p class="error">{t('optionsTokenRejected')}</p>}
    </>
  );
}
