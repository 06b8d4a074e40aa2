/**
 * Wait states on a controllable clock: a CDK-defined machine Task -> Wait (TimestampPath) -> Task -> Wait (10 days)
 * -> Task runs to its end only as a VirtualClock is advanced, each task seeing now() at its wait's instant; a Map
 * whose iterations wait different times wakes each at its own instant; paths and `$$` work; aborts free sleepers.
 */
import { Duration } from 'aws-cdk-lib';
import { JsonPath, Map as MapState, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { describe, expect, it } from 'vitest';
import { realClock, VirtualClock } from '../../infra/local/stepfunctions/clocks.ts';
import { startLocalExecution, type TaskFunction } from '../../infra/local/stepfunctions/local-runner.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { type DefinitionBuilder, renderAsl } from '../../infra/workflows/render-asl.ts';

type Step = 'first' | 'second' | 'third';

const chain: DefinitionBuilder<Step> = (scope, functions) => {
  const task = (id: string, fn: Step) =>
    new LambdaInvoke(scope, id, { lambdaFunction: functions[fn], payloadResponseOnly: true });
  return task('First', 'first')
    .next(new Wait(scope, 'Until the given instant', { time: WaitTime.timestampPath('$.until') }))
    .next(task('Second', 'second'))
    .next(new Wait(scope, 'Ten days', { time: WaitTime.duration(Duration.days(10)) }))
    .next(task('Third', 'third'));
};

const mapped: DefinitionBuilder<'stamp'> = (scope, functions) =>
  new MapState(scope, 'Each reminder', { itemsPath: '$.reminders', resultPath: JsonPath.DISCARD }).itemProcessor(
    new Wait(scope, 'Until due', { time: WaitTime.timestampPath('$.due') }).next(
      new LambdaInvoke(scope, 'Send reminder', { lambdaFunction: functions.stamp, payloadResponseOnly: true }),
    ),
  );

/** In-process task functions that note which task ran at which instant of the clock. */
function recorder(clock: VirtualClock) {
  const seen: Array<[string, string]> = [];
  const record =
    (label: (event: Record<string, unknown>) => string): TaskFunction =>
    async (event) => {
      seen.push([label(event as Record<string, unknown>), clock.now().toISOString()]);
      return event;
    };
  return { seen, record };
}

describe('Wait states on a virtual clock', () => {
  it('runs Task -> Wait -> Task -> Wait -> Task only as the clock is advanced', async () => {
    const rendered = renderAsl(['first', 'second', 'third'], chain);
    const clock = new VirtualClock('2026-03-01T08:00:00Z');
    const { seen, record } = recorder(clock);
    const until = '2026-03-02T06:00:00.000Z';
    const execution = await startLocalExecution(
      rendered.definition,
      { until },
      {
        repoRoot: REPO_ROOT,
        clock,
        functions: {
          [rendered.functionArns.first]: record(() => 'first'),
          [rendered.functionArns.second]: record(() => 'second'),
          [rendered.functionArns.third]: record(() => 'third'),
        },
      },
    );

    await clock.quiet();
    expect(seen).toEqual([['first', '2026-03-01T08:00:00.000Z']]);
    expect(clock.sleepers()).toEqual([{ until: new Date(until), label: 'Until the given instant' }]);

    await clock.advanceBy(3_600_000);
    expect(seen).toHaveLength(1);

    await clock.advanceTo(until);
    expect(seen[1]).toEqual(['second', until]);
    expect(clock.sleepers()).toEqual([{ until: new Date('2026-03-12T06:00:00Z'), label: 'Ten days' }]);

    await clock.advanceTo('2026-03-31T00:00:00Z');
    expect(seen[2]).toEqual(['third', '2026-03-12T06:00:00.000Z']);
    await expect(execution.result).resolves.toEqual({ until });
    expect(clock.now()).toEqual(new Date('2026-03-31T00:00:00Z'));
    expect(clock.sleepers()).toEqual([]);
  });

  it('wakes each Map iteration at its own instant, in time order', async () => {
    const rendered = renderAsl(['stamp'], mapped);
    const clock = new VirtualClock('2026-06-01T00:00:00Z');
    const { seen, record } = recorder(clock);
    const execution = await startLocalExecution(
      rendered.definition,
      {
        reminders: [
          { id: 'later', due: '2026-06-20T09:00:00Z' },
          { id: 'sooner', due: '2026-06-05T09:00:00Z' },
        ],
      },
      { repoRoot: REPO_ROOT, clock, functions: { [rendered.functionArns.stamp]: record((event) => String(event.id)) } },
    );
    await clock.quiet();
    expect(clock.sleepers().map((sleeper) => sleeper.until.toISOString())).toEqual([
      '2026-06-05T09:00:00.000Z',
      '2026-06-20T09:00:00.000Z',
    ]);
    await clock.advanceTo('2026-07-01T00:00:00Z');
    expect(seen).toEqual([
      ['sooner', '2026-06-05T09:00:00.000Z'],
      ['later', '2026-06-20T09:00:00.000Z'],
    ]);
    await expect(execution.result).resolves.toMatchObject({ reminders: expect.any(Array) });
  });

  it('honours InputPath/OutputPath, SecondsPath and $$ paths of hand-written ASL', async () => {
    const definition = {
      StartAt: 'Pause',
      States: {
        Pause: { Type: 'Wait', SecondsPath: '$.seconds', InputPath: '$.inner', OutputPath: '$.keep', Next: 'Until' },
        Until: { Type: 'Wait', TimestampPath: '$$.Execution.Input.until', End: true },
      },
    };
    const clock = new VirtualClock('2026-01-01T00:00:00Z');
    const execution = await startLocalExecution(
      definition,
      { inner: { seconds: 90, keep: { kept: true } }, until: '2026-01-02T00:00:00Z' },
      { repoRoot: REPO_ROOT, clock, functions: {} },
    );
    await clock.quiet();
    expect(clock.sleepers()).toEqual([{ until: new Date('2026-01-01T00:01:30Z'), label: 'Pause' }]);
    await clock.advanceBy(90_000);
    expect(clock.sleepers()).toEqual([{ until: new Date('2026-01-02T00:00:00Z'), label: 'Until' }]);
    await clock.advanceTo('2026-01-02T00:00:00Z');
    await expect(execution.result).resolves.toEqual({ kept: true });
  });

  it('takes a sleeper away when its execution is aborted', async () => {
    const clock = new VirtualClock('2026-01-01T00:00:00Z');
    const definition = { StartAt: 'Long', States: { Long: { Type: 'Wait', Seconds: 86_400, End: true } } };
    const execution = await startLocalExecution(definition, {}, { repoRoot: REPO_ROOT, clock, functions: {} });
    await clock.quiet();
    expect(clock.sleepers()).toHaveLength(1);
    execution.abort();
    await expect(execution.result).rejects.toThrow(/aborted/);
    await execution.finished;
    expect(clock.sleepers()).toEqual([]);
  });

  it('shortens a ten-day wait to maxWaitMs on a capped real clock', async () => {
    const rendered = renderAsl(['first', 'second', 'third'], chain);
    const pass: TaskFunction = async (event) => event;
    const started = Date.now();
    const execution = await startLocalExecution(
      rendered.definition,
      { until: new Date(Date.now() + 3_600_000).toISOString() },
      {
        repoRoot: REPO_ROOT,
        clock: realClock({ maxWaitMs: 20 }),
        functions: Object.fromEntries(Object.values(rendered.functionArns).map((arn) => [arn, pass])),
      },
    );
    await expect(execution.result).resolves.toMatchObject({ until: expect.any(String) });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
