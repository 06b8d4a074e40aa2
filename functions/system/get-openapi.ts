/** GET /openapi.json: the API description, generated once per cold start from the route table. */
import { systemRoutes } from '../routes/system.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { buildOpenApiDocument } from './openapi-document.ts';

// Serialised and parsed once: the route's schema wants a plain JSON object, which is what clients get.
const document = JSON.parse(JSON.stringify(buildOpenApiDocument())) as { openapi: string };

export const handler = httpHandler(systemRoutes.getOpenApi, async () => document);
