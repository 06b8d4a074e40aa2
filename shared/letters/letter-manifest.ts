/**
 * The hand-off from issuance to the letter pipeline: JSON Lines of sealed codes per batch of new vouchers,
 * written before the vouchers are issued, so a line is a candidate (README: "Letters hand-off").
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
