/**
 * A state machine written with the CDK constructs, rendered to ASL by the same code the local target uses,
 * run by aws-local-stepfunctions with its Lambda task bound to a real handler module: retries, a Wait that
 * takes no time under the instant clock, and a Choice.
 */
import { Duration } from 'aws-cdk-lib';
import { Choice, Condition, Fail, Succeed, Wait, WaitTime } from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { describe, expect, it } from 'vitest';
import { startLocalExecution } from '../../infra/local/stepfunctions/local-runner.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { type DefinitionBuilder, renderAsl } from '../../infra/workflows/render-asl.ts';

const build: DefinitionBuilder<'addLineTotals'> = (scope, functions) => {
  const total = new LambdaInvoke(scope, 'Add line totals', {
    lambdaFunction: functions.addLineTotals,
    payloadResponseOnly: true,
  }).addRetry({ errors: ['TransientFailure'], maxAttempts: 2, interval: Duration.seconds(30) });
  const pause = new Wait(scope, 'Wait ten days', { time: WaitTime.duration(Duration.days(10)) });
  const decide = new Choice(scope, 'Anything to pay?')
    .when(Condition.numberGreaterThan('$.totalCents', 0), new Succeed(scope, 'Pay'))
    .otherwise(new Fail(scope, 'Nothing to pay', { error: 'EmptyBasket', cause: 'no lines' }));
  return total.next(pause).next(decide);
};

describe('local Step Functions runner', () => {
  const rendered = renderAsl(['addLineTotals'], build);
  const functions = { [rendered.functionArns.addLineTotals]: 'test/fixtures/lambdas/add-line-totals.ts' };

  it('renders plain ASL whose task invokes the function ARN', () => {
    const states = rendered.definition.States as Record<string, { Type: string; Resource?: string; Seconds?: number }>;
    expect(rendered.definition.StartAt).toBe('Add line totals');
    expect(states['Add line totals']?.Resource).toBe(rendered.functionArns.addLineTotals);
    expect(states['Wait ten days']).toMatchObject({ Type: 'Wait', Seconds: 864_000 });
  });

  it('runs the definition with the real handler, retrying, and a ten-day wait in no time', async () => {
    const started = Date.now();
    const execution = await startLocalExecution(
      rendered.definition,
      { runId: 'run-1', lines: [1250, 350] },
      { functions, repoRoot: REPO_ROOT },
    );
    await expect(execution.result).resolves.toEqual({ runId: 'run-1', totalCents: 1600 });
    expect(Date.now() - started).toBeLessThan(10_000);
    const events = await execution.events;
    expect(events.filter((event) => event.type === 'StateRetried')).toHaveLength(1);
    expect(events.some((event) => event.type === 'StateEntered' && event.state.name === 'Wait ten days')).toBe(true);
  });

  it('fails the execution the way the definition says', async () => {
    const execution = await startLocalExecution(
      rendered.definition,
      { runId: 'run-2', lines: [] },
      { functions, repoRoot: REPO_ROOT },
    );
    await expect(execution.result).rejects.toThrow(/EmptyBasket|no lines/);
  });

  it('refuses to run a task that is bound to no handler', async () => {
    await expect(startLocalExecution(rendered.definition, {}, { functions: {}, repoRoot: REPO_ROOT })).rejects.toThrow(
      /bound to no local handler/,
    );
  });
});
