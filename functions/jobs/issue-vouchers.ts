/** Worker of an issuance run (started by POST /campaigns/{id}/issuance, or by itself to hand a long run over). */
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { createIssuanceJob } from '../../shared/services/issuance-job.ts';
import { documentsFromEnvironment } from '../runtime/documents.ts';
import { jobLeaseSeconds } from '../runtime/job-lease.ts';
import { selfStarter } from '../runtime/jobs.ts';
import { ledgerDependencies } from '../runtime/ledger-dependencies.ts';
import { logger } from '../runtime/observability.ts';
import { once } from '../runtime/once.ts';

const EventSchema = z.object({ runId: z.string().check(z.regex(/^R[0-9A-Z]{16}$/)) });

const dependencies = once(async () => ({
  ...(await ledgerDependencies()),
  documents: documentsFromEnvironment(),
  leaseSeconds: jobLeaseSeconds(),
}));

export async function handler(event: unknown, context: Context): Promise<{ runId: string; status: string }> {
  const { runId } = EventSchema.parse(event);
  logger.resetKeys();
  logger.addContext(context);
  logger.appendKeys({ runId });
  const job = createIssuanceJob(
    { ...(await dependencies()), startJob: selfStarter('issueVouchers', context.invokedFunctionArn) },
    { remainingMs: () => context.getRemainingTimeInMillis() },
  );
  const run = await job.run(runId);
  logger.info('issuance run left', {
    status: run?.status,
    issued: run?.issued,
    alreadyIssued: run?.alreadyIssued,
    notIssuedBudget: run?.notIssuedBudget,
  });
  return { runId, status: run?.status ?? 'UNKNOWN' };
}
