/**
 * The run's mail: finance gets the summary with the three documents (the statement linked when too big to
 * attach), each paid shop its remittance advice. Sent once per run; a resumed run does not send again.
 */
import { createMerchantStore } from '../data/merchant-store.ts';
import type { StatementLine } from '../settlement/settlement.ts';
import { financeReportMail, MAX_LINES_IN_MAIL, remittanceAdviceMail } from '../settlement/settlement-mail.ts';
import type { SettlementRun } from '../settlement/settlement-run.ts';
import type { NamedSettlement } from '../settlement/settlement-summary.ts';
import { voucherReference } from '../vouchers/voucher.ts';
import { MAX_ATTACHMENT_BYTES, type MailAttachment } from './mailer.ts';
import { RunSupersededError, type SettlementDependencies, settlementRunStore } from './settlement-dependencies.ts';
import { createSettlementDocuments } from './settlement-documents.ts';

/** A statement too big to attach is linked for this long instead. */
const STATEMENT_LINK_SECONDS = 7 * 24 * 3600;

export function createSettlementMailing(deps: SettlementDependencies) {
  const runs = settlementRunStore(deps);
  const merchants = createMerchantStore(deps.table);
  const documents = createSettlementDocuments(deps);
  const { config } = deps;

  async function attachment(key: string, fileName: string, contentType: string): Promise<MailAttachment> {
    const content = await deps.documents.getBytes(key);
    if (!content) throw new Error(`Settlement document ${key} is missing`);
    return { fileName, contentType, content };
  }

  async function financeReport(run: SettlementRun, settlements: readonly NamedSettlement[]): Promise<void> {
    const mail = financeReportMail(documents.summaryInput(run, settlements), config.texts);
    const attachments: MailAttachment[] = [];
    let statementLink: string | undefined;
    if (run.files) {
      attachments.push(
        await attachment(run.files.summaryPdf, `synthese-${run.runId}.pdf`, 'application/pdf'),
        await attachment(run.files.paymentFile, `paiement-${run.runId}.xml`, 'application/xml'),
      );
      const statement = await deps.documents.head(run.files.statementCsv);
      const room = MAX_ATTACHMENT_BYTES - attachments.reduce((sum, file) => sum + file.content.length, 0);
      if (statement && statement.size <= room) {
        attachments.push(await attachment(run.files.statementCsv, `releve-${run.runId}.csv`, 'text/csv'));
      } else {
        statementLink = await deps.documents.downloadUrl(run.files.statementCsv, {
          expiresInSeconds: STATEMENT_LINK_SECONDS,
          fileName: `releve-${run.runId}.csv`,
        });
      }
    }
    await deps.sendMail({
      to: config.financeEmails,
      subject: mail.subject,
      text: statementLink ? `${mail.text}\n\n${statementLink}\n` : mail.text,
      html: statementLink ? `${mail.html}<p><a href="${statementLink}">${statementLink}</a></p>` : mail.html,
      attachments,
    });
  }

  async function remittanceAdvice(run: SettlementRun, settlement: NamedSettlement): Promise<void> {
    const merchant = await merchants.get(settlement.merchantId);
    if (!merchant?.email) return;
    const lines: StatementLine[] = [];
    if (settlement.redemptions <= MAX_LINES_IN_MAIL) {
      for await (const page of runs.settlementRedemptions(settlement.settlementId)) {
        for (const redemption of page) {
          lines.push({
            settlementId: settlement.settlementId,
            merchantId: settlement.merchantId,
            merchantName: settlement.merchantName,
            redemptionId: redemption.redemptionId,
            createdAt: redemption.createdAt,
            amountCents: redemption.amountCents,
            voucherReference: voucherReference(redemption.voucherId),
          });
        }
      }
    }
    const mail = remittanceAdviceMail(
      {
        townName: config.townName,
        settlement,
        merchantName: settlement.merchantName,
        expectedPayout: {
          from: run.requestedExecutionDate ?? run.cutoff.slice(0, 10),
          to: run.payoutDeadline ?? run.cutoff.slice(0, 10),
        },
        lines,
      },
      config.texts,
    );
    await deps.sendMail({ to: [merchant.email], ...mail });
  }

  return {
    /** Sends the run's reports once its documents exist (or, for an empty run, tells finance who waits). */
    async send(input: { runId: string; executionId: string }): Promise<{ sent: boolean }> {
      const { runId, executionId } = input;
      if (!(await runs.heartbeat(runId, executionId, deps.now()))) {
        throw new RunSupersededError(`Settlement run ${runId} is held by another execution`);
      }
      const run = await runs.getRun(runId);
      if (!run) throw new Error(`Unknown settlement run ${runId}`);
      if (run.reportsSentAt) return { sent: false };
      const payable = run.status === 'AWAITING_APPROVAL' || run.status === 'PAID';
      if (!payable && !(run.status === 'EMPTY' && (run.waiting?.length ?? 0) > 0)) return { sent: false };
      const settlements = payable ? await documents.namedSettlements(runId) : [];
      await financeReport(run, settlements);
      // At least once: a crash here sends some shops their advice again, which is harmless; none is lost.
      for (const settlement of settlements) await remittanceAdvice(run, settlement);
      await runs.markSent(runId, executionId, deps.now(), 'reportsSentAt');
      return { sent: true };
    },
  };
}

export type SettlementMailing = ReturnType<typeof createSettlementMailing>;
