/** POST …/applications/{applicationId}/submit (public, rate-limited): check the uploaded proof, queue for review. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { applicationService } from './application-services.ts';

export const handler = httpHandler(ROUTES.submitApplication, async ({ params, event, correlationId }) =>
  (await applicationService()).submit(
    params.campaignId,
    params.applicationId,
    event.requestContext.http.sourceIp,
    correlationId,
  ),
);
