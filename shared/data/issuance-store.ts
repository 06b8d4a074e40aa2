/**
 * Issuance runs: the run item (status, counts, where it stopped) and the one-voucher-per-person claims it
 * checks in bulk before issuing (a shortcut only: the claim's conditional put in the issuing transaction is
 * what enforces uniqueness).
 */
import type { IssuanceCounts, IssuanceRun } from '../issuance/issuance-run.ts';
import { campaignKeys, issuanceKeys } from './keys.ts';
import { batchGetAll, getRecord, type Item, type TableContext, updateItem } from './table.ts';
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

export function createIssuanceStore(table: TableContext) {
  const { tableName } = table;
  const conditional = async (update: Parameters<typeof updateItem>[1]): Promise<boolean> =>
    (await updateItem(table, update)).applied;

  return {
    /** The transaction item that creates the run. */
    createItem(run: IssuanceRun): TransactItem {
      return putNew(tableName, issuanceRunItem(run));
    },

    get(runId: string): Promise<IssuanceRun | undefined> {
      return getRecord<IssuanceRun>(table, issuanceKeys.item(runId));
    },

    /** PENDING -> RUNNING for one worker invocation; false when another took it or it is over. */
    claim(runId: string, workerToken: string, now: Date): Promise<boolean> {
      return conditional({
        Key: issuanceKeys.item(runId),
        UpdateExpression: 'SET #status = :running, workerToken = :token, startedAt = if_not_exists(startedAt, :at)',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':running': 'RUNNING',
          ':pending': 'PENDING',
          ':token': workerToken,
          ':at': now.toISOString(),
        },
      });
    },

    /**
     * Adds a page's counts and moves the cursor, as long as this worker still holds the run. `yieldRun`
     * hands the run back (PENDING) for the next invocation to resume at the cursor.
     */
    checkpoint(
      runId: string,
      workerToken: string,
      delta: IssuanceCounts,
      position: { cursor: Record<string, unknown> | undefined; nextPart: number },
      yieldRun = false,
    ): Promise<boolean> {
      const sets = ['nextPart = :part'];
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
          UpdateExpression: `SET #status = :status, finishedAt = :at${error ? ', #error = :error' : ''} REMOVE workerToken, #cursor`,
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

    /** Which of these people already hold a voucher of the campaign . */
    async holders(campaignId: string, personRefs: readonly string[]): Promise<Set<string>> {
      const keys = personRefs.map((ref) => campaignKeys.beneficiary(campaignId, ref));
      const claims = await batchGetAll(table, keys, { projection: 'sk' });
      return new Set(claims.map((item: Item) => String(item.sk).slice('BENEFICIARY#'.length)));
    },
  };
}

export type IssuanceStore = ReturnType<typeof createIssuanceStore>;
