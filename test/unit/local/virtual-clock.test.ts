/**
 * The virtual clock on its own: sleepers wake in time order with now() at their instant, an abort removes a
 * sleeper, time never goes back, and advancing waits for tracked executions to go quiet (or fails, naming them).
 */
import { describe, expect, it } from 'vitest';
import { type ClockedExecution, realClock, VirtualClock } from '../../../infra/local/stepfunctions/clocks.ts';

const at = (iso: string) => new Date(iso);

describe('VirtualClock', () => {
  it('wakes sleepers in time order, each with now() at its own instant', async () => {
    const clock = new VirtualClock('2026-05-01T00:00:00Z');
    const woken: Array<[string, string]> = [];
    const sleep = (label: string, iso: string) =>
      clock.sleepUntil(at(iso), undefined, label).then(() => woken.push([label, clock.now().toISOString()]));
    const all = [sleep('late', '2026-05-03T00:00:00Z'), sleep('early', '2026-05-02T00:00:00Z')];
    expect(clock.sleepers()).toEqual([
      { until: at('2026-05-02T00:00:00Z'), label: 'early' },
      { until: at('2026-05-03T00:00:00Z'), label: 'late' },
    ]);

    await clock.advanceTo('2026-05-02T12:00:00Z');
    expect(woken).toEqual([['early', '2026-05-02T00:00:00.000Z']]);
    expect(clock.now()).toEqual(at('2026-05-02T12:00:00Z'));

    await clock.advanceBy(24 * 3_600_000);
    await Promise.all(all);
    expect(woken[1]).toEqual(['late', '2026-05-03T00:00:00.000Z']);
    expect(clock.sleepers()).toEqual([]);
    await expect(clock.advanceTo('2026-05-01T00:00:00Z')).rejects.toThrow(/cannot go back/);
  });

  it('lets an instant already reached pass at once, and an abort take a sleeper away', async () => {
    const clock = new VirtualClock(at('2026-05-01T00:00:00Z'));
    await clock.sleepUntil(at('2026-04-01T00:00:00Z'));
    const controller = new AbortController();
    const sleeping = clock.sleepUntil(at('2026-06-01T00:00:00Z'), controller.signal);
    expect(clock.sleepers()).toHaveLength(1);
    controller.abort(new Error('stopped'));
    await expect(sleeping).rejects.toThrow('stopped');
    expect(clock.sleepers()).toEqual([]);
  });

  it('advances only once every tracked execution is quiet', async () => {
    const clock = new VirtualClock('2026-05-01T00:00:00Z');
    const execution = { name: 'run-1', finished: false, busy: 1, sleeping: 0, progress: 0 } satisfies ClockedExecution;
    clock.track(execution);
    const advanced = clock.advanceBy(1_000).then(() => 'advanced');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(clock.now()).toEqual(at('2026-05-01T00:00:00Z'));
    Object.assign(execution, { busy: 0, sleeping: 1, progress: 2 });
    await expect(advanced).resolves.toBe('advanced');
    expect(clock.now()).toEqual(at('2026-05-01T00:00:01Z'));
  });

  it('fails after its deadline, naming the execution that never went quiet', async () => {
    const clock = new VirtualClock('2026-05-01T00:00:00Z', { quietTimeoutMs: 50 });
    clock.track({ name: 'stuck-run', finished: false, busy: 1, sleeping: 0, progress: 0 });
    await expect(clock.quiet()).rejects.toThrow(/stuck-run/);
  });
});

describe('realClock', () => {
  it('sleeps at most maxWaitMs of real time', async () => {
    const clock = realClock({ maxWaitMs: 10 });
    const started = Date.now();
    await clock.sleepUntil(new Date(Date.now() + 864_000_000));
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
