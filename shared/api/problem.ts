/** The RFC 9457 problem document every error answer carries (documented in the OpenAPI document). */
import * as z from 'zod/mini';
import { ERROR_CODES } from '../errors/domain-error.ts';

export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES),
    instance: z.optional(z.string()),
  })
  .check(z.meta({ id: 'Problem', description: 'RFC 9457 problem details, with a stable machine-readable `code`.' }));
export type Problem = z.infer<typeof ProblemSchema>;
