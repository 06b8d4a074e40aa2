/**
 * The settlement run's state machine, defined once: the stack deploys it, the local target renders and runs
 * it. Open -> close each shop (Map) -> documents -> reports -> wait for finance's approval -> payout.
 */
import {
  Choice,
  Condition,
  Fail,
  JsonPath,
  Map as MapState,
  Pass,
  Succeed,
  type TaskStateBase,
  Wait,
  WaitTime,
} from 'aws-cdk-lib/aws-stepfunctions';
import { SETTLEMENT_TASKS, type SettlementTaskName } from '../../functions/settlement/tasks/task-table.ts';
import type { DefinitionBuilder } from './render-asl.ts';
import { guarded, RUN_PAYLOAD, runTask } from './run-tasks.ts';

/** Shops closed at once: DynamoDB takes far more, this keeps the table's other users comfortable. */
export const SHOPS_IN_PARALLEL = 4;

/** The daily run, Brussels time: after midnight, so the default cut-off closes the whole previous day. */
export const DAILY_SETTLEMENT_AT = { hour: 2, minute: 0 } as const;

export const buildSettlementDefinition: DefinitionBuilder<SettlementTaskName> = (scope, functions) => {
  const task = (id: string, name: SettlementTaskName, payload: Record<string, unknown>, resultPath?: string) =>
    runTask(scope, id, {
      fn: functions[name],
      timeoutSeconds: SETTLEMENT_TASKS[name].timeoutSeconds,
      payload,
      ...(resultPath ? { resultPath } : {}),
      // The statement's index catches up within seconds: wait for it rather than fail the run.
      transient: ['StatementIncomplete'],
    });

  const superseded = new Succeed(scope, 'Another execution holds the run');
  const failed = new Fail(scope, 'Run failed', {
    error: 'SettlementRunFailed',
    cause: 'See the run: it will be resumed',
  });
  const markFailed = task('Mark the run failed', 'markFailed', { ...RUN_PAYLOAD, 'failure.$': '$.failure' }).next(
    failed,
  );
  const guard = <T extends TaskStateBase | MapState>(state: T): T => guarded(state, superseded, markFailed);

  // The daily schedule starts with no run: the task opens (or resumes) one and answers its id.
  const open = task('Open the run', 'openRun', { 'execution.$': '$', 'executionId.$': '$$.Execution.Id' });
  open.addCatch(superseded, { errors: ['RunSuperseded'] });
  open.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.failure' });

  const closeShop = task(
    'Close the shop',
    'settleShop',
    { ...RUN_PAYLOAD, 'merchantId.$': '$.merchantId' },
    '$.outcome',
  );
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
    task('Write the documents', 'buildDocuments', { ...RUN_PAYLOAD, 'shops.$': '$.shops' }, '$.documents'),
  );
  const reports = guard(task('Send the reports', 'sendReports', RUN_PAYLOAD, JsonPath.DISCARD));
  const look = guard(task('Look for approval', 'checkApproval', RUN_PAYLOAD, '$.approval'));
  const payout = guard(task('Record the payout', 'recordPayout', RUN_PAYLOAD, JsonPath.DISCARD));
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
