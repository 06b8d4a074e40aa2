/** Schemas of the operational routes. */
import * as z from 'zod/mini';

export const HealthSchema = z.object({ status: z.literal('ok') }).check(z.meta({ id: 'Health' }));

/** The OpenAPI document itself: any JSON object. */
export const OpenApiDocumentSchema = z.looseObject({ openapi: z.string() }).check(z.meta({ id: 'OpenApiDocument' }));
