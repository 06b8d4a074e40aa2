/**
 * The proof of enrolment the applicant picks (a photo taken now, or a file already on the phone), checked
 * before any upload: a type the API accepts (PDF, JPEG, PNG) and a size within its limit.
 */
import { MAX_PROOF_BYTES, PROOF_CONTENT_TYPES, type ProofContentType } from '../../shared/applications/application.ts';
import type { Values } from '../lib/i18n/index.ts';
import { pageLocale } from '../lib/i18n/language.ts';
import type { DemandeMessageKey } from './i18n/index.ts';

export type ProofCheck =
  | { readonly ok: true; readonly file: File; readonly contentType: ProofContentType }
  | { readonly ok: false; readonly key: DemandeMessageKey; readonly values: Values };

// Some Android file pickers give no type for a download: the extension is then all there is to go by.
const BY_EXTENSION: Readonly<Record<string, ProofContentType>> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

function contentTypeOf(file: File): ProofContentType | undefined {
  const declared = file.type.toLowerCase();
  if ((PROOF_CONTENT_TYPES as readonly string[]).includes(declared)) return declared as ProofContentType;
  if (declared) return undefined;
  return BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''];
}

/** A size for people, in the page's language: `850 kB`, `3,2 MB`. */
export function formatBytes(bytes: number): string {
  const megabytes = bytes / 1_000_000;
  const format = new Intl.NumberFormat(pageLocale(), {
    maximumFractionDigits: megabytes >= 1 && megabytes < 10 ? 1 : 0,
  });
  return megabytes >= 1 ? `${format.format(megabytes)} MB` : `${format.format(Math.max(1, bytes / 1000))} kB`;
}

export const MAX_PROOF_SIZE_TEXT = () => formatBytes(MAX_PROOF_BYTES);

export function checkProof(file: File | undefined): ProofCheck {
  if (!file) return { ok: false, key: 'proof.missing', values: {} };
  const contentType = contentTypeOf(file);
  if (!contentType) return { ok: false, key: 'proof.type', values: {} };
  if (file.size === 0) return { ok: false, key: 'proof.empty', values: {} };
  if (file.size > MAX_PROOF_BYTES) {
    return {
      ok: false,
      key: 'proof.tooLarge',
      values: { size: formatBytes(file.size), maxSize: MAX_PROOF_SIZE_TEXT() },
    };
  }
  return { ok: true, file, contentType };
}
