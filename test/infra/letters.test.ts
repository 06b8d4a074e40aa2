/**
 * Letters in AWS: the nested stack's state machine (traced, fully logged, the definition the local target
 * runs), one least-privilege function per step (only the render step opens codes, only the last one mails),
 * the public site's URL for the QR codes, and the failure alarm.
 */
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { LETTER_TASKS, type LetterTaskName } from '../../functions/letters/tasks/task-table.ts';
import { secretIdVariable } from '../../functions/runtime/environment-variables.ts';
import { actionsOfRole, logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;
let nested: Template;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  nested = Template.fromStack(dev.stack.letters);
});

const TASKS = Object.keys(LETTER_TASKS) as LetterTaskName[];

function task(name: LetterTaskName) {
  const fn = dev.stack.letters.functions[name];
  const properties = resourcesOfType(nested, 'AWS::Lambda::Function')[logicalIdOf(dev.stack.letters, fn)]?.Properties;
  if (!properties) throw new Error(`no function ${name}`);
  const role = (properties.Role as { 'Fn::GetAtt': [string] })['Fn::GetAtt'][0];
  const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
  return { actions: [...actionsOfRole(nested, role)], variables };
}

describe('the letters state machine', () => {
  it('is traced, logs every event, and renders four batches at once', () => {
    nested.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
    const machine = Object.values(resourcesOfType(nested, 'AWS::StepFunctions::StateMachine'))[0];
    if (!machine?.Properties) throw new Error('no state machine');
    const join = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
    const definition = JSON.parse(join[1].map((part) => (typeof part === 'string' ? part : 'arn')).join(join[0]));
    expect(definition.StartAt).toBe('Plan the letters');
    expect(definition.States['Render each batch']).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 4,
      ItemsPath: '$.batches',
    });
  });

  it('alarms when a run fails', () => {
    const alarms = Object.values(resourcesOfType(nested, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    expect(alarms.map((alarm) => alarm?.MetricName)).toEqual(['ExecutionsFailed']);
    expect((alarms[0]?.AlarmActions as unknown[] | undefined)?.length).toBe(1);
  });
});

describe('the task functions', () => {
  it('let only the render step read the voucher code key', () => {
    for (const name of TASKS) {
      const { actions, variables } = task(name);
      const opens = name === 'renderBatch';
      expect(actions.includes('secretsmanager:GetSecretValue'), name).toBe(opens);
      expect(secretIdVariable('voucherCodeKey') in variables, name).toBe(opens);
    }
  });

  it('let only the last step mail, and none start anything', () => {
    for (const name of TASKS) {
      const { actions } = task(name);
      expect(
        actions.some((action) => action.startsWith('ses:')),
        name,
      ).toBe(name === 'finishLetters');
      expect(
        actions.filter((action) => action.startsWith('states:') || action.startsWith('lambda:')),
        name,
      ).toEqual([]);
    }
  });

  it('tell every step where the letters’ QR codes lead: the public site', () => {
    for (const name of TASKS) expect(task(name).variables.PUBLIC_SITE_URL, name).toBeDefined();
  });
});
