/**
 * An application for the on-application band (e.g. 19-21 with proof of school enrolment): the young person
 * (or a parent) files it with their national number, birth date and a proof; staff approve or reject it with
 * a reason; approval issues the voucher.
 *   AWAITING_PROOF --submit (proof checked)--> SUBMITTED --approve--> APPROVED
 *                                                         --reject---> REJECTED (a new application may follow)
 */
export const APPLICATION_STATUSES = ['AWAITING_PROOF', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export interface Application {
  readonly applicationId: string;
  readonly campaignId: string;
  readonly personRef: string;
  readonly householdRef: string;
  readonly status: ApplicationStatus;
  /** The school year the proof must cover, copied from the campaign when filed. */
  readonly schoolYear?: string;
  readonly proofKey: string;
  readonly proofContentType: ProofContentType;
  readonly proofBytes: number;
  readonly createdAt: string;
  readonly submittedAt?: string;
  readonly decidedAt?: string;
  readonly decidedBy?: string;
  readonly rejectionReason?: string;
  readonly voucherId?: string;
  /** What approving did: the voucher issued, already held, or not issued for lack of budget (yet). */
  readonly issuance?: 'ISSUED' | 'ALREADY_HOLDS_ONE' | 'BUDGET_EXHAUSTED';
  /** Epoch seconds: an application never completed with its proof disappears on its own. */
  readonly expiresAt?: number;
}

export const PROOF_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type ProofContentType = (typeof PROOF_CONTENT_TYPES)[number];

/** A scan or a phone photo of a school certificate fits easily; anything bigger is refused. */
export const MAX_PROOF_BYTES = 10 * 1024 * 1024;
export const PROOF_UPLOAD_SECONDS = 30 * 60;
export const PROOF_VIEW_SECONDS = 5 * 60;
/** How long an application may wait for its proof before it is dropped. */
export const AWAITING_PROOF_TTL_SECONDS = 24 * 3600;

export function proofObjectKey(campaignId: string, applicationId: string): string {
  return `applications/${campaignId}/${applicationId}/proof`;
}

/**
 * What a file's first bytes say it is, whatever it claims: `%PDF-`, JPEG's SOI marker followed by a marker,
 * PNG's eight-byte signature. Anything else (an executable, an HTML page, a Word document) is refused.
 */
export function sniffProofType(start: Uint8Array): ProofContentType | undefined {
  const begins = (...bytes: number[]) => bytes.every((byte, index) => start[index] === byte);
  if (begins(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  if (begins(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (begins(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  return undefined;
}

/** Why a proof is refused, or undefined if it is acceptable. */
export function proofProblem(
  declared: { contentType: ProofContentType; bytes: number },
  stored: { size: number; start: Uint8Array },
): string | undefined {
  if (stored.size === 0) return 'The uploaded file is empty.';
  if (stored.size > MAX_PROOF_BYTES) return `The file is larger than ${MAX_PROOF_BYTES} bytes.`;
  const actual = sniffProofType(stored.start);
  if (!actual) return 'The file is not a PDF, JPEG or PNG document.';
  if (actual !== declared.contentType)
    return `The file is a ${actual} document, not the ${declared.contentType} announced.`;
  return undefined;
}
