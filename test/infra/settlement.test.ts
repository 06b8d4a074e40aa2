/**
 * Settlement in AWS: the nested stack's state machine (traced, fully logged, the deployed definition), its
 * daily schedule, one least-privilege function per step, the SES sender, the alarms; and the API's one
 * route that may start it.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { workflowArnVariable } from '../../functions/runtime/environment-variables.ts';
import { SETTLEMENT_TASKS, type SettlementTaskName } from '../../functions/settlement/tasks/task-table.ts';
import { townSettings } from '../../infra/constructs/town-settings.ts';
import {
  actionsOfRole,
  logicalIdOf,
  resourcesOfType,
  type Synthesised,
  statementsOfRole,
  synthStack,
} from './synth.ts';

let dev: Synthesised;
let nested: Template;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  nested = Template.fromStack(dev.stack.settlement);
});

const TASKS = Object.keys(SETTLEMENT_TASKS) as SettlementTaskName[];

/** The deployed definition, its intrinsic references replaced by a placeholder. */
/** A function's properties in `template`, or a failed test. */
function functionProperties(template: Template, stack: Stack, fn: { node: { defaultChild?: unknown } }) {
  const properties = resourcesOfType(template, 'AWS::Lambda::Function')[logicalIdOf(stack, fn)]?.Properties;
  if (!properties) throw new Error('no such function in the template');
  return properties as { Role: { 'Fn::GetAtt': [string] }; Environment: { Variables: Record<string, unknown> } };
}

function deployedDefinition(): { StartAt: string; States: Record<string, Record<string, unknown>> } {
  const machine = Object.values(resourcesOfType(nested, 'AWS::StepFunctions::StateMachine'))[0];
  if (!machine?.Properties) throw new Error('no state machine');
  const join = (machine.Properties.DefinitionString as { 'Fn::Join': [string, unknown[]] })['Fn::Join'];
  const text = join[1].map((part) => (typeof part === 'string' ? part : 'arn:placeholder')).join(join[0]);
  return JSON.parse(text);
}

function taskRole(name: SettlementTaskName): string {
  return functionProperties(nested, dev.stack.settlement, dev.stack.settlement.functions[name]).Role['Fn::GetAtt'][0];
}

describe('the settlement state machine', () => {
  it('is traced and logs every event, and runs for at most a year', () => {
    nested.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false },
    });
  });

  it('deploys the definition the local target runs: open, close each shop (4 at once), documents, reports, approval loop', () => {
    const definition = deployedDefinition();
    expect(definition.StartAt).toBe('Open the run');
    expect(definition.States['Close each shop']).toMatchObject({
      Type: 'Map',
      MaxConcurrency: 4,
      ItemsPath: '$.merchantIds',
    });
    expect(definition.States['Wait for finance']).toMatchObject({
      Type: 'Wait',
      TimestampPath: '$.approval.nextCheckAt',
    });
    expect(definition.States['Approved?']).toMatchObject({ Type: 'Choice' });
    for (const state of ['Write the documents', 'Send the reports', 'Look for approval', 'Record the payout']) {
      const catches = (definition.States[state]?.Catch ?? []) as Array<{ ErrorEquals: string[]; Next: string }>;
      expect(
        catches.map((handler) => handler.Next),
        state,
      ).toEqual(['Another execution holds the run', 'Mark the run failed']);
    }
  });

  it('starts daily at 02:00 Brussels time with no run id', () => {
    const schedules = Object.values(resourcesOfType(nested, 'AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(1);
    expect(schedules[0]?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/Brussels',
      Target: { Input: '{}' },
    });
  });

  it('alarms on escalations, overdue payouts and failed executions', () => {
    const alarms = Object.values(resourcesOfType(nested, 'AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);
    expect(alarms.map((alarm) => alarm?.MetricName).sort()).toEqual(
      ['ExecutionsFailed', 'SettlementApprovalEscalations', 'SettlementPayoutsOverdue'].sort(),
    );
    expect(alarms.every((alarm) => (alarm?.AlarmActions as unknown[] | undefined)?.length === 1)).toBe(true);
  });
});

describe('the task functions', () => {
  it.each(TASKS)('%s reaches the table, and the bucket and SES only if its step needs them', (name) => {
    const actions = [...actionsOfRole(nested, taskRole(name))];
    const permissions = SETTLEMENT_TASKS[name].permissions as { buckets?: unknown; mail?: boolean };
    expect(actions.some((action) => action.startsWith('dynamodb:'))).toBe(true);
    expect(actions.some((action) => action.startsWith('s3:'))).toBe(permissions.buckets !== undefined);
    expect(actions.some((action) => action.startsWith('ses:'))).toBe(permissions.mail === true);
    expect(actions.filter((action) => action.startsWith('states:') || action === '*' || action.endsWith(':*'))).toEqual(
      [],
    );
  });

  it('sends mail from the town’s verified identity and configuration set only', () => {
    const statements = statementsOfRole(nested, taskRole('sendReports')).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('ses:')),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(JSON.stringify(statement.Resource)).toMatch(/identity|configuration-set/);
      expect(statement.Resource).not.toBe('*');
    }
    dev.template.resourceCountIs('AWS::SES::EmailIdentity', 1);
    dev.template.resourceCountIs('AWS::SES::ConfigurationSet', 1);
  });

  it('tells every step the town’s settings', () => {
    const town = townSettings(dev.app.node.tryGetContext('town'));
    for (const name of TASKS) {
      const variables = functionProperties(nested, dev.stack.settlement, dev.stack.settlement.functions[name])
        .Environment.Variables;
      expect(variables).toMatchObject({
        TOWN_NAME: town.name,
        TOWN_IBAN: town.iban,
        FINANCE_EMAILS: town.financeEmails.join(','),
      });
    }
  });
});

describe('the API', () => {
  it('lets only POST /settlement-runs start the settlement machine (and POST letter-runs the letters one)', () => {
    const starters: string[] = [];
    for (const [operationId, fn] of Object.entries(dev.stack.api.functions)) {
      const properties = functionProperties(dev.template, dev.stack, fn);
      const role = properties.Role['Fn::GetAtt'][0];
      if ([...actionsOfRole(dev.template, role)].includes('states:StartExecution')) starters.push(operationId);
      const variables = properties.Environment.Variables;
      expect(workflowArnVariable('settlement') in variables, operationId).toBe(operationId === 'startSettlementRun');
      expect(workflowArnVariable('letters') in variables, operationId).toBe(operationId === 'startLetterRun');
    }
    expect(starters.sort()).toEqual(['startLetterRun', 'startSettlementRun']);
  });

  it('refuses town settings with an invalid IBAN or no finance address', () => {
    const valid = dev.app.node.tryGetContext('town') as Record<string, unknown>;
    expect(() => townSettings({ ...valid, iban: 'BE00 0000 0000 0000' })).toThrow(/town\.iban/);
    expect(() => townSettings({ ...valid, financeEmails: [] })).toThrow(/town\.financeEmails/);
    expect(Stack.of(dev.stack.settlement).nested).toBe(true);
  });
});
