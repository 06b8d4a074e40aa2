/** POST …/applications/{applicationId}/submit (public, rate-limited): check the uploaded proof, queue for review. */
import { applicationRoutes } from '../routes/applications.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { submittingService } from './application-services.ts';

export const handler = httpHandler(applicationRoutes.submitApplication, async ({ params, event, correlationId }) =>
  (await submittingService()).submit(
    params.campaignId,
    params.applicationId,
    event.requestContext.http.sourceIp,
    correlationId,
  ),
);
