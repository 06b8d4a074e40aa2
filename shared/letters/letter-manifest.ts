/**
 * The hand-off from issuance to the letter pipeline (a later issue): one JSON Lines object per batch of new
 * vouchers, in the documents bucket under `letters/pending/<campaignId>/<batchId>/part-NNNN.jsonl`, where
 * batchId is the issuance run (or the approved application) that issued them. Each line is one voucher:
 * its id, its code SEALED (AES-256-GCM under a key derived from the code key: shared/vouchers/code-seal.ts,
 * never the clear code), its beneficiary and household references (the letter pipeline reads names and
 * address from the person, and groups minors' letters by household). The pipeline opens the codes, renders
 * the letters, and deletes the manifest: after that, no copy of a code exists anywhere.
 *
 * A manifest part is written BEFORE its vouchers are issued, so a crash can never leave a voucher whose code
 * nobody has. A line is therefore a candidate: the pipeline prints a letter only for a voucher that exists
 * and is ACTIVE (a line of a person who already held one, or for whom the budget ran out, or whose issuing
 * never happened, has no voucher). Each attempt writes its own part (`part-NNNN.<attempt>.jsonl`), so a
 * retried page never overwrites the codes of vouchers issued by the attempt that crashed.
 */
import type { Voucher } from '../vouchers/voucher.ts';

export interface LetterManifestLine {
  readonly voucherId: string;
  /** `v1.<iv>.<ciphertext>.<tag>` (shared/vouchers/code-seal.ts). */
  readonly sealedCode: string;
  readonly campaignId: string;
  readonly beneficiaryRef: string;
  readonly householdRef: string;
  readonly faceValueCents: number;
  readonly issuedAt: string;
}

export const LETTER_MANIFEST_CONTENT_TYPE = 'application/x-ndjson';

export function letterManifestPrefix(campaignId: string, batchId: string): string {
  return `letters/pending/${campaignId}/${batchId}/`;
}

export function letterManifestKey(campaignId: string, batchId: string, part: number, attempt: string): string {
  return `${letterManifestPrefix(campaignId, batchId)}part-${String(part).padStart(4, '0')}.${attempt}.jsonl`;
}

export function manifestLine(voucher: Voucher, sealedCode: string): LetterManifestLine {
  return {
    voucherId: voucher.voucherId,
    sealedCode,
    campaignId: voucher.campaignId,
    beneficiaryRef: voucher.beneficiaryRef,
    householdRef: voucher.householdRef,
    faceValueCents: voucher.faceValueCents,
    issuedAt: voucher.issuedAt,
  };
}

export function toJsonLines(lines: readonly LetterManifestLine[]): string {
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}

export function parseJsonLines(text: string): LetterManifestLine[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LetterManifestLine);
}
