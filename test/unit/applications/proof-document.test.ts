import { describe, expect, it } from 'vitest';
import { MAX_PROOF_BYTES, proofProblem, sniffProofType } from '../../../shared/applications/application.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('proof documents are recognised by their first bytes', () => {
  it.each([
    ['a PDF', text('%PDF-1.7\n'), 'application/pdf'],
    ['a JPEG (JFIF)', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), 'image/jpeg'],
    ['a JPEG (Exif, from a phone)', bytes(0xff, 0xd8, 0xff, 0xe1, 0, 16), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'image/png'],
  ])('%s', (_name, start, type) => {
    expect(sniffProofType(start)).toBe(type);
  });

  it.each([
    ['an HTML page', text('<!doctype html><script>')],
    ['a Word document (zip)', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['a Windows executable', text('MZ\x90\x00')],
    ['a truncated PNG signature', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['text that mentions %PDF- later', text(' %PDF-1.7')],
    ['nothing', bytes()],
  ])('refuses %s', (_name, start) => {
    expect(sniffProofType(start)).toBeUndefined();
  });

  it('refuses an empty file, an oversized file, and a file that is not what was announced', () => {
    const pdf = text('%PDF-1.4');
    expect(proofProblem({ contentType: 'application/pdf', bytes: 8 }, { size: 8, start: pdf })).toBeUndefined();
    expect(proofProblem({ contentType: 'application/pdf', bytes: 0 }, { size: 0, start: bytes() })).toMatch(/empty/);
    expect(
      proofProblem({ contentType: 'application/pdf', bytes: 8 }, { size: MAX_PROOF_BYTES + 1, start: pdf }),
    ).toMatch(/larger/);
    expect(proofProblem({ contentType: 'image/png', bytes: 8 }, { size: 8, start: pdf })).toMatch(/application\/pdf/);
  });
});
