/** POST /campaigns/{campaignId}/applications (public, rate-limited): file an application, get the proof upload URL. */
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { filingService } from './application-services.ts';

export const handler = httpHandler(applicationRoutes.fileApplication, async ({ params, body, event, correlationId }) =>
  (await filingService()).file(params.campaignId, body, event.requestContext.http.sourceIp, correlationId),
);
