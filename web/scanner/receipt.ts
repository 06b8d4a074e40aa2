/**
 * The receipt of a redemption (amount, balance left, time, short reference) and its cancellation while
 * the ledger allows it (within the campaign's window, before settlement), after a second, explicit tap.
 */
import { ApiError } from '../lib/api-client.ts';
import { formatAmount, formatTime } from '../lib/i18n/format.ts';
import { GaveUpError, retryUntilAnswered } from '../lib/retry-until-answered.ts';
import { byId, setMessage, show } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { MerchantApi, RedemptionAnswer } from './merchant-api.ts';
import { showScreen } from './screens.ts';

export interface ReceiptScreen {
  open(answer: RedemptionAnswer): void;
}

/** A reversal is given this long to get an answer; after that the shopkeeper sees the error and can retry. */
const REVERSAL_PATIENCE_MS = 30_000;

/** Refusals after which cancelling again can only fail the same way. */
const FINAL_REFUSALS = new Set(['ALREADY_REVERSED', 'ALREADY_SETTLED', 'REVERSAL_WINDOW_CLOSED', 'NOT_FOUND']);

export function setupReceipt(deps: {
  api: MerchantApi;
  onNewScan: () => void;
  onAuthError: (error: unknown) => boolean;
}): ReceiptScreen {
  const amount = byId('receipt-amount');
  const balance = byId('receipt-balance');
  const time = byId('receipt-time');
  const reference = byId('receipt-reference');
  const message = byId('receipt-message');
  const reverseButton = byId<HTMLButtonElement>('reverse');
  const question = byId('reverse-confirm');
  const questionText = byId('reverse-question');
  let receipt: RedemptionAnswer | undefined;
  let reversing = false;

  reverseButton.addEventListener('click', () => {
    if (!receipt) return;
    questionText.textContent = t('receipt.reverse.question', { amount: formatAmount(receipt.amountCents) });
    show(question, true);
    questionText.focus();
  });

  byId('reverse-no').addEventListener('click', () => {
    show(question, false);
    reverseButton.focus();
  });

  byId('reverse-yes').addEventListener('click', () => {
    const current = receipt;
    if (!current || reversing) return;
    reversing = true;
    show(question, false);
    setMessage(message, t('receipt.reverse.pending'), 'info');
    // One key for this cancellation and its retries: the second request gets the first one's answer.
    const key = crypto.randomUUID();
    const patience = new AbortController();
    const timer = setTimeout(() => patience.abort(), REVERSAL_PATIENCE_MS);
    retryUntilAnswered((signal) => deps.api.reverse(current.redemptionId, key, signal), { giveUp: patience.signal })
      .then((reversal) => {
        show(reverseButton, false);
        setMessage(
          message,
          t('receipt.reversed', {
            amount: formatAmount(reversal.amountCents),
            balance: formatAmount(reversal.balanceAfterCents),
          }),
          'success',
        );
      })
      .catch((error: unknown) => {
        if (deps.onAuthError(error)) return;
        const text = error instanceof GaveUpError ? t('error.NETWORK') : apiErrorMessage(error);
        if (error instanceof ApiError && FINAL_REFUSALS.has(error.code)) show(reverseButton, false);
        setMessage(message, text, 'error');
      })
      .finally(() => {
        clearTimeout(timer);
        reversing = false;
        message.focus();
      });
  });

  byId('receipt-new-scan').addEventListener('click', () => deps.onNewScan());

  return {
    open(answer) {
      receipt = answer;
      amount.textContent = formatAmount(answer.amountCents);
      balance.textContent = formatAmount(answer.balanceAfterCents);
      time.textContent = formatTime(answer.createdAt);
      reference.textContent = answer.reference;
      setMessage(message, '');
      show(question, false);
      // Offered while the campaign's window is open (the answer says until when); the ledger still decides,
      // and the button goes away with the explanation if the window closed meanwhile.
      show(reverseButton, Date.now() <= Date.parse(answer.reversibleUntil));
      showScreen('receipt');
    },
  };
}
