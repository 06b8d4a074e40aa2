/** GET /health: answers when the API and its Lambda runtime are up. Touches no data on purpose. */
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';

export const handler = httpHandler(ROUTES.getHealth, async () => ({ status: 'ok' as const }));
