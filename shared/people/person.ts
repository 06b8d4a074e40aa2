/**
 * A person of a campaign's register, as kept for it: eligible people only, under a keyed hash of their
 * national number, with what letters need (names, address, household) and what applications need (birth
 * date). Whether issuance serves them follows from their band, an approved application and their presence
 * in the latest import.
 */
import { createHash } from 'node:crypto';
import type { EligibilityOutcome } from '../eligibility/eligibility.ts';
import type { RegisterAddress } from '../register/register-row.ts';
import type { CalendarDate } from '../time/calendar-date.ts';

export interface Person {
  readonly campaignId: string;
  readonly personRef: string;
  readonly householdRef: string;
  readonly birthDate: CalendarDate;
  readonly lastName: string;
  readonly firstName: string;
  readonly address: RegisterAddress;
  readonly eligibility: EligibilityOutcome;
  /** Set once staff approved an application: the on-application band is then served like the automatic one. */
  readonly applicationApproved?: boolean;
  /** The application under review or approved; a new one is refused while it is set. */
  readonly openApplicationId?: string;
  /** The import the person was missing from (reported, kept, not served); cleared when they come back. */
  readonly absentSince?: string;
  /** Hash of the register data above: an import that brings nothing new writes nothing. */
  readonly fingerprint: string;
  /** Bumped by every write: writes are conditional on the version they read (optimistic locking). */
  readonly version: number;
  readonly firstImportId: string;
  readonly lastImportId: string;
  readonly updatedAt: string;
}

/** The register part of a person: what an import sets. */
export type RegisterData = Pick<
  Person,
  'householdRef' | 'birthDate' | 'lastName' | 'firstName' | 'address' | 'eligibility'
>;

export function fingerprintOf(data: RegisterData): string {
  const { address } = data;
  return createHash('sha256')
    .update(
      [
        data.householdRef,
        data.birthDate,
        data.lastName,
        data.firstName,
        address.street,
        address.houseNumber,
        address.box ?? '',
        address.postcode,
        address.locality,
        data.eligibility,
      ].join('\u0000'),
    )
    .digest('base64url')
    .slice(0, 22);
}

/** Whether issuance gives this person a voucher (if they do not hold one yet). */
export function isIssuable(person: Pick<Person, 'eligibility' | 'applicationApproved' | 'absentSince'>): boolean {
  if (person.absentSince) return false;
  return (
    person.eligibility === 'AUTOMATIC' || (person.eligibility === 'ON_APPLICATION' && !!person.applicationApproved)
  );
}
