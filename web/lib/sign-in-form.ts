/**
 * The sign-in form every signed-in page has (#signin-form, #username, #password, #signin-message): checks
 * both fields, signs in once at a time, and says what went wrong in the page's own words. A page whose
 * users have an authenticator app (the staff page) adds #signin-code-form: when the sign-in asks for a code,
 * the password form gives way to it (and, at a first sign-in, to the secret to add to the app first).
 */
import type { Session } from './auth/session.ts';
import { SignInError, type SignInStep } from './auth/tokens.ts';
import { byId, setFieldError, setMessage } from './dom.ts';

export interface SignInFormTexts {
  readonly missing: string;
  readonly pending: string;
  /** The sentence for a refused or failed sign-in. */
  errorMessage(error: unknown): string;
  /** With #signin-code-form: no code typed yet, and a code that is not (or no longer can be) 6 digits. */
  readonly codeMissing?: string;
  readonly codeShape?: string;
}

export interface SignInFormOptions {
  /**
   * Draws the authenticator's key as a QR code at enrolment. The staff page passes a lazy import of
   * web/lib/qr-canvas.ts; a page without the code step passes nothing and so never bundles the encoder (nor
   * the module helpers a shared chunk of it would bring into its first download).
   */
  readonly drawQr?: (canvas: HTMLCanvasElement, text: string) => Promise<void>;
}

export interface SignInForm {
  /** Shows `text` (or nothing) in the form's message, as information; back to the password if a code was asked. */
  inform(text: string): void;
}

type Waiting = Exclude<SignInStep<void>, { kind: 'signed-in' }>;

/** The authenticator code as typed, spaces (and a pasted "123 456") left out. */
const digitsOf = (value: string) => value.replace(/\s+/g, '');
const CODE = /^\d{6}$/;

export function bindSignInForm(
  deps: { session: Session; onSignedIn: () => void },
  texts: () => SignInFormTexts,
  options: SignInFormOptions = {},
): SignInForm {
  const form = byId<HTMLFormElement>('signin-form');
  const username = byId<HTMLInputElement>('username');
  const password = byId<HTMLInputElement>('password');
  const message = byId('signin-message');
  const codeStep = document.getElementById('signin-code-form') as HTMLFormElement | null;
  let pending = false;
  let waiting: Waiting | undefined;

  /** Runs one sign-in call, the form's buttons marked busy until it settles. */
  const busy = async <T>(owner: HTMLFormElement, work: () => Promise<T>): Promise<T> => {
    pending = true;
    const buttons = owner.querySelectorAll('button[type="submit"]');
    for (const button of buttons) button.setAttribute('aria-disabled', 'true');
    try {
      return await work();
    } finally {
      pending = false;
      for (const button of buttons) button.removeAttribute('aria-disabled');
    }
  };

  const signedIn = () => {
    password.value = '';
    waiting = undefined;
    if (codeStep) codeStep.hidden = true;
    form.hidden = false;
    setMessage(message, '');
    deps.onSignedIn();
  };

  /** Back to the password form (a new sign-in), with `text` said there. */
  const reset = (text: string, kind: 'error' | 'info') => {
    waiting = undefined;
    if (codeStep) codeStep.hidden = true;
    form.hidden = false;
    password.value = '';
    setMessage(message, text, kind);
  };
  const restart = (text: string) => {
    reset(text, 'error');
    (username.value ? password : username).focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (pending) return;
    const name = username.value.trim();
    if (!name || !password.value) {
      setMessage(message, texts().missing);
      (name ? password : username).focus();
      return;
    }
    setMessage(message, texts().pending, 'info');
    void busy(form, () => deps.session.signIn(name, password.value))
      .then((step) => {
        if (step.kind === 'signed-in') signedIn();
        else if (codeStep) code.ask(step);
        // A page without the code step (the scanner's shops have no authenticator app) cannot go on.
        else setMessage(message, texts().errorMessage(new SignInError('UNAVAILABLE')));
      })
      .catch((error: unknown) => {
        setMessage(message, texts().errorMessage(error));
        password.select();
        password.focus();
      });
  });

  const code = codeStep ? bindCodeStep(codeStep) : { ask: () => undefined };

  function bindCodeStep(step: HTMLFormElement) {
    const input = byId<HTMLInputElement>('signin-code');
    const codeMessage = byId('signin-code-message');
    const setup = byId('signin-setup');
    const secret = byId('signin-secret');
    const link = byId<HTMLAnchorElement>('signin-otpauth');
    const qr = byId<HTMLCanvasElement>('signin-qr');

    // Checked as typed: anything but digits, or more than six, is said at once; the sixth digit clears it.
    input.addEventListener('input', () => {
      const typed = digitsOf(input.value);
      setFieldError(input, codeMessage, /^\d{0,6}$/.test(typed) ? '' : (texts().codeShape ?? ''));
    });

    step.addEventListener('submit', (event) => {
      event.preventDefault();
      const current = waiting;
      if (pending || !current) return;
      const typed = digitsOf(input.value);
      if (!CODE.test(typed)) {
        setFieldError(input, codeMessage, (typed ? texts().codeShape : texts().codeMissing) ?? '');
        input.focus();
        return;
      }
      setMessage(codeMessage, texts().pending, 'info');
      void busy(step, () => current.answer(typed))
        .then((next) => (next.kind === 'signed-in' ? signedIn() : ask(next)))
        .catch((error: unknown) => {
          const problem = error instanceof SignInError ? error.code : undefined;
          // A wrong code, or no network: the same step may be answered again. Anything else starts over.
          if (problem === 'MFA_CODE_INVALID' || problem === 'NETWORK') {
            setFieldError(input, codeMessage, texts().errorMessage(error));
            input.select();
            input.focus();
          } else {
            restart(texts().errorMessage(error));
          }
        });
    });

    byId('signin-restart').addEventListener('click', () => restart(''));

    function ask(next: Waiting): void {
      waiting = next;
      form.hidden = true;
      step.hidden = false;
      input.value = '';
      setFieldError(input, codeMessage, '');
      setup.hidden = next.kind !== 'authenticator-setup';
      if (next.kind === 'authenticator-setup') showSecret(next.secret, next.accountName);
      (next.kind === 'authenticator-setup' ? byId('signin-setup-title') : input).focus();
    }

    function showSecret(base32: string, account: string): void {
      secret.textContent = base32.match(/.{1,4}/g)?.join(' ') ?? base32;
      const uri = otpauthUri(location.hostname, account, base32);
      link.href = uri;
      qr.hidden = !options.drawQr;
      options.drawQr?.(qr, uri).catch(() => {
        qr.hidden = true;
      });
    }

    return { ask };
  }

  return {
    inform: (text) => reset(text, 'info'),
  };
}

/** The Key URI an authenticator app reads (Google's "Key Uri Format", which every app follows). */
export function otpauthUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;
}
