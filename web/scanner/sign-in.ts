/** The sign-in screen: the shop's username and password, once a day (the session then refreshes itself). */
import type { Session } from '../lib/auth/session.ts';
import { isPasswordProblem, SignInError } from '../lib/auth/tokens.ts';
import { bindSignInForm } from '../lib/sign-in-form.ts';
import { type ScannerMessageKey, t } from './i18n/index.ts';
import { showScreen } from './screens.ts';

export interface SignInScreen {
  /** Shows the form, with an explanation when the shopkeeper did not ask for it (expired session…). */
  open(reason?: ScannerMessageKey): void;
}

export function setupSignIn(deps: { session: Session; onSignedIn: () => void }): SignInScreen {
  const form = bindSignInForm(deps, () => ({
    missing: t('signin.missing'),
    pending: t('signin.pending'),
    // Shops sign in with a password alone: the code steps' problems never reach this page.
    errorMessage: (error) =>
      t(`signin.error.${error instanceof SignInError && isPasswordProblem(error.code) ? error.code : 'UNAVAILABLE'}`),
  }));
  return {
    open(reason) {
      form.inform(reason ? t(reason) : '');
      showScreen('signin');
    },
  };
}
