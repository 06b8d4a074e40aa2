/**
 * Where a function's failures wait for a person: an encrypted, TLS-only SQS queue that keeps them as long as
 * SQS can (14 days, so operators read them whatever the day the alarm rang), and an alarm as soon as one is
 * there. The job workers' async invokes and the stream consumers' mappings both send theirs to one of these.
 * Created in the caller's scope under the caller's ids, so the resources keep their logical ids.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';

export interface FailureQueueProps {
  readonly queueId: string;
  readonly alarmId: string;
  /** Whose failures they are, for cdk-nag's acknowledgement that this queue needs no dead-letter queue. */
  readonly whose: string;
  /** What a message there means, and what to do: the alarm's description. */
  readonly alarmDescription: string;
}

export function failureQueue(scope: Construct, props: FailureQueueProps): { queue: Queue; alarm: Alarm } {
  const queue = new Queue(scope, props.queueId, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(queue).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `It is the on-failure destination of ${props.whose} (a dead-letter queue itself): nothing consumes it to fail again; an alarm rings on any message.`,
  });
  const alarm = new Alarm(scope, props.alarmId, {
    metric: queue.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' }),
    threshold: 1,
    evaluationPeriods: 1,
    comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: TreatMissingData.NOT_BREACHING,
    alarmDescription: props.alarmDescription,
  });
  return { queue, alarm };
}
