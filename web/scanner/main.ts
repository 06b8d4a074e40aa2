/**
 * The merchant scanner: sign in once a day, scan (or type) a voucher, see its balance, charge an amount,
 * get a receipt, cancel it the same day if needed, and see the day's redemptions. This module only wires
 * the screens together; each screen lives in its own module beside it.
 */
import { ApiError } from '../lib/api-client.ts';
import { Session } from '../lib/auth/session.ts';
import { chooseLanguage, mountLanguageSwitch } from '../lib/i18n/language.ts';
import { setupCharge } from './charge.ts';
import { byId, show, translatePage } from './dom.ts';
import { LANGUAGES, loadCatalogue, t } from './i18n/index.ts';
import { merchantApi } from './merchant-api.ts';
import { clearPending, loadPending } from './pending-redemption.ts';
import { setupReceipt } from './receipt.ts';
import { setupScan } from './scan.ts';
import { showScreen } from './screens.ts';
import { setupSignIn } from './sign-in.ts';
import { setupToday } from './today.ts';

const session = new Session('scanner.session', 'merchant');
const api = merchantApi(session);

const shopName = byId('shop-name');
const account = byId('account');

function showAccount(visible: boolean): void {
  show(account, visible);
  show(shopName, visible && shopName.textContent !== '');
}

/** Sends the shopkeeper to the sign-in screen when the session is gone; true when it did. */
function onAuthError(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.status === 401) {
    showAccount(false);
    signIn.open('signin.expired');
    return true;
  }
  if (error.code === 'FORBIDDEN') {
    void session.signOut();
    showAccount(false);
    signIn.open('signin.notMerchant');
    return true;
  }
  return false;
}

const signIn = setupSignIn({ session, onSignedIn: () => start() });
const scan = setupScan({ api, onAuthError, onVoucher: (code, voucher) => charge.openVoucher(code, voucher) });
const charge = setupCharge({
  api,
  username: () => session.username,
  onAuthError,
  onNewScan: () => scan.open(),
  onReceipt: (answer) => receipt.open(answer),
});
const receipt = setupReceipt({ api, onAuthError, onNewScan: () => scan.open() });
const today = setupToday({ api, onAuthError, onBack: () => scan.open() });

/** After a sign-in, or on load with a kept session: a confirmation left pending comes first. */
function start(): void {
  showAccount(true);
  const pending = loadPending();
  if (pending && pending.username === session.username) charge.resume(pending);
  else {
    if (pending) charge.forget();
    scan.open();
  }
  // The shop's name for the header; also proves the account is a shop's (403 otherwise).
  api
    .me()
    .then((me) => {
      if (!me.roles.includes('merchant') || !me.merchantId) {
        onAuthError(new ApiError(403, 'FORBIDDEN'));
        return;
      }
      shopName.textContent = me.merchantName ?? me.username;
      showAccount(!account.hidden);
    })
    .catch((error: unknown) => onAuthError(error));
}

byId('open-today').addEventListener('click', () => today.open());
byId('sign-out').addEventListener('click', () => {
  charge.forget();
  shopName.textContent = '';
  showAccount(false);
  void session.signOut();
  signIn.open('signin.signedOut');
});

/** The page in the shopkeeper's language (kept from an earlier choice, else the phone's), then its first screen. */
async function open(): Promise<void> {
  document.documentElement.lang = await loadCatalogue(chooseLanguage(LANGUAGES));
  translatePage();
  document.title = t('app.title');
  // A reload draws every text, messages included, in the new language; what must survive it does (the
  // session, a confirmation under way), and a shop switches language once, not at each sale.
  mountLanguageSwitch(byId('languages'), LANGUAGES, () => location.reload());
  if (session.signedIn) start();
  else {
    clearPending();
    showScreen('signin');
  }
}

void open();
