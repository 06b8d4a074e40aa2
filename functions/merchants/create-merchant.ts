/** POST /merchants: onboard a shop (audited; the same request again answers the same shop). */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { callerOf, merchants } from './merchant-service.ts';

const route = ROUTES.createMerchant;

export const handler = httpHandler(route, async (request) =>
  merchants.create(request.body, callerOf(request, route.access)),
);
