/** POST …/applications/{applicationId}/submit (public, rate-limited): check the uploaded proof, queue for review. */
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { applicationService } from './application-services.ts';

export const handler = httpHandler(applicationRoutes.submitApplication, async ({ params, event, correlationId }) =>
  (await applicationService()).submit(
    params.campaignId,
    params.applicationId,
    event.requestContext.http.sourceIp,
    correlationId,
  ),
);
