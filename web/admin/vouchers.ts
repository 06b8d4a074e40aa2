/**
 * Vouchers: find one by its code (checked here first, as the scanner does), see its balance and history,
 * open its household, and void a lost one to reissue its balance under a new code (after a confirmation),
 * which only the replacement letter carries.
 */
import { parseCodeOrUrl } from '../../shared/vouchers/voucher-code.ts';
import { newIdempotencyKey, type StaffVoucher } from './admin-api.ts';
import { busy, byId, confirmAction, setFieldError, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { date, dateTime, euros } from './format.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

export function setupVouchers(context: AdminContext, openHousehold: (householdRef: string) => void): Screen {
  const form = byId<HTMLFormElement>('voucher-form');
  const input = byId<HTMLInputElement>('voucher-code');
  const codeMessage = byId('voucher-code-message');
  const result = byId('voucher-result');
  const reissued = byId('voucher-reissued');
  const voidButton = byId<HTMLButtonElement>('voucher-void');
  let shown: StaffVoucher | undefined;

  const render = (voucher: StaffVoucher) => {
    shown = voucher;
    byId('voucher-status').textContent = t(`vouchers.status.${voucher.status}`);
    byId('voucher-balance').textContent = euros(voucher.balanceCents);
    byId('voucher-face').textContent = euros(voucher.faceValueCents);
    byId('voucher-issued').textContent = dateTime(voucher.issuedAt);
    byId('voucher-household').textContent = voucher.householdRef;
    setMessage(
      byId('voucher-replaced'),
      voucher.replacedByVoucherId ? t('vouchers.replaced') : voucher.replacesVoucherId ? t('vouchers.replacement') : '',
      'info',
    );
    byId('voucher-history').replaceChildren(
      table(
        t('vouchers.history'),
        [
          t('vouchers.history.when'),
          t('vouchers.history.what'),
          t('vouchers.history.amount'),
          t('vouchers.history.after'),
          t('vouchers.history.shop'),
        ],
        voucher.history.map((entry) => [
          dateTime(entry.at),
          t(`vouchers.action.${entry.action}`),
          euros(entry.amountCents),
          entry.balanceAfterCents === null ? '–' : euros(entry.balanceAfterCents),
          entry.merchantName ?? '–',
        ]),
      ),
    );
    show(voidButton, voucher.status === 'ACTIVE');
    show(result, true);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const parsed = parseCodeOrUrl(input.value);
    if (!parsed.ok) {
      const typed = input.value.replace(/[\s\-_.]/g, '').length;
      setFieldError(input, codeMessage, t(`vouchers.code.${parsed.problem}`, { count: typed }));
      input.focus();
      return;
    }
    setFieldError(input, codeMessage, '');
    show(reissued, false);
    void busy(form.querySelector('button[type="submit"]'), async () => {
      try {
        render(await context.api.lookupVoucher(parsed.code));
        byId('voucher-heading').focus();
      } catch (error) {
        if (context.onAuthError(error)) return;
        show(result, false);
        setFieldError(input, codeMessage, apiErrorMessage(error));
        input.focus();
      }
    });
  });

  byId('voucher-open-household').addEventListener('click', () => {
    if (shown) openHousehold(shown.householdRef);
  });

  voidButton.addEventListener('click', () => {
    const voucher = shown;
    if (!voucher) return;
    void busy(voidButton, async () => {
      const yes = await confirmAction(
        t('vouchers.void.question', { balance: euros(voucher.balanceCents) }),
        t('vouchers.void.yes'),
      );
      if (!yes) return voidButton.focus();
      try {
        const answer = await context.api.voidAndReissue(voucher.voucherId, newIdempotencyKey());
        show(result, false);
        byId('reissued-detail').textContent = t('vouchers.reissued.detail', {
          balance: euros(answer.balanceCents),
          date: date(answer.validUntil),
        });
        show(reissued, true);
        byId('reissued-title').focus();
      } catch (error) {
        if (context.onAuthError(error)) return;
        setMessage(codeMessage, apiErrorMessage(error));
        voidButton.focus();
      }
    });
  });

  return {
    open() {
      setFieldError(input, codeMessage, '');
    },
    close() {
      show(reissued, false);
    },
  };
}
