/**
 * Settlement runs as finance drives them: start one (or resume the one that stopped), follow it, download
 * its documents (audited), approve its payment, and the shops' own view of their settlements.
 */
import { createAuditStore } from '../data/audit-store.ts';
import { createIdempotencyStore, requestHash } from '../data/idempotency-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { createSettlementStore } from '../data/settlement-store.ts';
import type { OpenSettlement } from '../data/shop-settlement-store.ts';
import type { PageRequest } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor } from '../ledger/audit-event.ts';
import {
  isAbandoned,
  SETTLEMENT_FILE_KINDS,
  type SettlementFileKind,
  type SettlementRun,
  settlementFileKeys,
} from '../settlement/settlement-run.ts';
import { granted } from './granted.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { nextSettlementRun } from './settlement-closing.ts';
import type { SettlementDependencies } from './settlement-dependencies.ts';
import type { StartWorkflow } from './workflows.ts';

export interface SettlementServiceDependencies extends Pick<SettlementDependencies, 'table' | 'now'> {
  /** Needed to hand out document links; functions that do not get no bucket access. */
  readonly documents?: SettlementDependencies['documents'];
  /** Needed to start runs; functions that do not may not start the state machine. */
  readonly startWorkflow?: StartWorkflow;
}

export interface ApprovalAnswer {
  readonly runId: string;
  readonly approvedAt: string;
  readonly approvedBy: string;
}

export interface StaffRequest {
  readonly actor: Actor;
  readonly requestId: string;
}

/** A download link lives this long: enough to click it, too short to forward it around. */
const FILE_URL_SECONDS = 5 * 60;

const FILES: Readonly<
  Record<SettlementFileKind, { key: 'paymentFile' | 'statementCsv' | 'summaryPdf'; name: string; type: string }>
> = {
  'payment-file': { key: 'paymentFile', name: 'paiement', type: 'application/xml' },
  'statement-csv': { key: 'statementCsv', name: 'releve', type: 'text/csv; charset=utf-8' },
  'summary-pdf': { key: 'summaryPdf', name: 'synthese', type: 'application/pdf' },
};

export function createSettlementService(deps: SettlementServiceDependencies) {
  const runs = createSettlementStore(deps.table);
  const merchants = createMerchantStore(deps.table);
  const audits = createAuditStore(deps.table);
  const idempotency = createIdempotencyStore(deps.table);

  const requireRun = async (runId: string): Promise<SettlementRun> => {
    const run = await runs.getRun(runId);
    if (!run) throw new DomainError('SETTLEMENT_RUN_NOT_FOUND', `There is no settlement run ${runId}.`);
    return run;
  };

  const settlementView = (settlement: OpenSettlement, names: ReadonlyMap<string, string>) => ({
    settlementId: settlement.settlementId,
    merchantId: settlement.merchantId,
    merchantName: names.get(settlement.merchantId) ?? settlement.merchantId,
    amountCents: settlement.amountCents,
    redemptions: settlement.redemptions,
    remittanceReference: settlement.remittanceReference ?? null,
    status: settlement.payoutDate ? ('PAID' as const) : settlement.closedAt ? ('CLOSED' as const) : ('OPEN' as const),
    payoutDate: settlement.payoutDate ?? null,
  });

  return {
    /**
     * Starts a run with `cutoff` (default: the end of yesterday, Brussels), or resumes the run that stopped
     * half-way, whose id is then the answer. The same Idempotency-Key answers the same run.
     */
    async start(request: StaffRequest & { idempotencyKey: string; cutoff?: Date }): Promise<{ runId: string }> {
      if (request.cutoff && request.cutoff.getTime() > deps.now().getTime()) {
        throw new DomainError(
          'CUTOFF_IN_FUTURE',
          'The cut-off must be now or earlier: a run pays purchases already made.',
        );
      }
      const scope = {
        userId: request.actor.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('startSettlementRun', { cutoff: request.cutoff?.toISOString() }),
      };
      const { answer } = await idempotentWrite<{ runId: string }>(idempotency, scope, deps.now, async () => {
        const next = await nextSettlementRun(runs, deps.now(), {
          trigger: 'finance',
          requestedBy: request.actor.userId,
          ...(request.cutoff ? { cutoff: request.cutoff } : {}),
        });
        const answer = { runId: next.run.runId };
        const outcome = await transactWrite(deps.table, {
          ...(next.resumed ? {} : { run: runs.createRunItem(next.run) }),
          audit: audits.recordItem({
            eventId: newId('E'),
            at: deps.now().toISOString(),
            action: 'START_SETTLEMENT_RUN',
            actor: request.actor,
            entityType: 'settlementRun',
            entityId: next.run.runId,
            requestId: request.requestId,
            details: { cutoff: next.run.cutoff, resumed: next.resumed ? 'yes' : 'no' },
          }),
          idempotency: idempotency.recordItem(scope, { statusCode: 202, body: answer }, deps.now()),
        });
        return { outcome, answer };
      });
      const run = await requireRun(answer.runId);
      // Started now, and again on a retry while nobody works on it (a start may fail after the run was
      // recorded): a second execution of a live run finds it held and stops.
      if (!deps.startWorkflow) throw new Error('This function may not start settlement runs');
      if (isAbandoned(run, deps.now())) await deps.startWorkflow('settlement', { runId: run.runId });
      return answer;
    },

    /** Finance confirms the payment file went to the bank. Once per run; the same key answers the same. */
    async approve(
      runId: string,
      request: { actor: Actor; idempotencyKey: string; requestId: string },
    ): Promise<ApprovalAnswer> {
      const scope = {
        userId: request.actor.userId,
        key: request.idempotencyKey,
        requestHash: requestHash('approveSettlementRun', { runId }),
      };
      const result = await idempotentWrite<ApprovalAnswer>(idempotency, scope, deps.now, async () => {
        const run = await runs.getRun(runId);
        if (!run) throw new DomainError('SETTLEMENT_RUN_NOT_FOUND', `There is no settlement run ${runId}.`);
        if (run.approvedAt) {
          throw new DomainError(
            'RUN_ALREADY_APPROVED',
            `This run was already approved on ${run.approvedAt} by ${run.approvedBy ?? 'someone'}.`,
            { approvedAt: run.approvedAt },
          );
        }
        if (run.status !== 'AWAITING_APPROVAL') {
          throw new DomainError(
            'RUN_NOT_AWAITING_APPROVAL',
            run.status === 'RUNNING'
              ? 'The run is still closing the shops and writing its payment file: approve it once the file exists.'
              : `A run that is ${run.status} has no payment to approve.`,
            { status: run.status },
          );
        }
        const at = deps.now().toISOString();
        const answer: ApprovalAnswer = { runId, approvedAt: at, approvedBy: request.actor.userId };
        const outcome = await transactWrite(deps.table, {
          run: runs.approvalItem(runId, request.actor.userId, at),
          audit: audits.recordItem({
            eventId: newId('E'),
            at,
            action: 'APPROVE_SETTLEMENT_RUN',
            actor: request.actor,
            entityType: 'settlementRun',
            entityId: runId,
            requestId: request.requestId,
            ...(run.totalCents === undefined ? {} : { amountCents: run.totalCents }),
          }),
          idempotency: idempotency.recordItem(scope, { statusCode: 200, body: answer }, deps.now()),
        });
        return { outcome, answer };
      });
      return result.answer;
    },

    /** The run as finance follows it, with each shop's settlement. */
    async get(runId: string) {
      const run = await requireRun(runId);
      const [settlements, shops] = await Promise.all([runs.runSettlements(runId), merchants.list()]);
      const names = new Map(shops.map((shop) => [shop.merchantId, shop.name]));
      return {
        ...run,
        payoutDeadline: run.payoutDeadline ?? null,
        totalCents: run.totalCents ?? 0,
        settlements: settlements
          .map((settlement) => settlementView(settlement, names))
          .sort((a, b) => a.merchantName.localeCompare(b.merchantName, 'fr-BE', { numeric: true })),
        waiting: [...(run.waiting ?? [])],
        files: run.files ? [...SETTLEMENT_FILE_KINDS] : [],
      };
    },

    /** A page of the runs, newest first. */
    list(request: PageRequest): Promise<{ items: SettlementRun[]; nextCursor: string | null }> {
      return runs.listRuns(request);
    },

    /** A short-lived link to one of the run's documents; handing it out is audited. */
    async fileUrl(
      runId: string,
      kind: SettlementFileKind,
      request: StaffRequest,
    ): Promise<{ downloadUrl: string; expiresAt: string }> {
      const run = await requireRun(runId);
      if (!run.files) {
        throw new DomainError(
          'FILE_NOT_READY',
          `Run ${runId} is ${run.status}: it has not written its documents (yet).`,
          {
            status: run.status,
          },
        );
      }
      const file = FILES[kind];
      const documents = granted(deps.documents, 'the documents bucket');
      await audits.record({
        eventId: newId('E'),
        at: deps.now().toISOString(),
        action: 'DOWNLOAD_SETTLEMENT_FILE',
        actor: request.actor,
        entityType: 'settlementRun',
        entityId: runId,
        requestId: request.requestId,
        details: { kind },
      });
      const extension = settlementFileKeys(runId)[file.key].split('.').pop();
      const downloadUrl = await documents.downloadUrl(run.files[file.key], {
        expiresInSeconds: FILE_URL_SECONDS,
        fileName: `${file.name}-${runId}.${extension}`,
        contentType: file.type,
      });
      return { downloadUrl, expiresAt: new Date(deps.now().getTime() + FILE_URL_SECONDS * 1000).toISOString() };
    },

    /** A shop's own settlements, newest first: what it was paid, with which reference, and when. */
    async forMerchant(merchantId: string, request: PageRequest) {
      const page = await runs.merchantSettlements(merchantId, request);
      return {
        nextCursor: page.nextCursor,
        items: page.items.map((settlement) => ({
          settlementId: settlement.settlementId,
          runId: settlement.runId,
          amountCents: settlement.amountCents,
          redemptions: settlement.redemptions,
          remittanceReference: settlement.remittanceReference ?? null,
          closedAt: settlement.closedAt ?? null,
          status: settlement.payoutDate ? ('PAID' as const) : ('PENDING' as const),
          payoutDate: settlement.payoutDate ?? null,
        })),
      };
    },
  };
}

export type SettlementService = ReturnType<typeof createSettlementService>;
