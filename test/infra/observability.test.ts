/**
 * Alarms reach an encrypted, TLS-only topic: API 5xx, each function's errors and throttles, the table's. The
 * topic is in the stage's stack, the alarms and the dashboard in a nested stack of their own.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;
let watch: Template;
/** What the stage's stack passes to each parameter of the alarms' nested stack. */
let passed: Record<string, unknown>;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  const { alarmStack } = dev.stack.observability;
  watch = Template.fromStack(alarmStack);
  const stackResource = alarmStack.nestedStackResource;
  if (!stackResource) throw new Error('the alarms are not a nested stack');
  const resource = resourcesOfType(dev.template, 'AWS::CloudFormation::Stack')[dev.stack.getLogicalId(stackResource)];
  passed = (resource?.Properties?.Parameters ?? {}) as Record<string, unknown>;
});

/** A value of the nested template with each parameter replaced by what the stage's stack passes to it. */
function resolved(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(resolved);
  if (value && typeof value === 'object') {
    const ref = (value as { Ref?: unknown }).Ref;
    if (typeof ref === 'string' && ref in passed && Object.keys(value).length === 1) return passed[ref];
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolved(inner)]));
  }
  return value;
}

type AlarmProperties = {
  Namespace?: string;
  MetricName?: string;
  Dimensions?: { Name: string; Value: unknown }[];
  Metrics?: { MetricStat?: { Metric: { MetricName: string; Namespace: string } } }[];
  AlarmActions?: unknown[];
};

function alarms(): AlarmProperties[] {
  return Object.values(resourcesOfType(watch, 'AWS::CloudWatch::Alarm')).map(
    (alarm) => resolved(alarm.Properties ?? {}) as AlarmProperties,
  );
}

describe('the alarm topic', () => {
  it('is encrypted with a rotating key and refuses publishing without TLS', () => {
    const keyId = Object.keys(resourcesOfType(dev.template, 'AWS::KMS::Key'))[0];
    dev.template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    dev.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } });
    dev.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('lets CloudWatch use the key, or alarms could not publish', () => {
    dev.template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
  });
});

describe('alarms', () => {
  it('every alarm notifies the topic', () => {
    const topicId = logicalIdOf(dev.stack, dev.stack.observability.alarmTopic);
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: topicId }]);
  });

  it('watch the API for 5xx', () => {
    const apiId = logicalIdOf(dev.stack, dev.stack.api.httpApi);
    expect(alarms()).toContainEqual(
      expect.objectContaining({
        Namespace: 'AWS/ApiGateway',
        MetricName: '5xx',
        Dimensions: [{ Name: 'ApiId', Value: { Ref: apiId } }],
      }),
    );
  });

  it('watch every function for errors and throttles (one alarm each, on their sum)', () => {
    const all = alarms();
    for (const [operationId, fn] of Object.entries(dev.stack.api.functions)) {
      const dimensions = [{ Name: 'FunctionName', Value: { Ref: logicalIdOf(dev.stack, fn) } }];
      const watching = all.filter((alarm) =>
        (alarm.Metrics ?? []).some(
          (query) =>
            query.MetricStat?.Metric.Namespace === 'AWS/Lambda' &&
            JSON.stringify((query.MetricStat.Metric as { Dimensions?: unknown }).Dimensions) ===
              JSON.stringify(dimensions),
        ),
      );
      expect(watching, operationId).toHaveLength(1);
      const metrics = (watching[0]?.Metrics ?? []).flatMap((query) =>
        query.MetricStat ? [query.MetricStat.Metric.MetricName] : [],
      );
      expect(metrics.sort(), operationId).toEqual(['Errors', 'Throttles']);
    }
  });

  it('watch the table for system errors and throttles', () => {
    const tableMetrics = alarms()
      .flatMap((alarm) => alarm.Metrics ?? [])
      .flatMap((query) => (query.MetricStat ? [query.MetricStat.Metric] : []))
      .filter((metric) => metric.Namespace === 'AWS/DynamoDB')
      .map((metric) => metric.MetricName);
    expect(new Set(tableMetrics)).toEqual(new Set(['SystemErrors', 'ReadThrottleEvents', 'WriteThrottleEvents']));
    // CloudWatch refuses an alarm on an expression over more than 10 metrics.
    for (const alarm of alarms())
      expect((alarm.Metrics ?? []).filter((query) => query.MetricStat).length).toBeLessThanOrEqual(10);
  });

  it('a dashboard shows the stage', () => {
    watch.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(JSON.stringify(watch.toJSON())).toContain('# Voucher platform — VoucherPlatform-dev');
  });

  it('live in a nested stack, so that the stage keeps room for more routes', () => {
    dev.template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    const inStage = Object.values(resourcesOfType(dev.template, 'AWS::CloudWatch::Alarm'));
    // Only the alarms their own constructs raise stay (jobs' and stream consumers' failure queues).
    expect(inStage.length).toBeLessThan(10);
    expect(alarms().length).toBeGreaterThan(Object.keys(dev.stack.api.functions).length);
  });
});
