/**
 * The settlement run's state machine, defined once: the stack deploys it, the local target renders and runs
 * it. Open -> close each shop (Map) -> documents -> reports -> wait for finance's approval -> payout.
 */
import { Duration } from 'aws-cdk-lib';
import {
  Choice,
  Condition,
  Fail,
  JsonPath,
  Map as MapState,
  Pass,
  Succeed,
  TaskInput,
  type TaskStateBase,
  Timeout,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { SETTLEMENT_TASKS, type SettlementTaskName } from '../../functions/settlement/tasks/task-table.ts';
import type { DefinitionBuilder } from './render-asl.ts';

/** Shops closed at once: DynamoDB takes far more, this keeps the table's other users comfortable. */
export const SHOPS_IN_PARALLEL = 4;

/** The daily run, Brussels time: after midnight, so the default cut-off closes the whole previous day. */
export const DAILY_SETTLEMENT_AT = { hour: 2, minute: 0 } as const;

export const buildSettlementDefinition: DefinitionBuilder<SettlementTaskName> = (scope, functions) => {
  const runTask = { 'runId.$': '$.runId', 'executionId.$': '$.executionId' };
  const task = (id: string, name: SettlementTaskName, payload: Record<string, unknown>, resultPath?: string) =>
    new LambdaInvoke(scope, id, {
      lambdaFunction: functions[name],
      payloadResponseOnly: true,
      // As long as the function may run (Step Functions' default is 60 s whatever the function's timeout).
      taskTimeout: Timeout.duration(Duration.seconds(SETTLEMENT_TASKS[name].timeoutSeconds)),
      payload: TaskInput.fromObject(payload),
      ...(resultPath ? { resultPath } : {}),
    })
      // Another execution took the run over: nothing to retry, this one stops quietly (caught below).
      .addRetry({ errors: ['RunSuperseded'], maxAttempts: 0 })
      // The statement's index catches up within seconds: wait for it rather than fail the run.
      .addRetry({ errors: ['StatementIncomplete'], interval: Duration.seconds(5), backoffRate: 2, maxAttempts: 6 })
      .addRetry({ errors: ['States.ALL'], interval: Duration.seconds(2), backoffRate: 2, maxAttempts: 4 });

  const superseded = new Succeed(scope, 'Another execution holds the run');
  const failed = new Fail(scope, 'Run failed', {
    error: 'SettlementRunFailed',
    cause: 'See the run: it will be resumed',
  });
  const markFailed = task('Mark the run failed', 'markFailed', {
    ...runTask,
    'failure.$': '$.failure',
  }).next(failed);
  const guard = <T extends TaskStateBase | MapState>(state: T): T => {
    state.addCatch(superseded, { errors: ['RunSuperseded'] });
    state.addCatch(markFailed, { errors: ['States.ALL'], resultPath: '$.failure' });
    return state;
  };

  // The daily schedule starts with no run: the task opens (or resumes) one and answers its id.
  const open = task('Open the run', 'openRun', { 'execution.$': '$', 'executionId.$': '$$.Execution.Id' });
  open.addCatch(superseded, { errors: ['RunSuperseded'] });
  open.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.failure' });

  const closeShop = task('Close the shop', 'settleShop', { ...runTask, 'merchantId.$': '$.merchantId' }, '$.outcome');
  const shopDone = new Choice(scope, 'Shop closed?')
    .when(Condition.booleanEquals('$.outcome.done', false), closeShop)
    .otherwise(new Pass(scope, 'Shop outcome', { outputPath: '$.outcome' }));
  const eachShop = new MapState(scope, 'Close each shop', {
    itemsPath: '$.merchantIds',
    itemSelector: {
      'runId.$': '$.runId',
      'executionId.$': '$.executionId',
      'merchantId.$': '$$.Map.Item.Value',
    },
    maxConcurrency: SHOPS_IN_PARALLEL,
    resultPath: '$.shops',
  });
  eachShop.itemProcessor(closeShop.next(shopDone));

  const documents = guard(
    task('Write the documents', 'buildDocuments', { ...runTask, 'shops.$': '$.shops' }, '$.documents'),
  );
  const reports = guard(task('Send the reports', 'sendReports', runTask, JsonPath.DISCARD));
  const look = guard(task('Look for approval', 'checkApproval', runTask, '$.approval'));
  const payout = guard(task('Record the payout', 'recordPayout', runTask, JsonPath.DISCARD));
  const waitForFinance = new Wait(scope, 'Wait for finance', {
    time: WaitTime.timestampPath('$.approval.nextCheckAt'),
  });

  return open
    .next(guard(eachShop))
    .next(documents)
    .next(reports)
    .next(
      new Choice(scope, 'Anything to pay?')
        .when(Condition.stringEquals('$.documents.status', 'EMPTY'), new Succeed(scope, 'Nothing to pay'))
        .otherwise(
          look.next(
            new Choice(scope, 'Approved?')
              .when(Condition.booleanEquals('$.approval.approved', true), payout.next(new Succeed(scope, 'Paid')))
              .otherwise(waitForFinance.next(look)),
          ),
        ),
    );
};

export { SETTLEMENT_TASKS, type SettlementTaskName };
