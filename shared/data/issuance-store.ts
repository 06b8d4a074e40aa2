/**
 * Issuance runs: the run item (status, counts, where it stopped) and the one-voucher-per-person claims it
 * checks in bulk before issuing (a shortcut only: the claim's conditional put in the issuing transaction is
 * what enforces uniqueness).
 */
import { BatchGetCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { IssuanceCounts, IssuanceRun } from '../issuance/issuance-run.ts';
import { campaignKeys, issuanceKeys } from './keys.ts';
import { isConditionalCheckFailed, type TableContext, withoutKeys } from './table.ts';

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
  const conditional = async (command: UpdateCommand): Promise<boolean> => {
    try {
      await table.doc.send(command);
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  };

  return {
    async get(runId: string): Promise<IssuanceRun | undefined> {
      const result = await table.doc.send(
        new GetCommand({ TableName: tableName, Key: issuanceKeys.item(runId), ConsistentRead: true }),
      );
      return result.Item ? withoutKeys<IssuanceRun>(result.Item) : undefined;
    },

    /** PENDING -> RUNNING for one worker invocation; false when another took it or it is over. */
    claim(runId: string, workerToken: string, now: Date): Promise<boolean> {
      return conditional(
        new UpdateCommand({
          TableName: tableName,
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
        }),
      );
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
      return conditional(
        new UpdateCommand({
          TableName: tableName,
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
        }),
      );
    },

    /** The run's last word: DONE (or FAILED with a reason). */
    finishItem(runId: string, workerToken: string, status: 'DONE' | 'FAILED', at: string, error?: string) {
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

    /** Which of these people already hold a voucher of the campaign (at most 100 at a time). */
    async holders(campaignId: string, personRefs: readonly string[]): Promise<Set<string>> {
      const holders = new Set<string>();
      let keys: Record<string, unknown>[] = personRefs.map((ref) => campaignKeys.beneficiary(campaignId, ref));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const result = await table.doc.send(
          new BatchGetCommand({
            RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'sk' } },
          }),
        );
        for (const item of result.Responses?.[tableName] ?? []) {
          holders.add(String(item.sk).slice('BENEFICIARY#'.length));
        }
        keys = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
      return holders;
    },
  };
}

export type IssuanceStore = ReturnType<typeof createIssuanceStore>;
