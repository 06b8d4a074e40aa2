/**
 * Money is always an integer number of euro cents. This module is the only place that turns text into
 * cents or cents into text, so rounding and locale rules live in one spot.
 */

declare const centsBrand: unique symbol;
/** An integer number of euro cents (may be negative for adjustments; most callers require > 0). */
export type Cents = number & { readonly [centsBrand]: true };

export class MoneyFormatError extends Error {
  override readonly name = 'MoneyFormatError';
}

/** Checks that `value` is a safe integer and brands it as cents. */
export function cents(value: number): Cents {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyFormatError(`Amount must be a whole number of cents, got ${String(value)}`);
  }
  return value as Cents;
}

export function euros(whole: number): Cents {
  return cents(whole * 100);
}

// "12", "12,5", "12,50", "12.50", "1 234,50", "1.234,50" (grouping with spaces or dots when a comma
// is the decimal mark). No sign, no exponent: an amount typed at a till is never negative.
const AMOUNT_PATTERN = /^(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+|\d+)(?:[,.](\d{1,2}))?$/;

/**
 * Parses an amount typed by a person (`12,50`, `12.5`, `12`, `1 234,56`, with or without `€`) into cents,
 * exactly: no floating point is involved.
 */
export function parseEuros(text: string): Cents {
  const trimmed = text.replace(/€|EUR/gi, '').trim();
  // A lone dot followed by exactly three digits is ambiguous (1.234 = 1234 € or 1,234 €?): refuse it.
  if (/^\d{1,3}\.\d{3}$/.test(trimmed)) {
    throw new MoneyFormatError(`Ambiguous amount "${text}": write 1234 or 1,23`);
  }
  const match = AMOUNT_PATTERN.exec(trimmed);
  if (!match) {
    throw new MoneyFormatError(`Not an amount in euros: "${text}"`);
  }
  const wholePart = (match[1] ?? '').replace(/[ .\u00a0\u202f]/g, '');
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return cents(Number(wholePart) * 100 + Number(fraction));
}

const NBSP = '\u00a0';
const NARROW_NBSP = '\u202f';

/** Formats cents the way Belgian French writes money: `12,50 €`, `550 000,00 €` (non-breaking spaces). */
export function formatEuros(amount: Cents | number): string {
  const value = cents(amount);
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  const whole = Math.trunc(absolute / 100).toString();
  const fraction = (absolute % 100).toString().padStart(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NARROW_NBSP);
  return `${sign}${grouped},${fraction}${NBSP}€`;
}

/** Formats cents for machine formats (SEPA, CSV): `12.50`, never grouped. */
export function formatDecimal(amount: Cents | number): string {
  const value = cents(amount);
  const sign = value < 0 ? '-' : '';
  const absolute = Math.abs(value);
  return `${sign}${Math.trunc(absolute / 100)}.${(absolute % 100).toString().padStart(2, '0')}`;
}

export function sumCents(amounts: Iterable<Cents | number>): Cents {
  let total = 0;
  for (const amount of amounts) total += cents(amount);
  return cents(total);
}
