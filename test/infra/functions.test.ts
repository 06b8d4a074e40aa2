/** Every function carries the project defaults and exactly the permissions its route declares. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import { secretIdVariable } from '../../functions/runtime/environment-variables.ts';
import type { ProjectFunction } from '../../infra/constructs/project-function.ts';
import {
  actionsOfRole,
  logicalIdOf,
  resourcesOfType,
  type Synthesised,
  statementsOfRole,
  synthStack,
} from './synth.ts';

let dev: Synthesised;

beforeAll(() => {
  dev = synthStack('dev');
});

const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem'];
const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];

function functionOf(operationId: string): ProjectFunction {
  const fn = dev.stack.api.functions[operationId];
  if (!fn) throw new Error(`no function for ${operationId}`);
  return fn;
}

function propertiesOf(fn: ProjectFunction): Record<string, unknown> {
  const id = logicalIdOf(dev.stack, fn);
  const properties = resourcesOfType(dev.template, 'AWS::Lambda::Function')[id]?.Properties;
  if (!properties) throw new Error(`no AWS::Lambda::Function ${id}`);
  return properties;
}

function roleIdOf(fn: ProjectFunction): string {
  const role = (propertiesOf(fn).Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'];
  return role[0];
}

const operationIds = [...ROUTE_LIST.map((route) => route.operationId), FALLBACK_ROUTE.operationId];

describe('project defaults', () => {
  it.each(operationIds)('%s runs Node.js 24 on arm64 without X-Ray, an ESM bundle and source maps', (id) => {
    const properties = propertiesOf(functionOf(id));
    expect(properties).toMatchObject({
      Runtime: 'nodejs24.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 10,
      MemorySize: 512,
    });
    expect(properties.TracingConfig).toBeUndefined();
    const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables).toMatchObject({
      STAGE: 'dev',
      POWERTOOLS_SERVICE_NAME: 'voucher-platform',
      POWERTOOLS_LOG_LEVEL: 'DEBUG',
      NODE_OPTIONS: '--enable-source-maps',
    });
  });

  it.each(operationIds)('%s logs to its own log group with a retention', (id) => {
    const fn = functionOf(id);
    const logGroupId = logicalIdOf(dev.stack, fn.logGroup);
    expect(propertiesOf(fn).LoggingConfig).toEqual({ LogGroup: { Ref: logGroupId } });
    expect(resourcesOfType(dev.template, 'AWS::Logs::LogGroup')[logGroupId]?.Properties).toMatchObject({
      RetentionInDays: 14,
    });
  });

  it.each(operationIds)(
    '%s is bundled as minified ESM with a require shim, a source map and the environment credentials only',
    (id) => {
      const fn = functionOf(id);
      // The bundle is staged in the cloud assembly as asset.<hash>, uploaded as <hash>.zip.
      const s3Key = (propertiesOf(fn).Code as { S3Key: string }).S3Key;
      const bundle = join(dev.app.synth().directory, `asset.${s3Key.replace(/\.zip$/, '')}`);
      const code = readFileSync(join(bundle, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire as __createRequire } from 'node:module';")).toBe(true);
      expect(code).toMatch(/\/\/# sourceMappingURL=index\.mjs\.map\s*$/);
      expect(existsSync(join(bundle, 'index.mjs.map'))).toBe(true);
      // The SDK's credential chain is the environment alone (infra/constructs/lambda-bundling.ts): no profile,
      // credential process, SSO or web identity link, which each name their own setting or call.
      expect(code).not.toMatch(/credential_process|sso_start_url|AssumeRoleWithWebIdentity/);
    },
  );

  it('no function role uses an AWS managed policy', () => {
    for (const id of operationIds) {
      const role = resourcesOfType(dev.template, 'AWS::IAM::Role')[roleIdOf(functionOf(id))];
      expect(role?.Properties?.ManagedPolicyArns, id).toBeUndefined();
    }
  });
});

describe('least privilege from the route table', () => {
  const cases = [
    ...ROUTE_LIST.map((route) => [route.operationId, route.permissions.table] as const),
    [FALLBACK_ROUTE.operationId, undefined] as const,
  ];

  it.each(cases)('%s gets table access %j and nothing more', (operationId, access) => {
    const fn = functionOf(operationId);
    const actions = actionsOfRole(dev.template, roleIdOf(fn));
    const dynamodb = [...actions].filter((action) => action.startsWith('dynamodb:'));
    const variables = (propertiesOf(fn).Environment as { Variables: Record<string, unknown> }).Variables;
    const tableId = logicalIdOf(dev.stack, dev.stack.data.table);

    if (access === undefined) {
      expect(dynamodb).toEqual([]);
      expect(variables.TABLE_NAME).toBeUndefined();
      return;
    }
    expect(variables.TABLE_NAME).toEqual({ Ref: tableId });
    for (const action of READ_ACTIONS) expect(actions).toContain(action);
    for (const action of WRITE_ACTIONS) {
      if (access === 'read' || (typeof access === 'object' && !access.write)) expect(actions).not.toContain(action);
      else expect(actions).toContain(action);
    }
    if (typeof access !== 'object') return;

    // Scoped: no table statement without the partitions, reads and writes each with their own patterns.
    const statements = statementsOfRole(dev.template, roleIdOf(fn)).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('dynamodb:')),
    );
    for (const statement of statements) {
      const conditions = statement.Condition;
      const writes = [statement.Action].flat().some((action) => WRITE_ACTIONS.includes(action));
      expect(conditions?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toEqual(
        writes ? access.write : access.read,
      );
      expect(conditions?.['ForAllValues:StringNotLike']?.['dynamodb:LeadingKeys']).toEqual(access.except);
      expect([statement.Action].flat()).not.toContain('dynamodb:Scan');
    }
  });

  it('keeps the public and shop routes off the vouchers they do not spend, and off people and applications', () => {
    const scopeOf = (operationId: string) => {
      const access = ROUTE_LIST.find((route) => route.operationId === operationId)?.permissions.table;
      if (typeof access !== 'object') throw new Error(`${operationId} has no scoped table access`);
      return access;
    };
    for (const id of ['fileApplication', 'submitApplication', 'lookupPublicVoucher', 'listPublicMerchants']) {
      expect(scopeOf(id).write ?? [], id).not.toContain('VOUCHER#*');
    }
    for (const id of [
      'lookupVoucher',
      'redeem',
      'reverseRedemption',
      'listMerchantRedemptions',
      'lookupPublicVoucher',
    ]) {
      const scope = scopeOf(id);
      expect([...scope.read, ...(scope.write ?? [])], id).not.toContain('PEOPLE#*');
      expect([...scope.read, ...(scope.write ?? [])], id).not.toContain('APPLICATION#*');
    }
  });

  const secretCases = [
    ...ROUTE_LIST.map((route) => [route.operationId, route.permissions.secrets ?? []] as const),
    [FALLBACK_ROUTE.operationId, []] as const,
  ];

  it.each(secretCases)('%s reads exactly the secrets %j', (operationId, names) => {
    const fn = functionOf(operationId);
    const statements = statementsOfRole(dev.template, roleIdOf(fn)).filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('secretsmanager:')),
    );
    const variables = (propertiesOf(fn).Environment as { Variables: Record<string, unknown> }).Variables;
    // One statement per secret, or one for several (CDK merges statements with the same actions).
    const granted = statements.flatMap((statement) => [statement.Resource].flat());
    const expected = names.map((name) => {
      const ref = { Ref: logicalIdOf(dev.stack, dev.stack.secrets.secrets[name]) };
      expect(variables[secretIdVariable(name)]).toEqual(ref);
      return ref;
    });
    // In any order: the template lists a role's statements and resources in its own order.
    const byRef = (resources: unknown[]) => resources.map((resource) => JSON.stringify(resource)).sort();
    expect(byRef(granted)).toEqual(byRef(expected));
    for (const statement of statements) {
      expect([statement.Action].flat().sort()).toEqual([
        'secretsmanager:DescribeSecret',
        'secretsmanager:GetSecretValue',
      ]);
    }
    const secretVariables = Object.keys(variables).filter((variable) => variable.endsWith('_SECRET_ID'));
    expect(secretVariables).toHaveLength(names.length);
  });

  it('no function may manage the table, only use its items', () => {
    for (const id of operationIds) {
      const actions = [...actionsOfRole(dev.template, roleIdOf(functionOf(id)))];
      expect(
        actions.filter((action) => /^dynamodb:(\*|Create|Delete(Table|Backup)|Update(Table|TimeToLive))/.test(action)),
      ).toEqual([]);
      expect(
        actions.filter((action) => action.endsWith(':*') || action === '*'),
        id,
      ).toEqual([]);
    }
  });

  it('grants nothing on Resource "*"', () => {
    for (const id of operationIds) {
      const onEverything = statementsOfRole(dev.template, roleIdOf(functionOf(id))).filter(
        (statement) => statement.Resource === '*' || [statement.Resource].flat().includes('*'),
      );
      expect(
        onEverything.flatMap((statement) => [statement.Action].flat()),
        id,
      ).toEqual([]);
    }
  });
});
