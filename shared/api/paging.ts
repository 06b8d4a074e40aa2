/**
 * Cursor paging of the list routes: `limit` and `cursor` in the query, `nextCursor` beside `items` in the
 * answer (null at the end). A caller that ignores them gets the first page, of the route's default size.
 */
import * as z from 'zod';

/** The query members of a paged list: spread them into the route's strict query object. */
export function pageQuery(options: { defaultLimit: number; maxLimit: number }) {
  return {
    limit: z
      .string()
      .regex(/^[1-9][0-9]{0,4}$/, 'A whole number from 1')
      .transform(Number)
      .pipe(z.int().min(1).max(options.maxLimit))
      .optional()
      .transform((limit) => limit ?? options.defaultLimit)
      .meta({ description: `Items per page, 1 to ${options.maxLimit} (default ${options.defaultLimit})` }),
    cursor: z
      .string()
      .min(1)
      .max(2048)
      .optional()
      .meta({ description: "The previous answer's nextCursor, unchanged; only valid for the same list and caller" }),
  };
}

/** The query of a list route that takes nothing but paging. */
export function pageQuerySchema(options: { defaultLimit: number; maxLimit: number }) {
  return z.strictObject(pageQuery(options));
}

export const NextCursorSchema = z
  .string()
  .nullable()
  .meta({ description: 'Pass as `cursor` for the next page; null when this page is the last' });
