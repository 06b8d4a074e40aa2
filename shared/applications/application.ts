/**
 * An application for the on-application band (e.g. 19-21 with proof of school enrolment): the young person
 * (or a parent) files it with their national number, birth date and a proof; staff approve or reject it with
 * a reason; approval issues the voucher.
 *   AWAITING_PROOF --submit (proof checked)--> SUBMITTED --approve--> APPROVED
 *                                                         --reject---> REJECTED (a new application may follow)
 */
export const APPLICATION_STATUSES = ['AWAITING_PROOF', 'SUBMITTED', 'APPROVED', 'REJECTED'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * What filing found in the register, for the staff who review; the applicant is never told (one neutral
 * answer, "we will reply by e-mail", whatever the number). Only a MATCH can be approved; the others are
 * in the queue so that staff answer them too, with a reason of their choosing.
 *   MATCH            someone of the application band, with this birth date and this registered postcode
 *   NOT_FOUND        no one of the campaign's people has this national number (or they left the register)
 *   DETAILS_DIFFER   the number is known, but the birth date or the postcode is not theirs
 *   AUTOMATIC        the person gets a voucher without applying (the automatic band)
 *   ALREADY_APPLIED  the person has an application under review, or approved
 */
export const REGISTER_CHECKS = ['MATCH', 'NOT_FOUND', 'DETAILS_DIFFER', 'AUTOMATIC', 'ALREADY_APPLIED'] as const;
export type RegisterCheck = (typeof REGISTER_CHECKS)[number];

/** The languages an applicant can be written to in (Belgium's three). */
export const APPLICANT_LANGUAGES = ['fr', 'nl', 'de'] as const;
export type ApplicantLanguage = (typeof APPLICANT_LANGUAGES)[number];

/** The mails an application sends its applicant, each once: on submission, and on the decision. */
export type ApplicantMailKind = 'receipt' | 'decision';

export interface Application {
  readonly applicationId: string;
  readonly campaignId: string;
  /** The keyed hash of the national number given, whether or not it matched anyone. */
  readonly personRef: string;
  /** Only when the filing matched someone of the register. */
  readonly householdRef?: string;
  readonly status: ApplicationStatus;
  /** Absent on applications filed before the check was recorded: those all matched. */
  readonly registerCheck?: RegisterCheck;
  /** Where the applicant is answered (receipt, decision); deleted with the application at the purge. */
  readonly contactEmail?: string;
  readonly language?: ApplicantLanguage;
  /** When each mail to the applicant went out (ISO instants); a retried request sends only what is missing. */
  readonly mailed?: Partial<Readonly<Record<ApplicantMailKind, string>>>;
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

/** `A7KQ4M2XD9PFA3HCW` -> `A-7KQ4-M2XD-9PFA-3HCW`: the reference on the receipt page and in the mails. */
export function applicationReference(applicationId: string): string {
  return `${applicationId.slice(0, 1)}-${(applicationId.slice(1).match(/.{1,4}/g) ?? []).join('-')}`;
}

/** Whether a filing is the person it names, as far as the register can tell (see REGISTER_CHECKS). */
export function checkAgainstRegister(
  person:
    | {
        readonly birthDate: string;
        readonly address: { readonly postcode: string };
        readonly eligibility: string;
        readonly absentSince?: string;
        readonly applicationApproved?: boolean;
        readonly openApplicationId?: string;
      }
    | undefined,
  filed: { readonly birthDate: string; readonly postcode: string },
): RegisterCheck {
  if (!person || person.absentSince) return 'NOT_FOUND';
  if (
    person.birthDate !== filed.birthDate ||
    normalisePostcode(person.address.postcode) !== normalisePostcode(filed.postcode)
  ) {
    return 'DETAILS_DIFFER';
  }
  if (person.eligibility === 'AUTOMATIC') return 'AUTOMATIC';
  if (person.eligibility !== 'ON_APPLICATION') return 'NOT_FOUND';
  if (person.applicationApproved || person.openApplicationId) return 'ALREADY_APPLIED';
  return 'MATCH';
}

/** Belgian postcodes are four digits; registers sometimes write them with a country prefix or spaces. */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/^\s*(BE|B)[\s-]*/i, '').replace(/\s/g, '');
}

/** Where proofs are kept in the documents bucket: the public application routes reach nothing else of it. */
export const PROOFS_PREFIX = 'applications/';

export function proofObjectKey(campaignId: string, applicationId: string): string {
  return `${PROOFS_PREFIX}${campaignId}/${applicationId}/proof`;
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
