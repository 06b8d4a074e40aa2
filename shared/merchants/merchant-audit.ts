/** What the audit trail says about a shop's creation and changes: IBANs only ever masked, like on screens. */
import { maskIban } from '../iban/iban.ts';
import type { Merchant } from './merchant.ts';
import type { ChangeableField } from './merchant-input.ts';

type Details = Record<string, string | number>;

const maskedOrNone = (iban: string | undefined) => (iban ? maskIban(iban) : 'none');

export function creationDetails(merchant: Merchant): Details {
  return { name: merchant.name, status: merchant.status, iban: maskedOrNone(merchant.iban) };
}

/** The names of the changed fields, with before and after for the IBAN (masked) and the status. */
export function changeDetails(before: Merchant, after: Merchant, changed: readonly ChangeableField[]): Details {
  return {
    changed: changed.join(','),
    version: after.version,
    ...(changed.includes('iban') ? { ibanBefore: maskedOrNone(before.iban), ibanAfter: maskedOrNone(after.iban) } : {}),
    ...(changed.includes('status') ? { statusBefore: before.status, statusAfter: after.status } : {}),
  };
}
