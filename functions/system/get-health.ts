/** GET /health: answers when the API and its Lambda runtime are up. Touches no data on purpose. */
import { systemRoutes } from '../routes/system.ts';
import { httpHandler } from '../runtime/http-handler.ts';

export const handler = httpHandler(systemRoutes.getHealth, async () => ({ status: 'ok' as const }));
