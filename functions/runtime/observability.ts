/**
 * Logs and metrics for every Lambda: one Powertools logger (structured JSON, correlation id per request)
 * and one metrics emitter (CloudWatch embedded metric format). Handlers never write to the console.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME ?? 'voucher-platform';

export const logger = new Logger({ serviceName });

export const metrics = new Metrics({ namespace: 'VoucherPlatform', serviceName });

export { MetricUnit } from '@aws-lambda-powertools/metrics';
