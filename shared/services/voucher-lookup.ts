/**
 * Finding a voucher from a typed or scanned code, for someone who may be guessing codes: every miss (not a
 * code, a typo, no such voucher) counts against whoever asked (a shop, or a public client address), and
 * whoever reached the limit is refused with TOO_MANY_ATTEMPTS and Retry-After until their window ends.
 * The scanner's look-up and redemptions and the public balance page all find vouchers through here.
 */
import { createLookupMisses } from '../data/lookup-misses.ts';
import type { Item } from '../data/table.ts';
import { createVoucherStore } from '../data/voucher-store.ts';
import { DomainError } from '../errors/domain-error.ts';
import { voucherIdForCode } from '../vouchers/code-hash.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { type ParsedCode, parseCodeOrUrl } from '../vouchers/voucher-code.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';

/** Who the misses are counted against: its key in the table, and how a refusal names it. */
export interface LookupSubject {
  /** A merchant id, or lookupMissKeys.publicClient(clientRef). */
  readonly missKey: string;
  /** "this shop", "this address": the refusal's detail says whose attempts ran out. */
  readonly describedAs: string;
}

export function createVoucherLookup(deps: Pick<LedgerDependencies, 'table' | 'codeKey' | 'now' | 'metric'>) {
  const vouchers = createVoucherStore(deps.table);
  const misses = createLookupMisses(deps.table);
  const metric = deps.metric ?? (() => undefined);

  const notFound = async (subject: LookupSubject, detail: string): Promise<never> => {
    await misses.record(subject.missKey, deps.now());
    metric('VoucherLookupMiss');
    throw new DomainError('VOUCHER_NOT_FOUND', detail);
  };

  const throttled = (subject: LookupSubject, retryAfterSeconds: number): DomainError => {
    metric('VoucherLookupThrottled');
    return new DomainError(
      'TOO_MANY_ATTEMPTS',
      `Too many unknown codes from ${subject.describedAs}. Try again in ${Math.ceil(retryAfterSeconds / 60)} min.`,
      { retryAfterSeconds },
    );
  };

  const assertNotThrottled = async (subject: LookupSubject) => {
    const retryAfterSeconds = await misses.retryAfter(subject.missKey, deps.now());
    if (retryAfterSeconds !== undefined) throw throttled(subject, retryAfterSeconds);
  };

  /** The voucher found (or not) for a parsed code, or the refusal that counts as a miss. */
  const conclude = (subject: LookupSubject, parsed: ParsedCode, voucher: Voucher | undefined): Promise<Voucher> => {
    if (!parsed.ok) {
      return notFound(
        subject,
        parsed.problem === 'CHECK_FAILED'
          ? 'This code has a typo: check each character.'
          : 'This is not a voucher code.',
      );
    }
    return voucher ? Promise.resolve(voucher) : notFound(subject, 'No voucher has this code.');
  };

  return {
    limits: misses.limits,

    /** The voucher behind a printed code or QR payload; every miss is counted against `subject`. */
    async find(subject: LookupSubject, input: string): Promise<Voucher> {
      const parsed = parseCodeOrUrl(input);
      // The throttle check and the look-up run side by side (one round trip, not two); a throttled
      // subject gets its 429 whatever the look-up found.
      const [, voucher] = await Promise.all([
        assertNotThrottled(subject),
        parsed.ok ? vouchers.get(voucherIdForCode(deps.codeKey, parsed.code)) : Promise.resolve(undefined),
      ]);
      return conclude(subject, parsed, voucher);
    },

    /**
     * What find() reads, for a caller that reads it in one request with what it decides on (a redemption):
     * the voucher's id when the code parses, and the subject's miss windows.
     */
    plan(subject: LookupSubject, input: string) {
      const parsed = parseCodeOrUrl(input);
      return {
        parsed,
        voucherId: parsed.ok ? voucherIdForCode(deps.codeKey, parsed.code) : undefined,
        missWindows: misses.windowKeys(subject.missKey, deps.now()),
      };
    },

    /** find() on items read by the caller (plan()'s keys): the same answers, the same misses counted. */
    async findIn(
      subject: LookupSubject,
      parsed: ParsedCode,
      read: { voucher: Voucher | undefined; missWindows: ReadonlyArray<Item | undefined> },
    ): Promise<Voucher> {
      const retryAfterSeconds = misses.retryAfterOf(read.missWindows, deps.now());
      if (retryAfterSeconds !== undefined) throw throttled(subject, retryAfterSeconds);
      return conclude(subject, parsed, read.voucher);
    },
  };
}

export type VoucherLookup = ReturnType<typeof createVoucherLookup>;
