/** Worker that deletes the personal data of campaigns past their purge date (EventBridge Scheduler, daily). */
import type { Context } from 'aws-lambda';
import { createPurgeJob } from '../../shared/services/purge-job.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { logger } from '../runtime/observability.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const job = createPurgeJob({
  table: tableFromEnvironment(),
  documents: documentsFromEnvironment(),
  now: () => new Date(),
});

export async function handler(_event: unknown, context: Context) {
  logger.resetKeys();
  logger.addContext(context);
  const { purged, lettersExpired } = await job.run();
  logger.info('personal data purged', { campaigns: purged, lettersExpired });
  return { purged, lettersExpired };
}
