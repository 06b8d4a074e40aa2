import { describe, expect, it } from 'vitest';
import { allPages, MAX_PAGES, type Page, withCursor } from '../../../web/lib/all-pages.ts';

/** A list route over `total` numbered items, `size` a page, whose cursor is the next item's index. */
function pagedList(total: number, size: number) {
  const asked: string[] = [];
  const get = async (url: string): Promise<Page<number> & { total: number }> => {
    asked.push(url);
    const cursor = new URL(url, 'http://x').searchParams.get('cursor');
    const start = cursor === null ? 0 : Number(cursor);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    return { items, nextCursor: start + size < total ? String(start + size) : null, total };
  };
  return { get, asked };
}

describe('allPages', () => {
  it('follows the cursor to the last page, keeping the order and the first page’s other members', async () => {
    const list = pagedList(1_234, 500);
    const all = await allPages('/applications?status=SUBMITTED', list.get);
    expect(all.items).toEqual(Array.from({ length: 1_234 }, (_, i) => i));
    expect(all).toMatchObject({ nextCursor: null, total: 1_234 });
    expect(list.asked).toEqual([
      '/applications?status=SUBMITTED',
      '/applications?status=SUBMITTED&cursor=500',
      '/applications?status=SUBMITTED&cursor=1000',
    ]);
  });

  it('asks once for a list that fits on one page, and once for an empty one', async () => {
    const short = pagedList(30, 500);
    expect((await allPages('/public/merchants', short.get)).items).toHaveLength(30);
    expect(short.asked).toEqual(['/public/merchants']);
    const empty = pagedList(0, 500);
    expect((await allPages('/public/merchants', empty.get)).items).toEqual([]);
  });

  it('stops after MAX_PAGES pages and hands back the cursor it did not follow', async () => {
    const endless = pagedList(Number.MAX_SAFE_INTEGER, 1);
    const all = await allPages('/merchants', endless.get);
    expect(endless.asked).toHaveLength(MAX_PAGES);
    expect(all.items).toHaveLength(MAX_PAGES);
    expect(all.nextCursor).toBe(String(MAX_PAGES));
  });

  it('takes an answer without a cursor for the last page', async () => {
    const asked: string[] = [];
    const all = await allPages('/merchant/settlements', async (url) => {
      asked.push(url);
      return { items: [1, 2] } as unknown as Page<number>;
    });
    expect(all).toMatchObject({ items: [1, 2], nextCursor: null });
    expect(asked).toEqual(['/merchant/settlements']);
  });

  it('escapes the cursor in the query', () => {
    expect(withCursor('/merchants', 'a+b/c=')).toBe('/merchants?cursor=a%2Bb%2Fc%3D');
    expect(withCursor('/x?from=2026-11-30', 'k')).toBe('/x?from=2026-11-30&cursor=k');
  });
});
