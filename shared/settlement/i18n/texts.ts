/**
 * Every word a person reads in the settlement run's documents and e-mails, per language: the statement's
 * column headers, the PDF summary's labels, the mails. One file per language (fr.ts, later nl.ts, de.ts).
 */
import type { WaitingShop } from '../settlement.ts';

/** Dates and amounts arrive already formatted (`26/11/2026`, `12,50 €`): the catalogue only places them. */
export interface SettlementTexts {
  /** BCP 47 tag, for sorting names the way the reader expects. */
  readonly locale: string;
  /** `26/11/2026 à 18:04`. */
  readonly dateTime: (date: string, time: string) => string;
  readonly purchases: (count: number) => string;
  readonly shops: (count: number) => string;
  /** Why a shop waits, as a reader understands it. */
  readonly waitingReason: Readonly<Record<WaitingShop['reason'], string>>;

  readonly statementColumns: {
    readonly shop: string;
    readonly shopId: string;
    readonly date: string;
    readonly time: string;
    readonly amount: string;
    readonly voucherReference: string;
    readonly purchaseReference: string;
    readonly settlementId: string;
  };

  readonly summary: {
    readonly documentTitle: string;
    readonly title: (townName: string) => string;
    readonly run: (runId: string) => string;
    readonly cutoff: string;
    readonly createdAt: string;
    readonly payoutDeadline: (date: string) => string;
    readonly shopsPaid: string;
    readonly purchases: string;
    readonly totalAmount: string;
    readonly transfersHeading: string;
    readonly continued: string;
    readonly columns: {
      readonly shop: string;
      readonly iban: string;
      readonly communication: string;
      readonly purchases: string;
      readonly amount: string;
    };
    readonly total: string;
    readonly noTransfers: string;
    readonly waitingHeading: string;
    readonly waitingIntro: string;
    readonly noWaiting: string;
    readonly waitingTotal: string;
    readonly page: (page: number, pages: number) => string;
  };

  readonly mail: {
    readonly greeting: string;
    readonly signature: (townName: string) => string;
    readonly financeReport: {
      readonly subject: (runId: string, amount: string, deadline: string) => string;
      readonly intro: (townName: string, runId: string, cutoff: string) => string;
      readonly totals: (shops: string, purchases: string, amount: string) => string;
      readonly deadline: (date: string) => string;
      readonly waitingHeading: string;
      readonly waitingLine: (shop: string, amount: string, purchases: string, reason: string) => string;
      readonly attachments: string;
      readonly todo: string;
      readonly confirmLink: string;
    };
    readonly remittanceAdvice: {
      readonly subject: (townName: string, amount: string) => string;
      readonly greeting: (shopName: string) => string;
      readonly intro: (townName: string, amount: string, purchases: string) => string;
      readonly transfer: (maskedIban: string, communication: string) => string;
      readonly window: (from: string, to: string) => string;
      readonly linesHeading: string;
      readonly lineColumns: {
        readonly date: string;
        readonly time: string;
        readonly amount: string;
        readonly purchaseReference: string;
      };
      readonly seeAttachedCsv: (purchases: string) => string;
    };
    readonly approvalReminder: {
      readonly subject: (runId: string, daysLeft: number, deadline: string) => string;
      readonly body: (runId: string, amount: string, shops: string, deadline: string, daysLeft: number) => string;
    };
    readonly approvalEscalation: {
      readonly subject: (runId: string, deadline: string) => string;
      readonly body: (runId: string, amount: string, shops: string, deadline: string, daysLeft: number) => string;
      readonly promise: (payoutDays: number) => string;
    };
    /** The two steps that pay the shops, for reminders. */
    readonly steps: readonly [string, string];
    readonly stepsHeading: string;
  };
}
