/**
 * Follows a list route's cursor (shared/api/paging.ts) to the end, for screens that show a whole list: a
 * town with more shops, applications or runs than one page holds sees all of them, not the first page alone.
 */

/** What every paged list answers: its items, and the cursor of the next page (null on the last). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** A bound, so that a server that keeps answering with a cursor cannot keep a screen loading for ever. */
export const MAX_PAGES = 100;

/** `url` with the `cursor` query parameter added (the list routes take it beside their own parameters). */
export function withCursor(url: string, cursor: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`;
}

/**
 * Every item of the list at `url`, page after page, with the first page's other members (totals, dates).
 * `nextCursor` is null once the end was reached; it is the next page's cursor if MAX_PAGES stopped it.
 */
export async function allPages<P extends Page<unknown>>(url: string, get: (url: string) => Promise<P>): Promise<P> {
  const first = await get(url);
  const items = [...first.items];
  // An answer without a cursor (an older server, a test double) ends the list as null does.
  let cursor = first.nextCursor || null;
  for (let pages = 1; cursor !== null && pages < MAX_PAGES; pages += 1) {
    const page = await get(withCursor(url, cursor));
    items.push(...page.items);
    cursor = page.nextCursor || null;
  }
  return { ...first, items, nextCursor: cursor };
}
