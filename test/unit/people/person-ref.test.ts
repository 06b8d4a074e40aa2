import { describe, expect, it } from 'vitest';
import { isIssuable } from '../../../shared/people/person.ts';
import { clientRefFor, householdRefFor, personRefFor } from '../../../shared/people/person-ref.ts';
import type { NationalNumber } from '../../../shared/register/national-number.ts';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const number = '10051415290' as NationalNumber;

describe('keyed references', () => {
  it('are stable for one key, differ across keys and purposes, and carry no digit of the number', () => {
    const ref = personRefFor(key, number);
    expect(ref).toMatch(/^p[0-9a-v]{24}$/);
    expect(personRefFor(key, number)).toBe(ref);
    expect(personRefFor(otherKey, number)).not.toBe(ref);
    expect(householdRefFor(key, number).slice(1)).not.toBe(ref.slice(1));
    expect(ref).not.toContain('100514');
  });

  it('read household ids and addresses the way exports vary them', () => {
    expect(householdRefFor(key, ' m-0001 ')).toBe(householdRefFor(key, 'M-0001'));
    expect(householdRefFor(key, 'M-0001')).not.toBe(householdRefFor(key, 'M-0002'));
    expect(clientRefFor(key, '192.0.2.1')).toMatch(/^c/);
  });
});

describe('who issuance serves', () => {
  it.each([
    [{ eligibility: 'AUTOMATIC' }, true],
    [{ eligibility: 'AUTOMATIC', absentSince: 'I1' }, false],
    [{ eligibility: 'ON_APPLICATION' }, false],
    [{ eligibility: 'ON_APPLICATION', applicationApproved: true }, true],
    [{ eligibility: 'ON_APPLICATION', applicationApproved: true, absentSince: 'I1' }, false],
    [{ eligibility: 'NOT_ELIGIBLE', applicationApproved: true }, false],
  ] as const)('%j -> %s', (person, expected) => {
    expect(isIssuable(person)).toBe(expected);
  });
});
