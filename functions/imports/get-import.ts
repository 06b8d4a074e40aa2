/** GET /campaigns/{campaignId}/imports/{importId}: status, counts and links to the reports. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { importServiceFromEnvironment } from './import-service.ts';

const imports = importServiceFromEnvironment({ startsJobs: false });

export const handler = httpHandler(ROUTES.getImport, async ({ params }) =>
  imports.status(params.campaignId, params.importId),
);
