import { describe, expect, it } from 'vitest';
import { campaignPhaseOn } from '../../shared/campaigns/campaign.ts';
import { addDays, brusselsDateOf, brusselsTimestamp, formatFrenchDate } from '../../shared/time/calendar-date.ts';

describe('Brussels calendar', () => {
  it('takes the date in Brussels, not in UTC', () => {
    expect(brusselsDateOf(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02'); // CEST, UTC+2
    expect(brusselsDateOf(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31'); // CET, UTC+1
    expect(brusselsDateOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });

  it('writes timestamps with the Brussels offset of the day', () => {
    expect(brusselsTimestamp(new Date('2026-07-01T10:00:00.123Z'))).toBe('2026-07-01T12:00:00.123+02:00');
    expect(brusselsTimestamp(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-15T11:00:00.000+01:00');
  });

  it('adds days across months, leap years and DST changes', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-11-26', 119)).toBe('2027-03-25');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('formats dates for letters and pages', () => {
    expect(formatFrenchDate('2021-03-31')).toBe('31/03/2021');
  });
});

describe('campaign phase', () => {
  const campaign = { startDate: '2026-12-01', endDate: '2027-03-31' };
  it('is open on both the first and the last day', () => {
    expect(campaignPhaseOn(campaign, '2026-11-30')).toBe('NOT_STARTED');
    expect(campaignPhaseOn(campaign, '2026-12-01')).toBe('OPEN');
    expect(campaignPhaseOn(campaign, '2027-03-31')).toBe('OPEN');
    expect(campaignPhaseOn(campaign, '2027-04-01')).toBe('ENDED');
  });
});
