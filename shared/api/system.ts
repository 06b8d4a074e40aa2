/** Schemas of the operational routes. */
import * as z from 'zod';

export const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

/** The OpenAPI document itself: any JSON object. */
export const OpenApiDocumentSchema = z.looseObject({ openapi: z.string() }).meta({ id: 'OpenApiDocument' });
