/** The sign-in screen: the shop's username and password, once a day (the session then refreshes itself). */

import type { Session } from '../lib/auth/session.ts';
import { SignInError } from '../lib/auth/tokens.ts';
import { byId, setMessage } from './dom.ts';
import { type ScannerMessageKey, t } from './i18n/index.ts';
import { showScreen } from './screens.ts';

export interface SignInScreen {
  /** Shows the form, with an explanation when the shopkeeper did not ask for it (expired session…). */
  open(reason?: ScannerMessageKey): void;
}

export function setupSignIn(deps: { session: Session; onSignedIn: () => void }): SignInScreen {
  const form = byId<HTMLFormElement>('signin-form');
  const username = byId<HTMLInputElement>('username');
  const password = byId<HTMLInputElement>('password');
  const message = byId('signin-message');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  let busy = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      setMessage(message, t('signin.missing'));
      (name ? password : username).focus();
      return;
    }
    busy = true;
    submit?.setAttribute('aria-disabled', 'true');
    setMessage(message, t('signin.pending'), 'info');
    deps.session
      .signIn(name, password.value)
      .then(() => {
        password.value = '';
        setMessage(message, '');
        deps.onSignedIn();
      })
      .catch((error: unknown) => {
        const code = error instanceof SignInError ? error.code : 'UNAVAILABLE';
        setMessage(message, t(`signin.error.${code}`));
        password.select();
        password.focus();
      })
      .finally(() => {
        busy = false;
        submit?.removeAttribute('aria-disabled');
      });
  });

  return {
    open(reason) {
      setMessage(message, reason ? t(reason) : '', 'info');
      showScreen('signin');
    },
  };
}
