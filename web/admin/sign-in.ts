/**
 * The sign-in screen: the staff member's username and password, then the code of their authenticator app
 * (enrolled at the first sign-in in AWS); the session then refreshes itself.
 */
import type { Session } from '../lib/auth/session.ts';
import { bindSignInForm } from '../lib/sign-in-form.ts';
import { apiErrorMessage } from './error-messages.ts';
import { type AdminMessageKey, t } from './i18n/index.ts';
import { showScreen } from './screens.ts';

export interface SignInScreen {
  /** Shows the form, with an explanation when the person did not ask for it (expired session…). */
  open(reason?: AdminMessageKey): void;
}

export function setupSignIn(deps: { session: Session; onSignedIn: () => void }): SignInScreen {
  const form = bindSignInForm(
    deps,
    () => ({
      missing: t('signin.missing'),
      pending: t('signin.pending'),
      errorMessage: apiErrorMessage,
      codeMissing: t('signin.code.missing'),
      codeShape: t('signin.code.shape'),
    }),
    {
      // The QR encoder is only needed at enrolment, once per member of staff: a chunk of its own, loaded then.
      drawQr: (canvas, text) => import('../lib/qr-canvas.ts').then(({ drawQr }) => drawQr(canvas, text)),
    },
  );
  return {
    open(reason) {
      form.inform(reason ? t(reason) : '');
      showScreen('signin');
    },
  };
}
