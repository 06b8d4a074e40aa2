/**
 * The scan screen: the camera opens at once; a typed code is normalised and its check character verified
 * here, before any request (a typo never costs one of the shop's 20 allowed misses). A code that passes
 * is looked up and the voucher handed on.
 */
import { parseCode, parseCodeOrUrl } from '../../shared/vouchers/voucher-code.ts';
import { createCamera } from '../lib/camera.ts';
import { byId, setFieldError, setMessage, show } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { MerchantApi, VoucherBalance } from './merchant-api.ts';
import { onScreenChange, showScreen } from './screens.ts';

export interface ScanScreen {
  open(): void;
}

/** A QR code is not looked up again for this long (each miss counts against the shop). */
const SAME_CODE_PAUSE_MS = 4000;

export function setupScan(deps: {
  api: MerchantApi;
  onVoucher: (code: string, voucher: VoucherBalance) => void;
  onAuthError: (error: unknown) => boolean;
}): ScanScreen {
  const video = byId<HTMLVideoElement>('camera');
  const viewfinder = byId('viewfinder');
  const cameraStatus = byId('camera-status');
  const scanMessage = byId('scan-message');
  const torch = byId<HTMLButtonElement>('torch');
  const form = byId<HTMLFormElement>('code-form');
  const input = byId<HTMLInputElement>('code');
  const codeMessage = byId('code-message');
  let busy = false;
  let lastTried = { text: '', at: 0 };

  const lookup = async (code: string, source: 'camera' | 'manual') => {
    busy = true;
    setMessage(source === 'camera' ? scanMessage : codeMessage, '');
    setMessage(cameraStatus, t('scan.checking'), 'info');
    try {
      const voucher = await deps.api.lookup(code);
      deps.onVoucher(code, voucher);
    } catch (error) {
      if (deps.onAuthError(error)) return;
      setMessage(cameraStatus, '');
      if (source === 'manual') {
        setFieldError(input, codeMessage, apiErrorMessage(error));
        input.focus();
      } else {
        setMessage(scanMessage, apiErrorMessage(error));
      }
    } finally {
      busy = false;
    }
  };

  const camera = createCamera(video, (text) => {
    if (busy) return;
    const now = Date.now();
    if (text === lastTried.text && now - lastTried.at < SAME_CODE_PAUSE_MS) return;
    const parsed = parseCodeOrUrl(text);
    if (!parsed.ok) {
      lastTried = { text, at: now };
      setMessage(scanMessage, t('scan.camera.notVoucher'));
      return;
    }
    performance.mark('scanner:qr-decoded');
    lastTried = { text, at: now };
    void lookup(parsed.code, 'camera');
  });

  const startCamera = async () => {
    setMessage(cameraStatus, t('scan.camera.starting'), 'info');
    show(viewfinder, true);
    try {
      await camera.start();
      performance.mark('scanner:camera-ready');
      setMessage(cameraStatus, t('scan.camera.ready'), 'info');
      show(torch, await camera.hasTorch());
    } catch {
      // No camera, permission refused, or the camera is busy: typing the code always works.
      show(viewfinder, false);
      setMessage(cameraStatus, t('scan.camera.unavailable'), 'info');
    }
  };

  onScreenChange((next) => {
    if (next !== 'scan') camera.stop();
  });

  torch.addEventListener('click', () => {
    camera
      .toggleTorch()
      .then((on) => torch.setAttribute('aria-pressed', String(on)))
      .catch(() => show(torch, false));
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (busy) return;
    const typed = input.value;
    const parsed = /^https?:/i.test(typed.trim()) ? parseCodeOrUrl(typed) : parseCode(typed);
    if (!parsed.ok) {
      const count = typed.replace(/[\s\-_.]/g, '').length;
      setFieldError(input, codeMessage, t(`code.${parsed.problem}`, { count }));
      input.focus();
      return;
    }
    setFieldError(input, codeMessage, '');
    void lookup(parsed.code, 'manual');
  });

  return {
    open() {
      input.value = '';
      setFieldError(input, codeMessage, '');
      setMessage(scanMessage, '');
      lastTried = { text: '', at: 0 };
      showScreen('scan');
      void startCamera();
    },
  };
}
