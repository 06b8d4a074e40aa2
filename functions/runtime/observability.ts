/**
 * Logs and metrics for every Lambda: one Powertools logger (structured JSON, correlation id per request)
 * and one metrics emitter (CloudWatch embedded metric format). Handlers never write to the console.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'voucher-platform';

export const logger = new Logger({ serviceName });

// The stage is a dimension so that dev and prod in one account never mix their figures.
export const metrics = new Metrics({
  namespace: 'VoucherPlatform',
  serviceName,
  defaultDimensions: { stage: process.env.STAGE ?? 'local' },
});

export { MetricUnit } from '@aws-lambda-powertools/metrics';
