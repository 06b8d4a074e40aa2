/** GET /campaigns/{campaignId}/letter-runs/{runId}: the run, its progress and its batches. */
import { letterRoutes } from '../routes/letters.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterRunReader } from './letter-services.ts';

const letters = letterRunReader();

export const handler = httpHandler(letterRoutes.getLetterRun, ({ params }) =>
  letters.get(params.campaignId, params.runId),
);
