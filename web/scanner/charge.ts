/**
 * From a looked-up voucher to a redemption: the balance in large type, the amount (typed with the numeric
 * keypad, parsed to exact cents), a confirmation that shows the balance after, then the request, sent
 * until the server answers or the shopkeeper gives up, always with the same Idempotency-Key.
 */
import { MoneyFormatError, parseEuros } from '../../shared/money/money.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import { ApiError } from '../lib/api-client.ts';
import { formatAmount, formatDate } from '../lib/i18n/format.ts';
import { GaveUpError, retryUntilAnswered } from '../lib/retry-until-answered.ts';
import { byId, setFieldError, setMessage, show } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { MerchantApi, RedemptionAnswer, VoucherBalance } from './merchant-api.ts';
import { clearPending, type PendingRedemption, savePending, startPending } from './pending-redemption.ts';
import { showScreen } from './screens.ts';

export interface ChargeScreens {
  /** The voucher screen; `problem` is an explanation to show and focus (a refusal of the charge). */
  openVoucher(code: string, voucher: VoucherBalance, problem?: string): void;
  /** Back to a confirmation left by a reload or a sign-in: sends it again with the same key. */
  resume(pending: PendingRedemption): void;
  /** Drops the confirmation in progress, if any (another shop signed in on this phone). */
  forget(): void;
}

/** The voucher as the API now describes it, after a refusal that tells us something new about it. */
function voucherAfterRefusal(voucher: VoucherBalance, error: ApiError): VoucherBalance {
  const problem = (error.problem ?? {}) as Record<string, unknown>;
  switch (error.code) {
    case 'INSUFFICIENT_BALANCE':
      return typeof problem.balanceCents === 'number' ? { ...voucher, balanceCents: problem.balanceCents } : voucher;
    case 'VOUCHER_EXPIRED':
      return {
        ...voucher,
        status: 'EXPIRED',
        validUntil: typeof problem.validUntil === 'string' ? problem.validUntil : voucher.validUntil,
      };
    case 'VOUCHER_VOIDED':
      return { ...voucher, status: 'VOIDED', balanceCents: 0 };
    case 'CAMPAIGN_NOT_OPEN':
      return {
        ...voucher,
        status: 'NOT_YET_VALID',
        validFrom: typeof problem.validFrom === 'string' ? problem.validFrom : voucher.validFrom,
      };
    default:
      return voucher;
  }
}

export function setupCharge(deps: {
  api: MerchantApi;
  username: () => string | undefined;
  onReceipt: (answer: RedemptionAnswer, voucher: VoucherBalance) => void;
  onNewScan: () => void;
  onAuthError: (error: unknown) => boolean;
}): ChargeScreens {
  const balance = byId('voucher-balance');
  const codeEnd = byId('voucher-code');
  const validity = byId('voucher-validity');
  const voucherMessage = byId('voucher-message');
  const amountForm = byId<HTMLFormElement>('amount-form');
  const amountInput = byId<HTMLInputElement>('amount');
  const amountHint = byId('amount-hint');
  const amountMessage = byId('amount-message');
  const confirmAmount = byId('confirm-amount');
  const confirmAfter = byId('confirm-after');
  const confirmStatus = byId('confirm-status');
  const confirmMessage = byId('confirm-message');
  const confirmButton = byId<HTMLButtonElement>('confirm');
  const retryButton = byId<HTMLButtonElement>('confirm-retry');
  const giveUpButton = byId<HTMLButtonElement>('confirm-give-up');
  const backButton = byId<HTMLButtonElement>('confirm-back');
  const newScanButton = byId<HTMLButtonElement>('confirm-new-scan');

  let code = '';
  let voucher: VoucherBalance | undefined;
  let amountCents = 0;
  let pending: PendingRedemption | undefined;
  let giveUp: AbortController | undefined;

  const openVoucher = (nextCode: string, nextVoucher: VoucherBalance, problem?: string) => {
    code = nextCode;
    voucher = nextVoucher;
    codeEnd.textContent = t('voucher.code', { end: formatCode(code).slice(-6) });
    balance.textContent = formatAmount(nextVoucher.balanceCents);
    validity.textContent = t('voucher.validUntil', { date: formatDate(nextVoucher.validUntil) });
    const usable = nextVoucher.status === 'ACTIVE' && nextVoucher.balanceCents > 0;
    const why =
      nextVoucher.status === 'EXPIRED'
        ? t('voucher.status.EXPIRED', { date: formatDate(nextVoucher.validUntil) })
        : nextVoucher.status === 'NOT_YET_VALID'
          ? t('voucher.status.NOT_YET_VALID', { date: formatDate(nextVoucher.validFrom) })
          : nextVoucher.status !== 'ACTIVE'
            ? t(`voucher.status.${nextVoucher.status}`)
            : nextVoucher.balanceCents === 0
              ? t('voucher.empty')
              : '';
    setMessage(voucherMessage, problem ?? why, problem || !usable ? 'error' : 'info');
    show(validity, nextVoucher.status !== 'EXPIRED');
    show(amountForm, usable);
    amountInput.value = '';
    setFieldError(amountInput, amountMessage, '');
    amountHint.textContent = t('voucher.amount.hint', { balance: formatAmount(nextVoucher.balanceCents) });
    showScreen('voucher', problem ? voucherMessage : undefined);
    performance.mark('scanner:balance-shown');
  };

  const showConfirm = () => {
    if (!voucher) return;
    confirmAmount.textContent = formatAmount(amountCents);
    confirmAfter.textContent = formatAmount(voucher.balanceCents - amountCents);
    setMessage(confirmStatus, '');
    setMessage(confirmMessage, '');
    for (const [button, visible] of [
      [confirmButton, true],
      [backButton, true],
      [retryButton, false],
      [giveUpButton, false],
      [newScanButton, false],
    ] as const) {
      show(button, visible);
    }
    confirmButton.removeAttribute('aria-disabled');
    showScreen('confirm');
  };

  const showAbandoned = () => {
    setMessage(confirmStatus, '');
    setMessage(confirmMessage, t('confirm.abandoned'));
    show(confirmButton, false);
    show(backButton, false);
    show(giveUpButton, false);
    show(retryButton, true);
    show(newScanButton, true);
    confirmMessage.focus();
  };

  const send = async (current: PendingRedemption) => {
    pending = current;
    const controller = new AbortController();
    giveUp = controller;
    confirmButton.setAttribute('aria-disabled', 'true');
    show(backButton, false);
    show(retryButton, false);
    show(newScanButton, false);
    setMessage(confirmMessage, '');
    setMessage(confirmStatus, t('confirm.pending'), 'info');
    try {
      const answer = await retryUntilAnswered(
        (signal) => deps.api.redeem(current.code, current.amountCents, current.idempotencyKey, signal),
        {
          giveUp: controller.signal,
          onRetry: (attempt) => {
            setMessage(confirmStatus, t('confirm.retrying', { attempt }), 'info');
            show(giveUpButton, true);
          },
        },
      );
      clearPending();
      pending = undefined;
      deps.onReceipt(answer, current.voucher);
    } catch (error) {
      if (error instanceof GaveUpError) {
        const abandoned: PendingRedemption = { ...current, state: 'abandoned' };
        pending = abandoned;
        savePending(abandoned);
        showAbandoned();
        return;
      }
      // Signed out meanwhile: the confirmation stays pending and resumes, same key, after the sign-in.
      if (deps.onAuthError(error)) return;
      clearPending();
      pending = undefined;
      const refused = error instanceof ApiError ? voucherAfterRefusal(current.voucher, error) : current.voucher;
      openVoucher(current.code, refused, apiErrorMessage(error));
    } finally {
      if (giveUp === controller) giveUp = undefined;
      show(giveUpButton, false);
      confirmButton.removeAttribute('aria-disabled');
    }
  };

  amountForm.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!voucher) return;
    const typed = amountInput.value.trim();
    let problem = '';
    if (!typed) problem = t('amount.empty');
    else {
      try {
        amountCents = parseEuros(typed);
        if (amountCents <= 0) problem = t('amount.zero');
        else if (amountCents > voucher.balanceCents) {
          problem = t('amount.tooMuch', { balance: formatAmount(voucher.balanceCents) });
        }
      } catch (error) {
        if (!(error instanceof MoneyFormatError)) throw error;
        problem = t('amount.invalid');
      }
    }
    setFieldError(amountInput, amountMessage, problem);
    if (problem) amountInput.focus();
    else showConfirm();
  });

  // A second tap (or a tap during the retries) does nothing: one confirmation, one key.
  confirmButton.addEventListener('click', () => {
    const username = deps.username();
    if (pending || !voucher || !username) return;
    void send(startPending({ username, code, amountCents, voucher }));
  });
  giveUpButton.addEventListener('click', () => giveUp?.abort());
  retryButton.addEventListener('click', () => {
    if (!pending || giveUp) return;
    const again: PendingRedemption = { ...pending, state: 'sending' };
    savePending(again);
    void send(again);
  });
  backButton.addEventListener('click', () => {
    if (voucher && !pending) openVoucher(code, voucher);
  });
  newScanButton.addEventListener('click', () => {
    clearPending();
    pending = undefined;
    deps.onNewScan();
  });
  byId('voucher-new-scan').addEventListener('click', () => deps.onNewScan());

  return {
    openVoucher,
    resume(saved) {
      code = saved.code;
      voucher = saved.voucher;
      amountCents = saved.amountCents;
      pending = saved;
      showConfirm();
      if (saved.state === 'sending') void send(saved);
      else showAbandoned();
    },
    forget() {
      giveUp?.abort();
      clearPending();
      pending = undefined;
    },
  };
}
