/** The sign-in screen: the staff member's username and password (the session then refreshes itself). */
import type { Session } from '../lib/auth/session.ts';
import { byId, setMessage } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { type AdminMessageKey, t } from './i18n/index.ts';
import { showScreen } from './screens.ts';

export interface SignInScreen {
  /** Shows the form, with an explanation when the person did not ask for it (expired session…). */
  open(reason?: AdminMessageKey): void;
}

export function setupSignIn(deps: { session: Session; onSignedIn: () => void }): SignInScreen {
  const form = byId<HTMLFormElement>('signin-form');
  const username = byId<HTMLInputElement>('username');
  const password = byId<HTMLInputElement>('password');
  const message = byId('signin-message');
  const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  let pending = false;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (pending) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      setMessage(message, t('signin.missing'));
      (name ? password : username).focus();
      return;
    }
    pending = true;
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
        setMessage(message, apiErrorMessage(error));
        password.select();
        password.focus();
      })
      .finally(() => {
        pending = false;
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
