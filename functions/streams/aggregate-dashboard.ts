/** The dashboard aggregator: batches of the table's stream (ledger changes) counted into the campaign figures. */
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { ledgerChanges } from '../../shared/data/stream-records.ts';
import { createDashboardAggregator } from '../../shared/services/dashboard-aggregation.ts';
import { logger } from '../runtime/observability.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const aggregator = createDashboardAggregator({ table: tableFromEnvironment(), now: () => new Date() });

// A failure throws: Lambda retries the batch (halved), then hands its records to the failure queue.
export async function handler(event: DynamoDBStreamEvent, context: Context) {
  logger.resetKeys();
  logger.addContext(context);
  const outcome = await aggregator.apply(ledgerChanges(event.Records));
  logger.debug('ledger changes counted', { ...outcome });
  return outcome;
}
