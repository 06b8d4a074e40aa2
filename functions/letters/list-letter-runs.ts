/** GET /campaigns/{campaignId}/letter-runs: the campaign's runs, newest first. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterRunReader } from './letter-services.ts';

const letters = letterRunReader();

export const handler = httpHandler(ROUTES.listLetterRuns, async ({ params, query }) =>
  letters.list(params.campaignId, query),
);
