/**
 * The settlement run's e-mails, composed but not sent: the report to finance, the remittance advice to
 * each shop, and the reminders when a run is not confirmed as paid as its payout deadline nears.
 */
import { maskIban } from '../iban/iban.ts';
import { redemptionReference } from '../ledger/redemption.ts';
import { formatEuros } from '../money/money.ts';
import { brusselsDateOf, type CalendarDate, formatBrusselsTime, formatFrenchDate } from '../time/calendar-date.ts';
import type { SettlementTexts } from './i18n/texts.ts';
import { composeMail, type MailBlock, type MailContent } from './mail-layout.ts';
import { PAYOUT_DAYS, type Settlement, type StatementLine } from './settlement.ts';
import { brusselsDateTime, byMerchantName, type SettlementSummaryInput } from './settlement-summary.ts';

/** Above this many purchases the shop's mail points to the attached CSV instead of listing them. */
export const MAX_LINES_IN_MAIL = 50;

export interface SettlementMailLinks {
  /** The page of the run in the back office, where finance confirms the payment. */
  readonly confirmUrl?: string;
}

/** The run figures a reminder needs (a whole SettlementSummaryInput will do). */
export type RunReminder = Pick<SettlementSummaryInput, 'townName' | 'runId' | 'payoutDeadline' | 'totals'>;

export interface RemittanceAdviceInput {
  readonly townName: string;
  readonly settlement: Settlement;
  readonly merchantName: string;
  /** When the money should reach the shop: from the day the file goes to the bank to the payout deadline. */
  readonly expectedPayout: { readonly from: CalendarDate; readonly to: CalendarDate };
  /** All the settlement's purchases (listed when there are at most MAX_LINES_IN_MAIL). */
  readonly lines: ReadonlyArray<StatementLine>;
}

function confirmLink(texts: SettlementTexts, links: SettlementMailLinks): MailBlock[] {
  return links.confirmUrl ? [{ kind: 'link', label: texts.mail.financeReport.confirmLink, url: links.confirmUrl }] : [];
}

/** To finance when a run has produced its files: what to pay, by when, who waits; the files are attached. */
export function financeReportMail(
  input: SettlementSummaryInput,
  texts: SettlementTexts,
  links: SettlementMailLinks = {},
): MailContent {
  const words = texts.mail.financeReport;
  const columns = texts.summary.columns;
  const amount = formatEuros(input.totals.amountCents);
  const deadline = formatFrenchDate(input.payoutDeadline);
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: texts.mail.greeting },
    { kind: 'paragraph', text: words.intro(input.townName, input.runId, brusselsDateTime(input.cutoff, texts)) },
    {
      kind: 'paragraph',
      text: words.totals(texts.shops(input.totals.shopsPaid), texts.purchases(input.totals.purchases), amount),
    },
    { kind: 'paragraph', text: words.deadline(deadline), strong: true },
  ];
  if (input.settlements.length > 0) {
    // No IBAN in the mail body: it is in the attached PDF and payment file, not in every forwarded copy.
    blocks.push({
      kind: 'table',
      columns: [
        { header: columns.shop, align: 'left' },
        { header: columns.communication, align: 'left' },
        { header: columns.purchases, align: 'right' },
        { header: columns.amount, align: 'right' },
      ],
      rows: byMerchantName(input.settlements, texts).map((settlement) => [
        settlement.merchantName,
        settlement.remittanceReference,
        String(settlement.redemptions),
        formatEuros(settlement.amountCents),
      ]),
      total: [texts.summary.total, '', String(input.totals.purchases), amount],
    });
  }
  if (input.waiting.length > 0) {
    blocks.push(
      { kind: 'heading', text: words.waitingHeading },
      {
        kind: 'list',
        items: byMerchantName(input.waiting, texts).map((shop) =>
          words.waitingLine(
            shop.merchantName,
            formatEuros(shop.amountCents),
            texts.purchases(shop.redemptions),
            texts.waitingReason[shop.reason],
          ),
        ),
      },
    );
  }
  blocks.push(
    { kind: 'paragraph', text: words.attachments },
    { kind: 'paragraph', text: words.todo, strong: true },
    ...confirmLink(texts, links),
    { kind: 'paragraph', text: texts.mail.signature(input.townName) },
  );
  return composeMail(words.subject(input.runId, amount, deadline), blocks, texts.locale);
}

/** To one shop: what it is paid, with which reference, when to expect it, and for which purchases. */
export function remittanceAdviceMail(input: RemittanceAdviceInput, texts: SettlementTexts): MailContent {
  const words = texts.mail.remittanceAdvice;
  const { settlement } = input;
  const amount = formatEuros(settlement.amountCents);
  const purchases = texts.purchases(settlement.redemptions);
  const blocks: MailBlock[] = [
    { kind: 'paragraph', text: words.greeting(input.merchantName) },
    { kind: 'paragraph', text: words.intro(input.townName, amount, purchases) },
    // Masked: a mail can be forwarded or misaddressed; the shop recognises its account by the last digits.
    { kind: 'paragraph', text: words.transfer(maskIban(settlement.creditor.iban), settlement.remittanceReference) },
    {
      kind: 'paragraph',
      text: words.window(formatFrenchDate(input.expectedPayout.from), formatFrenchDate(input.expectedPayout.to)),
      strong: true,
    },
  ];
  // A partial list would mislead: list only when every purchase is there, else point to the CSV.
  const listable = settlement.redemptions <= MAX_LINES_IN_MAIL && input.lines.length === settlement.redemptions;
  if (listable && input.lines.length > 0) {
    const columns = words.lineColumns;
    const lines = [...input.lines].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    blocks.push(
      { kind: 'heading', text: words.linesHeading },
      {
        kind: 'table',
        columns: [
          { header: columns.date, align: 'left' },
          { header: columns.time, align: 'left' },
          { header: columns.amount, align: 'right' },
          { header: columns.purchaseReference, align: 'left' },
        ],
        rows: lines.map((line) => {
          const instant = new Date(line.createdAt);
          return [
            formatFrenchDate(brusselsDateOf(instant)),
            formatBrusselsTime(instant),
            formatEuros(line.amountCents),
            redemptionReference(line.redemptionId),
          ];
        }),
        total: ['', '', amount, ''],
      },
    );
  } else if (!listable) {
    blocks.push({ kind: 'paragraph', text: words.seeAttachedCsv(purchases) });
  }
  blocks.push({ kind: 'paragraph', text: texts.mail.signature(input.townName) });
  return composeMail(words.subject(input.townName, amount), blocks, texts.locale);
}

function paymentSteps(texts: SettlementTexts): MailBlock[] {
  return [
    { kind: 'heading', text: texts.mail.stepsHeading },
    { kind: 'list', items: texts.mail.steps, ordered: true },
  ];
}

/** To finance, REMINDER_DAYS_BEFORE the deadline, while the run is not confirmed as paid. */
export function approvalReminderMail(
  run: RunReminder,
  daysLeft: number,
  texts: SettlementTexts,
  links: SettlementMailLinks = {},
): MailContent {
  const words = texts.mail.approvalReminder;
  const deadline = formatFrenchDate(run.payoutDeadline);
  const body = words.body(
    run.runId,
    formatEuros(run.totals.amountCents),
    texts.shops(run.totals.shopsPaid),
    deadline,
    daysLeft,
  );
  return composeMail(
    words.subject(run.runId, daysLeft, deadline),
    [
      { kind: 'paragraph', text: texts.mail.greeting },
      { kind: 'paragraph', text: body },
      ...paymentSteps(texts),
      ...confirmLink(texts, links),
      { kind: 'paragraph', text: texts.mail.signature(run.townName) },
    ],
    texts.locale,
  );
}

/** To the admin address, ESCALATION_DAYS_BEFORE the deadline: finance has still not confirmed the payment. */
export function approvalEscalationMail(
  run: RunReminder,
  daysLeft: number,
  texts: SettlementTexts,
  links: SettlementMailLinks = {},
): MailContent {
  const words = texts.mail.approvalEscalation;
  const deadline = formatFrenchDate(run.payoutDeadline);
  const body = words.body(
    run.runId,
    formatEuros(run.totals.amountCents),
    texts.shops(run.totals.shopsPaid),
    deadline,
    daysLeft,
  );
  return composeMail(
    words.subject(run.runId, deadline),
    [
      { kind: 'paragraph', text: texts.mail.greeting },
      { kind: 'paragraph', text: body, strong: true },
      { kind: 'paragraph', text: words.promise(PAYOUT_DAYS) },
      ...paymentSteps(texts),
      ...confirmLink(texts, links),
      { kind: 'paragraph', text: texts.mail.signature(run.townName) },
    ],
    texts.locale,
  );
}
