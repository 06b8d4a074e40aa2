/** Worker of the register import (started by POST /campaigns/{id}/imports/{importId}/process). */
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { createRegisterImportJob } from '../../shared/services/register-import-job.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { jobLeaseSeconds } from '../runtime/job-lease.ts';
import { logger } from '../runtime/observability.ts';
import { once } from '../runtime/once.ts';
import { personKey } from '../runtime/person-key.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const EventSchema = z.object({ importId: z.string().check(z.regex(/^I[0-9A-Z]{16}$/)) });

const job = once(async () =>
  createRegisterImportJob({
    table: tableFromEnvironment(),
    documents: documentsFromEnvironment(),
    personKey: await personKey(),
    now: () => new Date(),
    leaseSeconds: jobLeaseSeconds(),
  }),
);

export async function handler(event: unknown, context: Context): Promise<{ importId: string; status: string }> {
  const { importId } = EventSchema.parse(event);
  logger.resetKeys();
  logger.addContext(context);
  logger.appendKeys({ importId });
  const result = await (await job()).run(importId);
  logger.info('register import finished', { status: result?.status, counts: result?.counts, error: result?.error });
  return { importId, status: result?.status ?? 'UNKNOWN' };
}
