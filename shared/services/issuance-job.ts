/**
 * The issuance worker: one voucher to every issuable person of a campaign who holds none, within budget.
 * Per page of people, the codes are drawn and sealed into the letter manifest first, then issued (README:
 * "Letters hand-off"); the run checkpoints after each page and hands over before Lambda's time limit.
 */
import { randomUUID } from 'node:crypto';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createIssuanceStore } from '../data/issuance-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import { ContentionTimeoutError, transactWrite } from '../data/transactions.ts';
import { newId } from '../ids.ts';
import type { IssuanceCounts, IssuanceRun } from '../issuance/issuance-run.ts';
import { SYSTEM_ACTOR } from '../ledger/audit-event.ts';
import {
  LETTER_MANIFEST_CONTENT_TYPE,
  type LetterManifestLine,
  letterManifestKey,
  manifestLine,
  toJsonLines,
} from '../letters/letter-manifest.ts';
import type { Person } from '../people/person.ts';
import { sealCode } from '../vouchers/code-seal.ts';
import type { StartJob } from './jobs.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';
import { createVoucherService } from './voucher-service.ts';

export interface IssuanceJobDependencies extends LedgerDependencies {
  readonly documents: DocumentStore;
  readonly startJob: StartJob;
  /**
   * How long the worker's heartbeat (each checkpoint) holds the run.
   * @default DEFAULT_JOB_LEASE_SECONDS
   */
  readonly leaseSeconds?: number;
}

export interface IssuanceJobOptions {
  /** People per page (one claims read, one manifest part, one checkpoint). */
  readonly pageSize?: number;
  /** Issuing transactions in flight at once per run. */
  readonly concurrency?: number;
  /** Milliseconds left to this invocation: below the margin, the run is handed to a fresh invocation. */
  readonly remainingMs?: () => number;
}

const HAND_OVER_MARGIN_MS = 90_000;

export function createIssuanceJob(deps: IssuanceJobDependencies, options: IssuanceJobOptions = {}) {
  const runs = createIssuanceStore(deps.table, deps.leaseSeconds ? { leaseSeconds: deps.leaseSeconds } : {});
  const people = createPersonStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);
  const vouchers = createVoucherService(deps);
  const pageSize = options.pageSize ?? 100;
  const concurrency = options.concurrency ?? 4;

  /**
   * Issues to one page of people and returns its counts. The codes are drawn first and their manifest part
   * written before any voucher exists: a crash can then leave lines without vouchers, never vouchers without
   * codes. Each voucher is one transaction (voucher-service issue(): the claim keeps one voucher per person,
   * the budget counter's condition keeps the cap, whatever runs at the same time); the claims read first only
   * skip people who obviously hold one. Counts are exact: each person met is counted once, and once the
   * budget refuses, every later voucher would be refused too (issued value never goes down). A voucher this
   * run issued (its claim names the run) counts as issued: a page is done again after its worker died
   * between issuing and checkpointing, and what that worker issued is this run's work.
   */
  async function issuePage(
    run: IssuanceRun,
    campaign: Parameters<typeof vouchers.issue>[0]['campaign'],
    page: readonly Person[],
    budget: { spent: boolean },
    manifest: { part: number; attempt: string },
  ): Promise<{ delta: IssuanceCounts; wroteManifest: boolean }> {
    const delta = { issued: 0, alreadyIssued: 0, notIssuedBudget: 0, issuedValueCents: 0 };
    const holders = await runs.holders(
      run.campaignId,
      page.map((person) => person.personRef),
    );
    const request = (person: Person) => ({
      campaign,
      beneficiaryRef: person.personRef,
      householdRef: person.householdRef,
      actor: SYSTEM_ACTOR,
      requestId: run.runId,
    });
    const planned = new Map(
      page.filter((person) => !holders.has(person.personRef)).map((person) => [person, vouchers.plan(request(person))]),
    );
    const queue = budget.spent ? [] : [...planned.keys()];
    const ownBefore = [...holders.values()].filter((issuer) => issuer === run.runId).length;
    delta.issued += ownBefore;
    delta.issuedValueCents += ownBefore * campaign.faceValueCents;
    delta.alreadyIssued += page.length - planned.size - ownBefore;
    delta.notIssuedBudget += planned.size - queue.length;
    const wroteManifest = queue.length > 0;
    if (wroteManifest) {
      const lines: LetterManifestLine[] = queue.map((person) => {
        const plan = planned.get(person);
        if (!plan) throw new Error('unplanned person');
        return manifestLine(plan.voucher, sealCode(deps.codeKey, plan.code));
      });
      await deps.documents.put(
        letterManifestKey(run.campaignId, run.runId, manifest.part, manifest.attempt),
        toJsonLines(lines),
        LETTER_MANIFEST_CONTENT_TYPE,
      );
    }

    const issueOne = async (person: Person): Promise<void> => {
      if (budget.spent) {
        delta.notIssuedBudget++;
        return;
      }
      const plan = planned.get(person);
      if (!plan) throw new Error('unplanned person');
      for (let attempt = 1; ; attempt++) {
        try {
          const result = await vouchers.issuePlanned(plan, request(person));
          if (result.outcome === 'ISSUED') {
            delta.issued++;
            delta.issuedValueCents += result.voucher.faceValueCents;
          } else if (result.outcome === 'ALREADY_HOLDS_ONE') {
            // Issued since the claims were read: by this run's lost worker, still finishing its page, or by
            // someone else (an application's approval, another run).
            if ((await runs.issuerOf(run.campaignId, person.personRef)) === run.runId) {
              delta.issued++;
              delta.issuedValueCents += campaign.faceValueCents;
            } else {
              delta.alreadyIssued++;
            }
          } else {
            budget.spent = true;
            delta.notIssuedBudget++;
          }
          return;
        } catch (error) {
          // Two runs at once contend on the campaign's budget counter: the transaction layer retries for a
          // while; past that, this person is tried again rather than the run failing.
          if (!(error instanceof ContentionTimeoutError) || attempt >= 5) throw error;
        }
      }
    };
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let person = queue.shift(); person; person = queue.shift()) await issueOne(person);
    });
    await Promise.all(workers);
    return { delta, wroteManifest };
  }

  return {
    /**
     * Runs (or resumes) one issuance run: a PENDING one, or a RUNNING one whose worker's lease ran out (it
     * died; this invocation takes over at the last checkpoint). Returns the run as it was left: DONE, FAILED,
     * or PENDING again when this invocation ran short of time and handed over to a new one.
     */
    async run(runId: string): Promise<IssuanceRun | undefined> {
      const token = randomUUID();
      if (!(await runs.claim(runId, token, deps.now()))) return runs.get(runId);
      const run = await runs.get(runId);
      if (!run) throw new Error(`Issuance run ${runId} vanished after it was claimed`);
      const finish = async (status: 'DONE' | 'FAILED', error?: string) => {
        const at = deps.now().toISOString();
        const finished = await runs.get(runId);
        await transactWrite(deps.table, {
          run: runs.finishItem(runId, token, status, at, error),
          audit: audits.recordItem({
            eventId: newId('E'),
            at,
            action: 'COMPLETE_ISSUANCE',
            actor: SYSTEM_ACTOR,
            entityType: 'issuanceRun',
            entityId: runId,
            requestId: runId,
            amountCents: finished?.issuedValueCents ?? 0,
            details: {
              campaignId: run.campaignId,
              status,
              issued: finished?.issued ?? 0,
              alreadyIssued: finished?.alreadyIssued ?? 0,
              notIssuedBudget: finished?.notIssuedBudget ?? 0,
            },
          }),
        });
        return runs.get(runId);
      };

      try {
        const campaign = await campaigns.get(run.campaignId);
        if (!campaign) return finish('FAILED', `unknown campaign ${run.campaignId}`);
        const budget = { spent: false };
        let cursor = run.cursor;
        let part = run.nextPart;
        const read = (key: Record<string, unknown> | undefined) => {
          const page = people.issuablePage(run.campaignId, key, pageSize);
          page.catch(() => undefined); // a read left behind (hand-over, failure) must not be an unhandled rejection
          return page;
        };
        let next = read(cursor);
        do {
          const page = await next;
          // The next page is read while this one is issued (its claims are still checked when its turn comes).
          if (page.nextKey) next = read(page.nextKey);
          // The claim token names this attempt: a page retried after a crash writes a part of its own.
          const { delta, wroteManifest } = await issuePage(run, campaign, page.people, budget, {
            part,
            attempt: token.slice(0, 8),
          });
          if (wroteManifest) part++;
          cursor = page.nextKey;
          const handOver = cursor !== undefined && (options.remainingMs?.() ?? Infinity) < HAND_OVER_MARGIN_MS;
          const held = await runs.checkpoint(runId, token, deps.now(), delta, { cursor, nextPart: part }, handOver);
          if (!held) throw new Error(`Issuance run ${runId} was taken from this worker`);
          if (handOver) {
            await deps.startJob('issueVouchers', { runId });
            return runs.get(runId);
          }
        } while (cursor);
        return await finish('DONE');
      } catch (error) {
        await finish('FAILED', error instanceof Error ? error.message : String(error)).catch(() => undefined);
        throw error;
      }
    },
  };
}

export type IssuanceJob = ReturnType<typeof createIssuanceJob>;
