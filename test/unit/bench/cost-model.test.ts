/** The cost bench's arithmetic: known counts price to figures worked out by hand from the list prices. */
import { describe, expect, it } from 'vitest';
import { costOf, PRICES } from '../../bench/aws-prices-eu-west-1.ts';
import { emptyCallTally, type MeterSnapshot } from '../../bench/cost-meter.ts';
import { LOG_ESTIMATES, priceFixed, priceUsage, snapshotDelta, totalOf, usageOf } from '../../bench/cost-model.ts';

const empty: MeterSnapshot = {
  calls: [],
  invocations: [],
  httpRequests: {},
  stateTransitions: 0,
  executionEvents: 0,
  executions: 0,
};

const tally = (service: string, operation: string, caller: string, fields: Partial<Record<string, number>> = {}) => ({
  ...emptyCallTally(service, operation, caller),
  ...fields,
});

const snapshot: MeterSnapshot = {
  calls: [
    tally('dynamodb', 'TransactWriteItems', 'functions/merchant/redeem.ts', {
      requests: 10,
      writeUnits: 200,
      readUnits: 0,
    }),
    tally('dynamodb', 'BatchGetItem', 'functions/merchant/redeem.ts', { requests: 10, readUnits: 40 }),
    tally('dynamodb', 'PutItem', 'functions/streams/aggregate-dashboard.ts', {
      requests: 1,
      errors: 1,
      failedWriteItems: 1,
    }),
    tally('s3', 'PutObject', 'functions/letters/tasks/render-batch.ts', { requests: 3 }),
    tally('s3', 'GetObject', 'functions/letters/tasks/render-batch.ts', { requests: 5 }),
    tally('s3', 'DeleteObject', 'functions/letters/tasks/finish-letters.ts', { requests: 7 }),
    tally('ses', 'SendEmail', 'functions/settlement/tasks/send-reports.ts', { requests: 2, recipients: 4, bytes: 0 }),
  ],
  invocations: [
    { entry: 'functions/merchant/redeem.ts', invocations: 10, coldStarts: 1, billedMs: 2000, logBytes: 1000 },
    { entry: 'functions/streams/aggregate-dashboard.ts', invocations: 1, coldStarts: 1, billedMs: 1000, logBytes: 0 },
  ],
  httpRequests: { redeem: 10, localToken: 0 },
  stateTransitions: 40,
  executionEvents: 100,
  executions: 1,
};

const memory = (entry: string) => (entry.includes('aggregate') ? 1024 : 512);

describe('cost model', () => {
  it('sums billable quantities: capacity units, GB-s by memory size, S3 by request class, logs with the estimates', () => {
    const usage = usageOf(snapshot, memory);
    expect(usage).toEqual({
      dynamodbReadUnits: 40,
      dynamodbWriteUnits: 201, // a refused write is billed one unit
      lambdaRequests: 11,
      lambdaGbSeconds: 2 * 0.5 + 1 * 1, // 2 s at 512 MB, 1 s at 1024 MB
      httpApiRequests: 10,
      s3TierOneRequests: 3,
      s3TierTwoRequests: 5, // DeleteObject is free
      sesRecipients: 4,
      sesBytes: 0,
      stateTransitions: 40,
      secretsCalls: 0,
      logBytes:
        1000 +
        11 * LOG_ESTIMATES.lambdaPlatformBytes +
        10 * LOG_ESTIMATES.accessLogBytes +
        100 * LOG_ESTIMATES.executionEventBytes,
    });
  });

  it('prices known counts to the figure worked out by hand', () => {
    const usage = usageOf(snapshot, memory);
    const byHand =
      (201 * 0.7068) / 1e6 +
      (40 * 0.1415) / 1e6 +
      2 * 0.0000133334 +
      (11 * 0.2) / 1e6 +
      (10 * 1.11) / 1e6 +
      (3 * 0.005) / 1000 +
      (5 * 0.0004) / 1000 +
      (4 * 0.1) / 1000 +
      (40 * 0.025) / 1000 +
      (usage.logBytes / 1024 ** 3) * (0.57 + 3 * 0.03);
    expect(totalOf(priceUsage(usage))).toBeCloseTo(byHand, 12);
    // About $0.00163: 40 state transitions $0.001, 4 emails $0.0004, 201 write units $0.000142.
    expect(totalOf(priceUsage(usage))).toBeGreaterThan(0.00163);
    expect(totalOf(priceUsage(usage))).toBeLessThan(0.001632);
  });

  it("keeps one handler's work apart, without the gateway's requests or the transitions", () => {
    const aggregator = usageOf(snapshot, memory, { include: (entry) => entry.includes('aggregate') });
    expect(aggregator.dynamodbWriteUnits).toBe(1);
    expect(aggregator.lambdaGbSeconds).toBe(1);
    expect(aggregator.httpApiRequests).toBe(0);
    expect(aggregator.stateTransitions).toBe(0);
  });

  it('subtracts the snapshot before from the one after', () => {
    const delta = snapshotDelta(snapshot, empty);
    expect(delta).toEqual(snapshot);
    expect(usageOf(snapshotDelta(snapshot, snapshot), memory).dynamodbWriteUnits).toBe(0);
  });

  it('prices the fixed resources by the month', () => {
    const lines = priceFixed({
      secrets: 3,
      alarms: 10,
      dashboards: 1,
      customerManagedKeys: 1,
      managedKeyRequestsPerMonth: 10_000,
    });
    expect(totalOf(lines)).toBeCloseTo(3 * 0.4 + 10 * 0.1 + 3 + 1 + 0.03, 10);
    expect(costOf('dynamodbWriteRequestUnit', 1e6)).toBe(PRICES.dynamodbWriteRequestUnit.usd);
  });
});
