/** The settlement run's clock: default cut-off, payout deadline, the approval loop's reminders and alerts. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  approvalMilestones,
  checkApproval,
  defaultCutoff,
  isAbandoned,
  payoutDeadlineOf,
  settlementIdFor,
} from '../../../shared/settlement/settlement-run.ts';
import { addDays, brusselsDateOf, brusselsTimestamp, brusselsWallTime } from '../../../shared/time/calendar-date.ts';

const instants = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2032, 0, 1) }).map((ms) => new Date(ms));

describe('defaultCutoff', () => {
  it('is midnight in Brussels this morning, whatever the season', () => {
    fc.assert(
      fc.property(instants, (now) => {
        const cutoff = defaultCutoff(now);
        expect(brusselsDateOf(cutoff)).toBe(brusselsDateOf(now));
        expect(brusselsTimestamp(cutoff).slice(11, 19)).toBe('00:00:00');
        expect(brusselsDateOf(new Date(cutoff.getTime() - 1))).toBe(addDays(brusselsDateOf(now), -1));
        expect(cutoff.getTime()).toBeLessThanOrEqual(now.getTime());
      }),
    );
  });

  it('knows the DST days: 23 and 25 hours', () => {
    expect(brusselsWallTime('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(brusselsWallTime('2026-03-30').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(brusselsWallTime('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(brusselsWallTime('2026-10-26').toISOString()).toBe('2026-10-25T23:00:00.000Z');
  });
});

describe('payout deadline and milestones', () => {
  it('gives a purchase ten calendar days in Brussels', () => {
    expect(payoutDeadlineOf('2026-11-30T22:59:59.000Z')).toBe('2026-12-10');
    // 23:30 UTC on 30/11 is already 1 December in Brussels.
    expect(payoutDeadlineOf('2026-11-30T23:30:00.000Z')).toBe('2026-12-11');
  });

  it('reminds at 08:00 three days before, alerts at 08:00 the day before, and is due at the end of the day', () => {
    const { remindAt, escalateAt, dueBy } = approvalMilestones('2026-12-10');
    expect(brusselsTimestamp(remindAt)).toBe('2026-12-07T08:00:00.000+01:00');
    expect(brusselsTimestamp(escalateAt)).toBe('2026-12-09T08:00:00.000+01:00');
    expect(brusselsTimestamp(dueBy)).toBe('2026-12-11T00:00:00.000+01:00');
  });
});

describe('checkApproval', () => {
  const run = { payoutDeadline: '2026-12-10' };
  const at = (iso: string) => new Date(iso);

  it('pays as soon as finance approved, whatever the date', () => {
    expect(checkApproval({ ...run, approvedAt: '2026-12-01T10:00:00Z' }, at('2026-12-20T10:00:00Z'), 900)).toEqual({
      action: 'PAY',
    });
  });

  it('sends nothing early, and looks again at the next poll or milestone, whichever comes first', () => {
    const early = checkApproval(run, at('2026-12-01T10:00:00Z'), 900);
    expect(early).toMatchObject({ action: 'WAIT', send: [], overdue: false });
    expect(early.action === 'WAIT' && early.nextCheckAt.toISOString()).toBe('2026-12-01T10:15:00.000Z');
    const slow = checkApproval(run, at('2026-12-07T06:00:00Z'), 6 * 3600);
    expect(slow.action === 'WAIT' && slow.nextCheckAt.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });

  it('reminds once from three days before, then alerts once from the day before, then says it is overdue', () => {
    const reminder = checkApproval(run, at('2026-12-07T07:00:00Z'), 900);
    expect(reminder).toMatchObject({ action: 'WAIT', send: ['REMINDER'], overdue: false, daysLeft: 4 });
    const reminded = { ...run, reminderSentAt: '2026-12-07T07:00:00Z' };
    expect(checkApproval(reminded, at('2026-12-08T12:00:00Z'), 900)).toMatchObject({ send: [] });
    expect(checkApproval(reminded, at('2026-12-09T07:00:00Z'), 900)).toMatchObject({ send: ['ESCALATION'] });
    const alerted = { ...reminded, escalatedAt: '2026-12-09T07:00:00Z' };
    expect(checkApproval(alerted, at('2026-12-10T22:59:00Z'), 900)).toMatchObject({ send: [], overdue: false });
    expect(checkApproval(alerted, at('2026-12-10T23:00:00Z'), 900)).toMatchObject({
      send: [],
      overdue: true,
      daysLeft: 0,
    });
  });

  it('sends both at once when a run comes late to its approval loop (a resumed run)', () => {
    expect(checkApproval(run, at('2026-12-09T12:00:00Z'), 900)).toMatchObject({ send: ['REMINDER', 'ESCALATION'] });
  });

  it('never lets a deadline pass between two looks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 10, 20), max: Date.UTC(2026, 11, 12) }),
        fc.integer({ min: 60, max: 7 * 86_400 }),
        (ms, poll) => {
          const decision = checkApproval(run, new Date(ms), poll);
          if (decision.action !== 'WAIT') return;
          const { remindAt, escalateAt, dueBy } = approvalMilestones(run.payoutDeadline);
          for (const milestone of [remindAt, escalateAt, dueBy]) {
            if (milestone.getTime() > ms)
              expect(decision.nextCheckAt.getTime()).toBeLessThanOrEqual(milestone.getTime());
          }
          expect(decision.nextCheckAt.getTime()).toBeGreaterThan(ms);
        },
      ),
    );
  });
});

describe('runs and settlements', () => {
  it('names the same settlement for the same run and shop, and different ones otherwise', () => {
    expect(settlementIdFor('P1', 'M1')).toBe(settlementIdFor('P1', 'M1'));
    expect(settlementIdFor('P1', 'M1')).toMatch(/^S[0-9A-Z]{16}$/);
    expect(settlementIdFor('P1', 'M2')).not.toBe(settlementIdFor('P1', 'M1'));
    expect(settlementIdFor('P2', 'M1')).not.toBe(settlementIdFor('P1', 'M1'));
  });

  it('calls a run abandoned when it failed, or when its execution fell silent past its lease', () => {
    const now = new Date('2026-11-30T10:00:00Z');
    const seconds = now.getTime() / 1000;
    expect(isAbandoned({ status: 'FAILED', leaseUntil: seconds + 600 }, now)).toBe(true);
    expect(isAbandoned({ status: 'RUNNING', leaseUntil: seconds + 600 }, now)).toBe(false);
    expect(isAbandoned({ status: 'RUNNING', leaseUntil: seconds - 1 }, now)).toBe(true);
    expect(isAbandoned({ status: 'AWAITING_APPROVAL', leaseUntil: seconds - 1 }, now)).toBe(true);
    expect(isAbandoned({ status: 'RUNNING' }, now)).toBe(true);
    expect(isAbandoned({ status: 'PAID' }, now)).toBe(false);
    expect(isAbandoned({ status: 'EMPTY' }, now)).toBe(false);
  });
});
