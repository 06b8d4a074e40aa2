/**
 * Cursor paging of the list routes: `limit` and `cursor` in the query, `nextCursor` beside `items` in the
 * answer (null at the end). A caller that ignores them gets the first page, of the route's default size.
 */
import * as z from 'zod/mini';

/** The query members of a paged list: spread them into the route's strict query object. */
export function pageQuery(options: { defaultLimit: number; maxLimit: number }) {
  const pageSize = z.pipe(
    z.pipe(z.string().check(z.regex(/^[1-9][0-9]{0,4}$/, 'A whole number from 1')), z.transform(Number)),
    z.int().check(z.minimum(1), z.maximum(options.maxLimit)),
  );
  return {
    limit: z
      .pipe(
        z.optional(pageSize),
        z.transform((limit) => limit ?? options.defaultLimit),
      )
      .check(z.meta({ description: `Items per page, 1 to ${options.maxLimit} (default ${options.defaultLimit})` })),
    cursor: z
      .optional(z.string().check(z.minLength(1), z.maxLength(2048)))
      .check(
        z.meta({ description: "The previous answer's nextCursor, unchanged; only valid for the same list and caller" }),
      ),
  };
}

/** The query of a list route that takes nothing but paging. */
export function pageQuerySchema(options: { defaultLimit: number; maxLimit: number }) {
  return z.strictObject(pageQuery(options));
}

export const NextCursorSchema = z
  .nullable(z.string())
  .check(z.meta({ description: 'Pass as `cursor` for the next page; null when this page is the last' }));
