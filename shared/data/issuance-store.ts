/**
 * Issuance runs: the run item (status, counts, where it stopped) and the one-voucher-per-person claims it
 * checks in bulk before issuing (a shortcut only: the claim's conditional put in the issuing transaction is
 * what enforces uniqueness).
 */
import type { IssuanceCounts, IssuanceRun } from '../issuance/issuance-run.ts';
import { DEFAULT_JOB_LEASE_SECONDS, leaseFrom } from '../jobs/job-lease.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { campaignKeys, issuanceKeys } from './keys.ts';
import { batchGetAll, getItem, getRecord, type Item, newestOf, type TableContext, updateItem } from './table.ts';
import { putNew, type TransactItem } from './transactions.ts';

export function issuanceRunItem(run: IssuanceRun): Record<string, unknown> {
  return {
    ...issuanceKeys.item(run.runId),
    type: 'IssuanceRun',
    gsi1pk: issuanceKeys.byCampaign(run.campaignId),
    gsi1sk: issuanceKeys.byCampaignSort(run.createdAt, run.runId),
    ...run,
  };
}

/** A run is stuck when it is not over and its lease ran out (or it never had one): see job-lease.ts. */
const STUCK = '#status IN (:pending, :running) AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)';

export function createIssuanceStore(table: TableContext, options: { leaseSeconds?: number } = {}) {
  const { tableName } = table;
  const leaseSeconds = options.leaseSeconds ?? DEFAULT_JOB_LEASE_SECONDS;
  const conditional = async (update: Parameters<typeof updateItem>[1]): Promise<boolean> =>
    (await updateItem(table, update)).applied;

  return {
    /** The transaction item that creates the run, leased to the invocation about to be started. */
    createItem(run: IssuanceRun): TransactItem {
      return putNew(
        tableName,
        issuanceRunItem({ leaseUntil: leaseFrom(new Date(run.createdAt), leaseSeconds), ...run }),
      );
    },

    /** How long a sign of life holds for this store. */
    leaseSeconds,

    get(runId: string): Promise<IssuanceRun | undefined> {
      return getRecord<IssuanceRun>(table, issuanceKeys.item(runId));
    },

    /** The campaign's latest issuance run: what staff come back to after a reload (to follow or resume it). */
    latest(campaignId: string): Promise<IssuanceRun | undefined> {
      return newestOf<IssuanceRun>(table, 'gsi1', issuanceKeys.byCampaign(campaignId));
    },

    /**
     * Makes one worker invocation the run's holder: a PENDING run (new, handed over or resumed), or a RUNNING
     * one whose worker's lease ran out (it died: the taker resumes at the checkpoint). False when another
     * holds it or it is over.
     */
    claim(runId: string, workerToken: string, now: Date): Promise<boolean> {
      return conditional({
        Key: issuanceKeys.item(runId),
        UpdateExpression:
          'SET #status = :running, workerToken = :token, leaseUntil = :lease, startedAt = if_not_exists(startedAt, :at)',
        ConditionExpression: `#status = :pending OR (${STUCK})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': 'RUNNING',
          ':pending': 'PENDING',
          ':token': workerToken,
          ':lease': leaseFrom(now, leaseSeconds),
          ':now': epochSeconds(now),
          ':at': now.toISOString(),
        },
      });
    },

    /**
     * Staff's resume of a stuck run: back to PENDING for the invocation they start, leased to it (so a second
     * resume meanwhile is refused), and the lost worker's token dropped (were it only slow, its next
     * checkpoint is refused). Refused unless the run is stuck.
     */
    resumeItem(runId: string, now: Date): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: issuanceKeys.item(runId),
          UpdateExpression:
            'SET #status = :pending, leaseUntil = :lease, resumedAt = :at ADD resumes :one REMOVE workerToken',
          ConditionExpression: STUCK,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':pending': 'PENDING',
            ':running': 'RUNNING',
            ':lease': leaseFrom(now, leaseSeconds),
            ':now': epochSeconds(now),
            ':at': now.toISOString(),
            ':one': 1,
          },
        },
      };
    },

    /**
     * Adds a page's counts, moves the cursor and renews the lease (the worker's heartbeat), as long as this
     * worker still holds the run. `yieldRun` hands the run back (PENDING) for the next invocation to resume at
     * the cursor; the lease then waits for that invocation.
     */
    checkpoint(
      runId: string,
      workerToken: string,
      now: Date,
      delta: IssuanceCounts,
      position: { cursor: Record<string, unknown> | undefined; nextPart: number },
      yieldRun = false,
    ): Promise<boolean> {
      const sets = ['nextPart = :part', 'leaseUntil = :lease'];
      const removes: string[] = [];
      if (position.cursor) sets.push('#cursor = :cursor');
      else removes.push('#cursor');
      if (yieldRun) {
        sets.push('#status = :pending');
        removes.push('workerToken');
      }
      return conditional({
        Key: issuanceKeys.item(runId),
        UpdateExpression: [
          `SET ${sets.join(', ')}`,
          'ADD issued :issued, alreadyIssued :already, notIssuedBudget :budget, issuedValueCents :value',
          ...(removes.length > 0 ? [`REMOVE ${removes.join(', ')}`] : []),
        ].join(' '),
        ConditionExpression: '#status = :running AND workerToken = :token',
        ExpressionAttributeNames: { '#status': 'status', '#cursor': 'cursor' },
        ExpressionAttributeValues: {
          ':running': 'RUNNING',
          ':token': workerToken,
          ':part': position.nextPart,
          ':lease': leaseFrom(now, leaseSeconds),
          ':issued': delta.issued,
          ':already': delta.alreadyIssued,
          ':budget': delta.notIssuedBudget,
          ':value': delta.issuedValueCents,
          ...(position.cursor ? { ':cursor': position.cursor } : {}),
          ...(yieldRun ? { ':pending': 'PENDING' } : {}),
        },
      });
    },

    /** The run's last word: DONE (or FAILED with a reason). */
    finishItem(
      runId: string,
      workerToken: string,
      status: 'DONE' | 'FAILED',
      at: string,
      error?: string,
    ): TransactItem {
      return {
        Update: {
          TableName: tableName,
          Key: issuanceKeys.item(runId),
          UpdateExpression: `SET #status = :status, finishedAt = :at${error ? ', #error = :error' : ''} REMOVE workerToken, #cursor, leaseUntil`,
          ConditionExpression: '#status = :running AND workerToken = :token',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#cursor': 'cursor',
            ...(error ? { '#error': 'error' } : {}),
          },
          ExpressionAttributeValues: {
            ':status': status,
            ':at': at,
            ':running': 'RUNNING',
            ':token': workerToken,
            ...(error ? { ':error': error } : {}),
          },
        },
      };
    },

    /**
     * Which of these people already hold a voucher of the campaign, each with the request that issued it
     * (an issuance run's id for its vouchers): a run resuming a page its lost worker had begun counts the
     * vouchers that worker issued as its own.
     */
    async holders(campaignId: string, personRefs: readonly string[]): Promise<Map<string, string | undefined>> {
      const keys = personRefs.map((ref) => campaignKeys.beneficiary(campaignId, ref));
      const claims = await batchGetAll(table, keys, { projection: 'sk, issuedBy', consistent: true });
      return new Map(
        claims.map((item: Item) => [
          String(item.sk).slice('BENEFICIARY#'.length),
          typeof item.issuedBy === 'string' ? item.issuedBy : undefined,
        ]),
      );
    },

    /** The request that issued the voucher this person holds (undefined: none, or issued before it was recorded). */
    async issuerOf(campaignId: string, personRef: string): Promise<string | undefined> {
      const claim = await getItem(table, campaignKeys.beneficiary(campaignId, personRef), { consistent: true });
      return typeof claim?.issuedBy === 'string' ? claim.issuedBy : undefined;
    },
  };
}

export type IssuanceStore = ReturnType<typeof createIssuanceStore>;
