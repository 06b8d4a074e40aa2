/** Money, dates and times on the pages, as each of Belgium's languages writes them. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatDate, formatTime } from '../../../web/lib/i18n/format.ts';

// The formatters read the page's language from <html lang>; the unit tier has no DOM, so a stand-in.
const html = { lang: 'fr' };
beforeEach(() => {
  (globalThis as { document?: unknown }).document = { documentElement: html };
});
afterEach(() => {
  delete (globalThis as { document?: unknown }).document;
});

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe.each([
  ['fr', '1 234,50 €', '31/03/2027', '12 345'],
  ['nl', '€ 1.234,50', '31/03/2027', '12.345'],
  ['de', '1.234,50 €', '31.03.2027', '12.345'],
])('in %s', (language, amount, date, count) => {
  it('writes amounts, dates and counts the Belgian way', () => {
    html.lang = language;
    expect(plain(formatAmount(123_450))).toBe(amount);
    expect(formatDate('2027-03-31')).toBe(date);
    expect(plain(formatCount(12_345))).toBe(count);
  });
});

it('formats cents exactly, however large, and times in Brussels', () => {
  html.lang = 'nl';
  expect(plain(formatAmount(900_719_925_474_099))).toBe('€ 9.007.199.254.740,99');
  expect(formatTime('2026-07-01T12:05:00Z')).toBe('14:05');
  expect(formatTime('2026-12-01T12:05:00Z')).toBe('13:05');
});
