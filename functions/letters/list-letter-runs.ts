/** GET /campaigns/{campaignId}/letter-runs: the campaign's runs, newest first. */
import { letterRoutes } from '../routes/letters.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { letterRunReader } from './letter-services.ts';

const letters = letterRunReader();

export const handler = httpHandler(letterRoutes.listLetterRuns, async ({ params, query }) =>
  letters.list(params.campaignId, query),
);
