/**
 * AWS list prices for eu-west-1 (Ireland), in US dollars, that `npm run bench -- cost` prices its counts with.
 * As known to the author on PRICES_TAKEN_ON (written offline, from memory of the AWS pricing pages named in
 * `source`): check each against its page before relying on a figure. Paying-account prices: no free tier is
 * subtracted (the Lambda, DynamoDB, SES and CloudWatch free tiers would make a small town's bill look like zero).
 * First price tier only: a town stays far inside each.
 */

export const PRICES_TAKEN_ON = '2026-11-30';
export const PRICES_REGION = 'eu-west-1';

export interface ListPrice {
  /** Dollars per `per` units of `unit`. */
  readonly usd: number;
  readonly per: number;
  readonly unit: string;
  /** The AWS pricing page (and its section) the price comes from. */
  readonly source: string;
}

const price = (usd: number, per: number, unit: string, source: string): ListPrice => ({ usd, per, unit, source });

export const PRICES = {
  // On-demand prices were halved on 2024-11-01; these are the halved Ireland prices.
  dynamodbWriteRequestUnit: price(
    0.7068,
    1e6,
    'write request unit',
    'DynamoDB pricing, on-demand, Standard table class',
  ),
  dynamodbReadRequestUnit: price(0.1415, 1e6, 'read request unit', 'DynamoDB pricing, on-demand, Standard table class'),
  dynamodbStorage: price(0.283, 1, 'GB-month', 'DynamoDB pricing, on-demand, data storage (Standard)'),
  lambdaArmCompute: price(
    0.0000133334,
    1,
    'GB-second (arm64)',
    'AWS Lambda pricing, Arm price, first 7.5 billion GB-s',
  ),
  lambdaRequests: price(0.2, 1e6, 'request', 'AWS Lambda pricing, requests'),
  httpApiRequests: price(
    1.11,
    1e6,
    'request (each 512 KB)',
    'Amazon API Gateway pricing, HTTP APIs, first 300 million',
  ),
  s3TierOneRequests: price(0.005, 1000, 'PUT, COPY, POST or LIST request', 'Amazon S3 pricing, requests, S3 Standard'),
  s3TierTwoRequests: price(0.0004, 1000, 'GET, SELECT or other request', 'Amazon S3 pricing, requests, S3 Standard'),
  s3Storage: price(0.023, 1, 'GB-month', 'Amazon S3 pricing, storage, S3 Standard, first 50 TB'),
  sesMessages: price(0.1, 1000, 'email (each recipient)', 'Amazon SES pricing, outbound email'),
  sesAttachments: price(0.12, 1, 'GB of attachments', 'Amazon SES pricing, attachments'),
  stepFunctionsTransitions: price(0.025, 1000, 'state transition', 'AWS Step Functions pricing, Standard workflows'),
  kmsRequests: price(0.03, 10_000, 'request', 'AWS KMS pricing, symmetric key requests'),
  kmsKeyMonth: price(1, 1, 'customer managed key-month', 'AWS KMS pricing, keys'),
  secretsRequests: price(0.05, 10_000, 'API call', 'AWS Secrets Manager pricing'),
  secretMonth: price(0.4, 1, 'secret-month', 'AWS Secrets Manager pricing'),
  cloudWatchLogIngestion: price(0.57, 1, 'GB ingested (Standard log class)', 'Amazon CloudWatch pricing, logs'),
  cloudWatchLogStorage: price(0.03, 1, 'GB-month archived', 'Amazon CloudWatch pricing, logs'),
  cloudWatchAlarmMonth: price(0.1, 1, 'standard-resolution alarm metric-month', 'Amazon CloudWatch pricing, alarms'),
  cloudWatchDashboardMonth: price(3, 1, 'dashboard-month', 'Amazon CloudWatch pricing, dashboards'),
  cloudWatchCustomMetricMonth: price(0.3, 1, 'custom metric-month', 'Amazon CloudWatch pricing, metrics, first 10,000'),
} as const satisfies Record<string, ListPrice>;

export type PriceName = keyof typeof PRICES;

/** What `quantity` units cost at `name`'s list price. */
export function costOf(name: PriceName, quantity: number): number {
  const { usd, per } = PRICES[name];
  return (quantity * usd) / per;
}
