/**
 * The local target's schedules: the daily jobs of the job table (the purge at 03:30 Brussels), the daily
 * settlement run (02:00), and a schedule fired by the real timer through the local Lambda endpoint with the
 * async Invoke EventBridge Scheduler makes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { dailyJobSchedules, localSchedules } from '../../infra/local/local-schedules.ts';
import { freePort, waitUntil } from '../../infra/local/ports.ts';
import { nextDailyRun, startLocalScheduler } from '../../infra/local/scheduler.ts';
import { startLambda } from '../../infra/local/services/lambda.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { createLambdaClient, createSfnClient } from '../../shared/aws/clients.ts';
import { recordedInvocations } from '../fixtures/lambdas/record-invocation.ts';

const cleanup: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

describe('local schedules', () => {
  it('schedule the purge job daily at 03:30 and the settlement run at 02:00, as the stack does', () => {
    const targets = {
      lambda: createLambdaClient({ region: 'eu-west-1', endpoints: { lambda: 'http://127.0.0.1:1' } }),
      sfn: createSfnClient({ region: 'eu-west-1', endpoints: { sfn: 'http://127.0.0.1:1' } }),
    };
    cleanup.push(
      () => targets.lambda.destroy(),
      () => targets.sfn.destroy(),
    );
    expect(localSchedules(targets).map(({ name, dailyAt }) => ({ name, dailyAt }))).toEqual([
      { name: 'purgePersonalData', dailyAt: { hour: 3, minute: 30 } },
      { name: 'settlement', dailyAt: { hour: 2, minute: 0 } },
    ]);
  });

  it('fire a daily job through the local Lambda endpoint when its time comes', async () => {
    const lambda = await startLambda({
      port: await freePort(),
      repoRoot: REPO_ROOT,
      functions: { recordInvocation: { entry: 'test/fixtures/lambdas/record-invocation.ts', timeoutSeconds: 10 } },
    });
    cleanup.push(() => lambda.stop());
    const client = createLambdaClient({ region: 'eu-west-1', endpoints: { lambda: lambda.endpoint } });
    cleanup.push(() => client.destroy());
    const schedules = dailyJobSchedules(
      client,
      [{ name: 'purgePersonalData', dailyAt: { hour: 3, minute: 30 } }],
      () => 'recordInvocation',
    );

    // A clock 200 ms before the next 03:30 in Brussels: the real timer fires in 200 ms.
    const fireAt = nextDailyRun(new Date(), { hour: 3, minute: 30 });
    const offset = fireAt.getTime() - Date.now() - 200;
    const before = recordedInvocations().length;
    const scheduler = startLocalScheduler(schedules, { now: () => new Date(Date.now() + offset) });
    cleanup.push(() => scheduler.stop());
    expect(scheduler.next('purgePersonalData')).toEqual(fireAt);

    await waitUntil('the scheduled invocation', async () => recordedInvocations().length > before, 10_000);
    await lambda.idle();
    expect(recordedInvocations().slice(before)).toEqual([{}]);
    expect(scheduler.next('purgePersonalData')).toEqual(nextDailyRun(fireAt, { hour: 3, minute: 30 }));
  });
});
