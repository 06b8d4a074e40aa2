/** What filing checks against the register, the reference applicants see, and the mails they receive. */
import { describe, expect, it } from 'vitest';
import { composeApplicantMail } from '../../../shared/applications/applicant-mail.ts';
import {
  APPLICANT_LANGUAGES,
  applicationReference,
  checkAgainstRegister,
  normalisePostcode,
} from '../../../shared/applications/application.ts';
import { applicantMailTexts } from '../../../shared/applications/i18n/catalogue.ts';

const student = {
  birthDate: '2006-03-15',
  address: { postcode: '7300' },
  eligibility: 'ON_APPLICATION',
};
const filed = { birthDate: '2006-03-15', postcode: '7300' };

describe('checkAgainstRegister', () => {
  it('matches the person of the band with this birth date and registered postcode', () => {
    expect(checkAgainstRegister(student, filed)).toBe('MATCH');
    expect(
      checkAgainstRegister({ ...student, address: { postcode: 'B-7300' } }, { ...filed, postcode: ' 7300 ' }),
    ).toBe('MATCH');
  });

  it.each([
    ['no one', undefined, filed, 'NOT_FOUND'],
    ['someone who left the register', { ...student, absentSince: 'I1' }, filed, 'NOT_FOUND'],
    ['another postcode', student, { ...filed, postcode: '7301' }, 'DETAILS_DIFFER'],
    ['another birth date', student, { ...filed, birthDate: '2006-03-16' }, 'DETAILS_DIFFER'],
    ['a child served without applying', { ...student, eligibility: 'AUTOMATIC' }, filed, 'AUTOMATIC'],
    ['an application under review', { ...student, openApplicationId: 'A1' }, filed, 'ALREADY_APPLIED'],
    ['an approved application', { ...student, applicationApproved: true }, filed, 'ALREADY_APPLIED'],
  ] as const)('tells %s apart (for staff only)', (_name, person, filing, check) => {
    expect(checkAgainstRegister(person, filing)).toBe(check);
  });

  it('does not say whether the number or the postcode was wrong when both details differ', () => {
    expect(checkAgainstRegister(student, { birthDate: '2006-03-16', postcode: '1000' })).toBe('DETAILS_DIFFER');
  });

  it('reads postcodes the way registers write them', () => {
    expect(normalisePostcode('BE-7300')).toBe('7300');
    expect(normalisePostcode('B 7300')).toBe('7300');
    expect(normalisePostcode('7300')).toBe('7300');
  });
});

describe('applicationReference', () => {
  it('groups the id by four after its letter', () => {
    expect(applicationReference('A7KQ4M2XD9PFA3HCW')).toBe('A-7KQ4-M2XD-9PFA-3HCW');
  });
});

describe('mails to applicants', () => {
  const application = {
    applicationId: 'A7KQ4M2XD9PFA3HCW',
    createdAt: '2026-09-14T08:00:00Z',
    submittedAt: '2026-09-14T08:05:00Z',
    rejectionReason: 'REASON',
  };

  it.each(APPLICANT_LANGUAGES)('%s: every mail carries the reference, and the rejection its reason', (language) => {
    for (const message of ['receipt', 'approved', 'rejected'] as const) {
      const mail = composeApplicantMail(message, { ...application, language }, 'CAMPAIGN');
      expect(mail.subject, message).toContain('A-7KQ4-M2XD-9PFA-3HCW');
      expect(mail.text, message).toContain('A-7KQ4-M2XD-9PFA-3HCW');
      expect(mail.text, message).toContain('CAMPAIGN');
      expect(mail.html, message).toContain(`lang="${language}-BE"`);
    }
    expect(composeApplicantMail('rejected', { ...application, language }, 'C').text).toContain('REASON');
    expect(composeApplicantMail('receipt', { ...application, language }, 'C').text).not.toContain('REASON');
  });

  it('writes the date of the application the way each language does', () => {
    const date = (language: 'fr' | 'nl' | 'de') =>
      composeApplicantMail('receipt', { ...application, language }, 'C').text;
    expect(date('fr')).toContain('14 septembre 2026');
    expect(date('nl')).toContain('14 september 2026');
    expect(date('de')).toContain('14. September 2026');
  });

  it('translates every text, none copied from French', () => {
    const flat = (language: 'fr' | 'nl' | 'de') => {
      const texts = applicantMailTexts(language);
      const words = { reference: 'R', campaign: 'C', date: 'D' };
      return [
        texts.greeting,
        texts.signature,
        texts.referenceLabel,
        ...Object.values(texts.receipt).map((value) => (typeof value === 'function' ? value(words) : value)),
        ...Object.values(texts.approved).map((value) => (typeof value === 'function' ? value(words) : value)),
        ...Object.values(texts.rejected).map((value) => (typeof value === 'function' ? value(words) : value)),
      ];
    };
    const french = flat('fr');
    for (const language of ['nl', 'de'] as const) {
      const other = flat(language);
      expect(other).toHaveLength(french.length);
      other.forEach((text, index) => {
        expect(text.trim()).not.toBe('');
        expect(text).not.toBe(french[index]);
      });
    }
  });
});
