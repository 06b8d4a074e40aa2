/**
 * The sign-in form every signed-in page has (#signin-form, #username, #password, #signin-message): checks
 * both fields, signs in once at a time, and says what went wrong in the page's own words.
 */
import type { Session } from './auth/session.ts';
import { byId, setMessage } from './dom.ts';

export interface SignInFormTexts {
  readonly missing: string;
  readonly pending: string;
  /** The sentence for a refused or failed sign-in. */
  errorMessage(error: unknown): string;
}

export interface SignInForm {
  /** Shows `text` (or nothing) in the form's message, as information. */
  inform(text: string): void;
}

export function bindSignInForm(
  deps: { session: Session; onSignedIn: () => void },
  texts: () => SignInFormTexts,
): SignInForm {
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
      setMessage(message, texts().missing);
      (name ? password : username).focus();
      return;
    }
    pending = true;
    submit?.setAttribute('aria-disabled', 'true');
    setMessage(message, texts().pending, 'info');
    deps.session
      .signIn(name, password.value)
      .then(() => {
        password.value = '';
        setMessage(message, '');
        deps.onSignedIn();
      })
      .catch((error: unknown) => {
        setMessage(message, texts().errorMessage(error));
        password.select();
        password.focus();
      })
      .finally(() => {
        pending = false;
        submit?.removeAttribute('aria-disabled');
      });
  });

  return { inform: (text) => setMessage(message, text, 'info') };
}
