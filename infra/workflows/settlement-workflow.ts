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
import type { Permissions } from '../../functions/routes/route.ts';
import type { DefinitionBuilder } from './render-asl.ts';

export interface WorkflowTaskDefinition {
  /** The handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly permissions: Permissions;
  readonly timeoutSeconds: number;
  readonly memorySize: number;
}

const TOWN = { table: 'readWrite', settings: ['town'] } as const;

/** The Lambda tasks of the machine, with what each may touch (least privilege per step). */
export const SETTLEMENT_TASKS = {
  openRun: {
    entry: 'functions/settlement/tasks/open-run.ts',
    description: 'Settlement: takes the run (or opens the daily one) and lists the shops with purchases to close',
    permissions: TOWN,
    timeoutSeconds: 120,
    memorySize: 512,
  },
  settleShop: {
    entry: 'functions/settlement/tasks/settle-shop.ts',
    description: "Settlement: closes one shop's unsettled purchases into its settlement, 99 per transaction",
    permissions: TOWN,
    timeoutSeconds: 900,
    memorySize: 512,
  },
  buildDocuments: {
    entry: 'functions/settlement/tasks/build-documents.ts',
    description: 'Settlement: the payment file (pain.001.001.09), the CSV statement and the PDF summary',
    permissions: { ...TOWN, buckets: { documents: 'readWrite' } },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  sendReports: {
    entry: 'functions/settlement/tasks/send-reports.ts',
    description: "Settlement: finance's report with the documents, each shop's remittance advice",
    permissions: { ...TOWN, buckets: { documents: 'read' }, mail: true },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  checkApproval: {
    entry: 'functions/settlement/tasks/check-approval.ts',
    description:
      "Settlement: looks for finance's approval; reminds finance, then alerts the admin, as the deadline nears",
    permissions: { ...TOWN, mail: true },
    timeoutSeconds: 60,
    memorySize: 512,
  },
  recordPayout: {
    entry: 'functions/settlement/tasks/record-payout.ts',
    description: 'Settlement: records the payout date on the approved run and its settlements',
    permissions: TOWN,
    timeoutSeconds: 300,
    memorySize: 512,
  },
  markFailed: {
    entry: 'functions/settlement/tasks/mark-failed.ts',
    description: 'Settlement: marks the run FAILED so that the next execution resumes it',
    permissions: TOWN,
    timeoutSeconds: 60,
    memorySize: 512,
  },
} as const satisfies Record<string, WorkflowTaskDefinition>;

export type SettlementTaskName = keyof typeof SETTLEMENT_TASKS;

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
