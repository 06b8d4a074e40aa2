/**
 * The local scheduler: the next Brussels wall-clock instant of a daily time across both DST changes (a skipped
 * time does not fire, a repeated one fires once), and firing on fake timers: once a day, no overlap, errors reported.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextDailyRun, startLocalScheduler } from '../../../infra/local/scheduler.ts';

const next = (after: string, hour: number, minute: number) =>
  nextDailyRun(new Date(after), { hour, minute }).toISOString();

describe('next daily run, Brussels time', () => {
  it('is 03:30 in winter (UTC+1) and in summer (UTC+2), across the March change', () => {
    expect(next('2026-03-27T12:00:00Z', 3, 30)).toBe('2026-03-28T02:30:00.000Z'); // Saturday, CET
    expect(next('2026-03-28T03:00:00Z', 3, 30)).toBe('2026-03-29T01:30:00.000Z'); // Sunday of the change, CEST
    expect(next('2026-03-29T01:30:00Z', 3, 30)).toBe('2026-03-30T01:30:00.000Z');
  });

  it('follows the October change back to UTC+1', () => {
    expect(next('2026-10-23T12:00:00Z', 3, 30)).toBe('2026-10-24T01:30:00.000Z'); // CEST
    expect(next('2026-10-24T12:00:00Z', 3, 30)).toBe('2026-10-25T02:30:00.000Z'); // Sunday of the change, CET
  });

  it('skips a time the spring change skips, like EventBridge Scheduler', () => {
    // 29 March 2026: clocks go from 02:00 to 03:00, so there is no 02:30 that day.
    expect(next('2026-03-28T12:00:00Z', 2, 30)).toBe('2026-03-30T00:30:00.000Z');
  });

  it('fires a time the autumn change repeats once, at its first occurrence', () => {
    // 25 October 2026: 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET).
    expect(next('2026-10-24T12:00:00Z', 2, 30)).toBe('2026-10-25T00:30:00.000Z');
    expect(next('2026-10-25T00:30:00Z', 2, 30)).toBe('2026-10-26T01:30:00.000Z');
  });

  it('is strictly after the given instant, and takes the Brussels date around midnight UTC', () => {
    expect(next('2026-01-10T02:30:00Z', 3, 30)).toBe('2026-01-11T02:30:00.000Z');
    expect(next('2026-01-10T02:29:59.999Z', 3, 30)).toBe('2026-01-10T02:30:00.000Z');
    // 00:30 on 2 July in Brussels is 22:30Z on 1 July.
    expect(next('2026-07-01T22:30:00Z', 0, 45)).toBe('2026-07-01T22:45:00.000Z');
    expect(next('2026-07-01T22:30:00Z', 0, 15)).toBe('2026-07-02T22:15:00.000Z');
  });
});

describe('local scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires daily, never twice at once, and reports errors without stopping', async () => {
    vi.useFakeTimers({ now: new Date('2026-03-28T12:00:00Z') });
    const errors: Array<[string, string]> = [];
    let calls = 0;
    let finishFirst: () => void = () => undefined;
    const scheduler = startLocalScheduler(
      [
        {
          name: 'purge',
          dailyAt: { hour: 3, minute: 30 },
          run: async () => {
            calls++;
            if (calls === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
            if (calls === 2) throw new Error('table unavailable');
          },
        },
      ],
      { onError: (name, error) => errors.push([name, String(error)]) },
    );
    expect(scheduler.next('purge').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(() => scheduler.next('nothing')).toThrow(/No schedule/);

    await vi.advanceTimersByTimeAsync(new Date('2026-03-29T01:29:59Z').getTime() - Date.now());
    expect(calls).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(calls).toBe(1);
    expect(scheduler.next('purge').toISOString()).toBe('2026-03-30T01:30:00.000Z');

    // The first run still runs a day later: that day's fire is skipped and reported.
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(calls).toBe(1);
    expect(errors).toEqual([['purge', expect.stringMatching(/previous run is not over/)]]);

    finishFirst();
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(calls).toBe(2);
    expect(errors[1]).toEqual(['purge', 'Error: table unavailable']);

    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(calls).toBe(3);
    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(calls).toBe(3);
  });

  it('refuses two schedules with one name', () => {
    const run = async () => undefined;
    expect(() =>
      startLocalScheduler([
        { name: 'a', dailyAt: { hour: 1, minute: 0 }, run },
        { name: 'a', dailyAt: { hour: 2, minute: 0 }, run },
      ]),
    ).toThrow(/Two schedules/);
  });
});
