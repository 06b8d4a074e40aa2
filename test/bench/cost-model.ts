/**
 * The cost bench's arithmetic, apart from the measuring: counts (a cost-meter snapshot, less the one before)
 * to billable quantities per AWS service, and those to dollars at the list prices of aws-prices-eu-west-1.ts.
 */
import { costOf, type PriceName } from './aws-prices-eu-west-1.ts';
import type { AwsCallTally, InvocationTally, MeterSnapshot } from './cost-meter.ts';

/**
 * Log lines the local target cannot see, in bytes (estimates): Lambda's START, END and REPORT lines per
 * invocation, one API Gateway access log line per request, one Step Functions history event (level ALL,
 * without execution data).
 */
export const LOG_ESTIMATES = { lambdaPlatformBytes: 330, accessLogBytes: 400, executionEventBytes: 350 } as const;
/** Months a log byte is kept (the longest retention the stack sets: API access and execution logs). */
export const LOG_RETENTION_MONTHS = 3;

const S3_TIER_ONE = new Set([
  'PutObject',
  'CopyObject',
  'CreateMultipartUpload',
  'UploadPart',
  'CompleteMultipartUpload',
  'ListObjectsV2',
  'ListObjects',
]);
/** DeleteObject and AbortMultipartUpload are free. */
const S3_FREE = new Set(['DeleteObject', 'DeleteObjects', 'AbortMultipartUpload']);

/** What AWS would bill for, summed over a measured stretch of the lifecycle. */
export interface Usage {
  readonly dynamodbReadUnits: number;
  readonly dynamodbWriteUnits: number;
  readonly lambdaRequests: number;
  readonly lambdaGbSeconds: number;
  readonly httpApiRequests: number;
  readonly s3TierOneRequests: number;
  readonly s3TierTwoRequests: number;
  readonly sesRecipients: number;
  readonly sesBytes: number;
  readonly stateTransitions: number;
  readonly secretsCalls: number;
  readonly logBytes: number;
}

/** Requests made outside the handlers that AWS bills too: the browser's presigned S3 transfers. */
export interface ExtraRequests {
  readonly s3TierOne?: number;
  readonly s3TierTwo?: number;
}

/** `after` less `before`: the counts of what happened between two snapshots. */
export function snapshotDelta(after: MeterSnapshot, before: MeterSnapshot): MeterSnapshot {
  const callKey = (tally: AwsCallTally) => `${tally.service} ${tally.operation} ${tally.caller}`;
  const earlierCalls = new Map(before.calls.map((tally) => [callKey(tally), tally]));
  const earlierRuns = new Map(before.invocations.map((tally) => [tally.entry, tally]));
  const numeric = <T extends object>(now: T, then: T | undefined): T => {
    const out = { ...now } as Record<string, unknown>;
    for (const [field, value] of Object.entries(now)) {
      if (typeof value === 'number') out[field] = value - (((then as Record<string, unknown>)?.[field] as number) ?? 0);
    }
    return out as T;
  };
  const requests: Record<string, number> = {};
  for (const [operation, count] of Object.entries(after.httpRequests)) {
    requests[operation] = count - (before.httpRequests[operation] ?? 0);
  }
  return {
    calls: after.calls.map((tally) => numeric(tally, earlierCalls.get(callKey(tally)))),
    invocations: after.invocations.map((tally) => numeric(tally, earlierRuns.get(tally.entry))),
    httpRequests: requests,
    stateTransitions: after.stateTransitions - before.stateTransitions,
    executionEvents: after.executionEvents - before.executionEvents,
    executions: after.executions - before.executions,
  };
}

const sum = <T>(items: readonly T[], value: (item: T) => number) =>
  items.reduce((total, item) => total + value(item), 0);

/**
 * A snapshot's billable quantities. `memoryMbOf` gives each handler module's memory size as deployed;
 * `include` keeps only some handlers' work (e.g. the dashboard aggregator's alone); `shared`: whether the
 * gateway's requests and the state machines' transitions and log events count too (by default, unless `include`).
 */
export function usageOf(
  snapshot: MeterSnapshot,
  memoryMbOf: (entry: string) => number,
  options: { include?: (entry: string) => boolean; shared?: boolean; extra?: ExtraRequests } = {},
): Usage {
  const kept = (entry: string) => options.include?.(entry) ?? true;
  const calls = snapshot.calls.filter((tally) => kept(tally.caller));
  const runs = snapshot.invocations.filter((tally) => kept(tally.entry));
  const whole = options.shared ?? options.include === undefined;
  const of = (service: string, pick: (tally: AwsCallTally) => boolean = () => true) =>
    calls.filter((tally) => tally.service === service && pick(tally));
  const dynamodb = of('dynamodb');
  const s3 = of('s3', (tally) => !S3_FREE.has(tally.operation));
  const s3TierOne = sum(
    s3.filter((tally) => S3_TIER_ONE.has(tally.operation)),
    (tally) => tally.requests,
  );
  const httpApiRequests = whole ? sum(Object.values(snapshot.httpRequests), (count) => count) : 0;
  const invocations = sum(runs, (tally) => tally.invocations);
  return {
    dynamodbReadUnits: sum(dynamodb, (tally) => tally.readUnits),
    dynamodbWriteUnits: sum(dynamodb, (tally) => tally.writeUnits + tally.failedWriteItems),
    lambdaRequests: invocations,
    lambdaGbSeconds: sum(runs, (tally: InvocationTally) => (tally.billedMs / 1000) * (memoryMbOf(tally.entry) / 1024)),
    httpApiRequests,
    s3TierOneRequests: s3TierOne + (options.extra?.s3TierOne ?? 0),
    s3TierTwoRequests: sum(s3, (tally) => tally.requests) - s3TierOne + (options.extra?.s3TierTwo ?? 0),
    sesRecipients: sum(of('ses'), (tally) => tally.recipients),
    sesBytes: sum(of('ses'), (tally) => tally.bytes),
    stateTransitions: whole ? snapshot.stateTransitions : 0,
    secretsCalls: sum(of('secrets'), (tally) => tally.requests),
    logBytes:
      sum(runs, (tally) => tally.logBytes) +
      invocations * LOG_ESTIMATES.lambdaPlatformBytes +
      httpApiRequests * LOG_ESTIMATES.accessLogBytes +
      (whole ? snapshot.executionEvents * LOG_ESTIMATES.executionEventBytes : 0),
  };
}

export interface PricedLine {
  readonly service: string;
  readonly what: string;
  readonly quantity: number;
  readonly usd: number;
}

const GB = 1024 ** 3;

/** Each service's variable cost for `usage`, one line per billed dimension. */
export function priceUsage(usage: Usage): PricedLine[] {
  const line = (service: string, what: string, quantity: number, price: PriceName, billed = quantity) => ({
    service,
    what,
    quantity,
    usd: costOf(price, billed),
  });
  return [
    line('DynamoDB', 'write request units', usage.dynamodbWriteUnits, 'dynamodbWriteRequestUnit'),
    line('DynamoDB', 'read request units', usage.dynamodbReadUnits, 'dynamodbReadRequestUnit'),
    line('Lambda', 'GB-seconds (arm64)', usage.lambdaGbSeconds, 'lambdaArmCompute'),
    line('Lambda', 'requests', usage.lambdaRequests, 'lambdaRequests'),
    line('HTTP API', 'requests', usage.httpApiRequests, 'httpApiRequests'),
    line('S3', 'PUT/COPY/POST/LIST requests', usage.s3TierOneRequests, 's3TierOneRequests'),
    line('S3', 'GET and other requests', usage.s3TierTwoRequests, 's3TierTwoRequests'),
    line('SES', 'emails (recipients)', usage.sesRecipients, 'sesMessages'),
    line('SES', 'GB of messages with attachments', usage.sesBytes / GB, 'sesAttachments'),
    line('Step Functions', 'state transitions', usage.stateTransitions, 'stepFunctionsTransitions'),
    line('Secrets Manager', 'API calls', usage.secretsCalls, 'secretsRequests'),
    line('CloudWatch', 'GB of logs ingested', usage.logBytes / GB, 'cloudWatchLogIngestion'),
    line(
      'CloudWatch',
      `GB-months of logs kept (${LOG_RETENTION_MONTHS} months, uncompressed)`,
      (usage.logBytes / GB) * LOG_RETENTION_MONTHS,
      'cloudWatchLogStorage',
    ),
  ];
}

/** The stack's resources billed by the month whatever the traffic, as counted in the synthesised template. */
export interface FixedResources {
  readonly secrets: number;
  readonly alarms: number;
  readonly dashboards: number;
  readonly customerManagedKeys: number;
  /** Requests the AWS-managed aws/dynamodb key gets from DynamoDB (estimate: a data key every 5 minutes). */
  readonly managedKeyRequestsPerMonth: number;
}

export function priceFixed(fixed: FixedResources): PricedLine[] {
  return [
    { service: 'Secrets Manager', what: 'secrets', quantity: fixed.secrets, usd: costOf('secretMonth', fixed.secrets) },
    {
      service: 'CloudWatch',
      what: 'alarms',
      quantity: fixed.alarms,
      usd: costOf('cloudWatchAlarmMonth', fixed.alarms),
    },
    {
      service: 'CloudWatch',
      what: 'dashboards',
      quantity: fixed.dashboards,
      usd: costOf('cloudWatchDashboardMonth', fixed.dashboards),
    },
    {
      service: 'KMS',
      what: 'customer managed keys',
      quantity: fixed.customerManagedKeys,
      usd: costOf('kmsKeyMonth', fixed.customerManagedKeys),
    },
    {
      service: 'KMS',
      what: 'requests to aws/dynamodb (estimate)',
      quantity: fixed.managedKeyRequestsPerMonth,
      usd: costOf('kmsRequests', fixed.managedKeyRequestsPerMonth),
    },
  ];
}

export const totalOf = (lines: readonly PricedLine[]) => sum(lines, (line) => line.usd);

/** Storage of a town's data for a month: table and bucket bytes. */
export function priceStorage(tableBytes: number, bucketBytes: number): PricedLine[] {
  return [
    {
      service: 'DynamoDB',
      what: 'GB-months stored',
      quantity: tableBytes / GB,
      usd: costOf('dynamodbStorage', tableBytes / GB),
    },
    { service: 'S3', what: 'GB-months stored', quantity: bucketBytes / GB, usd: costOf('s3Storage', bucketBytes / GB) },
  ];
}
