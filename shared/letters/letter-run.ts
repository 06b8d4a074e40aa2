/**
 * A letter run: every issued voucher of a campaign that has no letter yet, from the pending manifest parts to
 * print batches. The plan is pure: the pipeline gives the manifest lines, the vouchers and the people.
 */
import type { Person } from '../people/person.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import { type BatchSummary, type PrintBatch, splitIntoBatches } from './batches.ts';
import { type Envelope, groupIntoEnvelopes, recipientFor } from './envelopes.ts';
import type { EnvelopeMember, PartnerShop } from './letter-input.ts';
import type { LetterManifestLine } from './letter-manifest.ts';
import { pagesPerLetterFor } from './shop-list.ts';

export const LETTER_RUN_STATUSES = ['PENDING', 'RUNNING', 'DONE', 'FAILED'] as const;
export type LetterRunStatus = (typeof LETTER_RUN_STATUSES)[number];

export interface LetterRun {
  readonly runId: string;
  readonly campaignId: string;
  readonly status: LetterRunStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  /** The execution working on the run, and until when its claim holds without a sign of life (epoch s). */
  readonly owner?: string;
  readonly leaseUntil?: number;
  readonly plannedAt?: string;
  readonly letters?: number;
  readonly envelopes?: number;
  readonly batchesTotal?: number;
  readonly batchesDone?: number;
  /** The pending manifest parts the run consumed completely: deleted once every batch exists. */
  readonly consumedParts?: readonly string[];
  readonly finishedAt?: string;
  readonly error?: string;
}

export interface LetterBatch {
  readonly runId: string;
  /** 1-based, as the cover sheet says "batch n of m". */
  readonly number: number;
  readonly status: 'PENDING' | 'DONE';
  readonly summary: BatchSummary;
  readonly pdfKey?: string;
  readonly manifestKey?: string;
  readonly bytes?: number;
}

/** A letter as planned: what its page prints, its code still sealed (opened only when the batch renders). */
export interface PlannedLetter extends EnvelopeMember {
  readonly voucherId: string;
  readonly sealedCode: string;
  readonly amountCents: number;
}

export interface LetterPlan {
  readonly letters: number;
  readonly envelopes: number;
  readonly batches: ReadonlyArray<PrintBatch<Envelope<PlannedLetter>>>;
}

/** Where a run keeps its plan (sealed codes: deleted at the end) and writes its batches (kept for the print shop). */
export function letterRunFiles(campaignId: string, runId: string, batch: number) {
  const number = String(batch).padStart(3, '0');
  return {
    plan: `letters/runs/${campaignId}/${runId}/plan-${number}.json`,
    pdf: `letters/${campaignId}/${runId}/lettres-${runId}-lot-${number}.pdf`,
    manifest: `letters/${campaignId}/${runId}/lettres-${runId}-lot-${number}.csv`,
  };
}

export function letterRunPlanPrefix(campaignId: string, runId: string): string {
  return `letters/runs/${campaignId}/${runId}/`;
}

/** Why a manifest line gets no letter in this run. */
export type Skipped = 'NO_VOUCHER' | 'NOT_ACTIVE' | 'LETTERED' | 'NO_PERSON';

/**
 * Whether a manifest line gets a letter from this run: its voucher exists, is ACTIVE, has no letter from
 * another run, and its person is still known (the purge may have come first).
 */
export function lineOutcome(
  line: LetterManifestLine,
  voucher: (Pick<Voucher, 'status'> & { readonly letterRunId?: string }) | undefined,
  person: Person | undefined,
  runId: string,
): 'LETTER' | Skipped {
  if (!voucher) return 'NO_VOUCHER';
  if (voucher.letterRunId !== undefined && voucher.letterRunId !== runId) return 'LETTERED';
  if (voucher.status !== 'ACTIVE') return 'NOT_ACTIVE';
  if (!person || person.personRef !== line.beneficiaryRef) return 'NO_PERSON';
  return 'LETTER';
}

/** The letters in envelopes (a household's minors together) in mailing order, split into print batches. */
export function planLetters(input: {
  readonly letters: ReadonlyArray<{ readonly line: LetterManifestLine; readonly person: Person }>;
  readonly letterDate: CalendarDate;
  readonly shops: readonly PartnerShop[];
  readonly maxEnvelopesPerBatch?: number;
}): LetterPlan {
  const members: PlannedLetter[] = input.letters.map(({ line, person }) => ({
    voucherId: line.voucherId,
    sealedCode: line.sealedCode,
    amountCents: line.faceValueCents,
    householdRef: line.householdRef,
    firstName: person.firstName,
    lastName: person.lastName,
    address: person.address,
    recipient: recipientFor(person.birthDate, input.letterDate),
  }));
  // Ties in mailing order are broken by voucher id, so that a plan made again is the same plan.
  members.sort((a, b) => (a.voucherId < b.voucherId ? -1 : a.voucherId > b.voucherId ? 1 : 0));
  const envelopes = groupIntoEnvelopes(members);
  const batches = splitIntoBatches(envelopes, {
    pagesPerLetter: pagesPerLetterFor(input.shops),
    ...(input.maxEnvelopesPerBatch ? { maxEnvelopes: input.maxEnvelopesPerBatch } : {}),
  });
  return { letters: members.length, envelopes: envelopes.length, batches };
}
