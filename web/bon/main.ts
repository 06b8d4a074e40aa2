/**
 * /bon/: a citizen's voucher. The code comes from the letter's QR code (`/bon/#<code>`, read from the
 * fragment, which browsers never send to a server), from the camera, or typed; the page shows the balance,
 * the status in words, the face value and the end date, the partner shops and how to report a lost letter.
 * Nothing here reaches the merchant routes: the page only calls GET /public/vouchers and /public/merchants.
 */
import '../citizen/citizen.css';
import './bon.css';
import { formatCode, parseCode, parseCodeOrUrl } from '../../shared/vouchers/voucher-code.ts';
import { createMessages } from '../citizen/messages.ts';
import { setupLanguage } from '../citizen/page-language.ts';
import { createCamera } from '../lib/camera.ts';
import { byId, show, translatePage } from '../lib/dom.ts';
import type { Values } from '../lib/i18n/index.ts';
import { isMessageKey, LANGUAGES, t } from './i18n/index.ts';
import { type ShopList, setupShops } from './shops.ts';
import { type LookupOutcome, lookUpVoucher, renderVoucher, showVoucherCard } from './voucher.ts';

type Source = 'link' | 'typed' | 'camera';

const form = byId<HTMLFormElement>('code-form');
const input = byId<HTMLInputElement>('code');
const codeMessage = byId('code-message');
const scanMessage = byId('scan-message');
const cameraStatus = byId('camera-status');
const scanButton = byId<HTMLButtonElement>('scan');
const viewfinder = byId('viewfinder');
const messages = createMessages(t);

let shops: ShopList | undefined;
let found: Extract<LookupOutcome, { kind: 'found' }> | undefined;
let busy = false;
let cameraOn = false;

function render(): void {
  translatePage(t, isMessageKey);
  document.title = t('app.title');
  scanButton.textContent = t(cameraOn ? 'scan.stop' : 'scan.start');
  messages.redraw();
  shops?.render();
  if (found) renderVoucher(found.code, found.voucher);
}

async function lookUp(code: string, source: Source): Promise<void> {
  if (busy) return;
  busy = true;
  const target = source === 'camera' ? scanMessage : codeMessage;
  messages.clear(codeMessage, input);
  messages.clear(scanMessage);
  messages.say(cameraStatus, 'lookup.checking', { kind: 'info' });
  form.setAttribute('aria-busy', 'true');
  const outcome = await lookUpVoucher(code);
  busy = false;
  form.removeAttribute('aria-busy');
  messages.clear(cameraStatus);
  if (outcome.kind === 'found') {
    found = outcome;
    stopCamera();
    renderVoucher(outcome.code, outcome.voucher);
    showVoucherCard(true);
    byId('voucher-title').focus();
    performance.mark('bon:balance-shown');
    return;
  }
  found = undefined;
  showVoucherCard(false);
  const values: Values = outcome.minutes === undefined ? {} : { minutes: outcome.minutes };
  if (source === 'camera') messages.say(target, outcome.message, { values });
  else {
    // A letter's link that found nothing: the code is shown, so that it can be compared with the letter.
    if (source === 'link') input.value = formatCode(code);
    messages.say(target, outcome.message, { values, field: input });
    input.focus();
  }
}

/** The code in the address's fragment, as the letter's QR code opens the page. */
function openFromFragment(): void {
  const fragment = decodeURIComponent(window.location.hash.replace(/^#/, ''));
  if (!fragment) return;
  const parsed = parseCode(fragment);
  if (parsed.ok) {
    void lookUp(parsed.code, 'link');
    return;
  }
  showVoucherCard(false);
  input.value = fragment;
  messages.say(codeMessage, `code.${parsed.problem}`, {
    values: { count: fragment.replace(/[\s\-_.]/g, '').length },
    field: input,
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const typed = input.value;
  // A pasted link from the letter works as well as the code itself.
  const parsed = /^https?:/i.test(typed.trim()) ? parseCodeOrUrl(typed) : parseCode(typed);
  if (!parsed.ok) {
    messages.say(codeMessage, `code.${parsed.problem}`, {
      values: { count: typed.replace(/[\s\-_.]/g, '').length },
      field: input,
    });
    input.focus();
    return;
  }
  void lookUp(parsed.code, 'typed');
});

// The camera (qr-scanner and its worker load only when the visitor asks for it).
let lastText = { text: '', at: 0 };
const camera = createCamera(byId<HTMLVideoElement>('camera'), (text) => {
  if (busy) return;
  const now = Date.now();
  if (text === lastText.text && now - lastText.at < 4000) return;
  lastText = { text, at: now };
  const parsed = parseCodeOrUrl(text);
  if (parsed.ok) void lookUp(parsed.code, 'camera');
  else messages.say(scanMessage, 'scan.notVoucher');
});

function stopCamera(): void {
  if (!cameraOn) return;
  cameraOn = false;
  camera.stop();
  show(viewfinder, false);
  scanButton.textContent = t('scan.start');
}

async function startCamera(): Promise<void> {
  cameraOn = true;
  scanButton.textContent = t('scan.stop');
  messages.clear(scanMessage);
  messages.say(cameraStatus, 'scan.starting', { kind: 'info' });
  show(viewfinder, true);
  try {
    await camera.start();
    if (cameraOn) messages.say(cameraStatus, 'scan.ready', { kind: 'info' });
  } catch {
    // No camera, permission refused, or the camera is busy: typing the code always works.
    stopCamera();
    messages.say(cameraStatus, 'scan.unavailable', { kind: 'info' });
  }
}

scanButton.addEventListener('click', () => {
  if (cameraOn) {
    stopCamera();
    messages.clear(cameraStatus);
  } else void startCamera();
});

byId('other-code').addEventListener('click', () => {
  found = undefined;
  // Forget the code of the letter in the address too, so that a reload does not show it again.
  if (window.location.hash) history.replaceState(null, '', window.location.pathname);
  input.value = '';
  messages.clear(codeMessage, input);
  showVoucherCard(false);
  input.focus();
});

window.addEventListener('hashchange', openFromFragment);

setupLanguage({ languages: LANGUAGES, switchContainer: byId('languages'), render });
shops = setupShops();
openFromFragment();
