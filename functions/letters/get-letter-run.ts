/** GET /campaigns/{campaignId}/letter-runs/{runId}: the run, its progress and its batches. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterRunReader } from './letter-services.ts';

const letters = letterRunReader();

export const handler = httpHandler(ROUTES.getLetterRun, ({ params }) => letters.get(params.campaignId, params.runId));
