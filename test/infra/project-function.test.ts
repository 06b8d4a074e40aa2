/**
 * The grant helpers, on a small stack of their own: each access level grants what it says and sets the
 * variable the handler reads, and the cdk-nag acknowledgements they add cover exactly their findings.
 */
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { grantBucket, grantTable, ProjectFunction, REPO_ROOT } from '../../infra/constructs/project-function.ts';
import { actionsOfRole, cdkContext, logicalIdOf, temporaryOutdir } from './synth.ts';

const ENTRY = join(REPO_ROOT, 'functions/system/get-health.ts');

let stack: Stack;
let template: Template;
let functions: Record<'tableReader' | 'tableWriter' | 'bucketReader' | 'bucketWriter', ProjectFunction>;
let table: TableV2;
let bucket: Bucket;

beforeAll(() => {
  const app = new App({ context: cdkContext(), outdir: temporaryOutdir('cdk-grants-') });
  stack = new Stack(app, 'Grants', { env: { account: '123456789012', region: 'eu-west-1' } });
  table = new TableV2(stack, 'Table', { partitionKey: { name: 'pk', type: AttributeType.STRING } });
  bucket = new Bucket(stack, 'Documents', { enforceSSL: true });
  const make = (id: string) => new ProjectFunction(stack, id, { entry: ENTRY, stage: 'test' });
  functions = {
    tableReader: make('TableReader'),
    tableWriter: make('TableWriter'),
    bucketReader: make('BucketReader'),
    bucketWriter: make('BucketWriter'),
  };
  grantTable(functions.tableReader, table, 'read');
  grantTable(functions.tableWriter, table, 'readWrite');
  grantBucket(functions.bucketReader, bucket, 'DOCUMENTS_BUCKET', 'read');
  grantBucket(functions.bucketWriter, bucket, 'DOCUMENTS_BUCKET', 'readWrite');
  // No cdk-nag plugin on this app: the test table and bucket are bare on purpose (see the last test).
  app.synth();
  template = Template.fromStack(stack);
});

function actionsOf(fn: ProjectFunction): Set<string> {
  const id = logicalIdOf(stack, fn);
  const role = template.toJSON().Resources[id].Properties.Role['Fn::GetAtt'][0] as string;
  return actionsOfRole(template, role);
}

function environmentOf(fn: ProjectFunction): Record<string, unknown> {
  return template.toJSON().Resources[logicalIdOf(stack, fn)].Properties.Environment.Variables;
}

describe('grantTable', () => {
  it('read: reads and queries, never writes, and names the table', () => {
    const actions = actionsOf(functions.tableReader);
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).not.toContain('dynamodb:PutItem');
    expect(actions).not.toContain('dynamodb:TransactWriteItems');
    expect(environmentOf(functions.tableReader).TABLE_NAME).toEqual({ Ref: logicalIdOf(stack, table) });
  });

  it('readWrite: also puts, updates and deletes items', () => {
    const actions = actionsOf(functions.tableWriter);
    for (const action of ['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem']) {
      expect(actions).toContain(action);
    }
    expect(environmentOf(functions.tableWriter).TABLE_NAME).toEqual({ Ref: logicalIdOf(stack, table) });
  });
});

describe('grantBucket', () => {
  it('read: gets objects, never puts or deletes them', () => {
    const actions = actionsOf(functions.bucketReader);
    expect(actions).toContain('s3:GetObject*');
    expect([...actions].filter((action) => /^s3:(Put|Delete)/.test(action))).toEqual([]);
    expect(environmentOf(functions.bucketReader).DOCUMENTS_BUCKET).toEqual({ Ref: logicalIdOf(stack, bucket) });
  });

  it('readWrite: also puts and deletes objects', () => {
    const actions = actionsOf(functions.bucketWriter);
    expect(actions).toContain('s3:PutObject');
    expect(actions).toContain('s3:DeleteObject*');
  });

  it('refuses a variable name the configuration schema could not hold', () => {
    expect(() => grantBucket(functions.bucketReader, bucket, 'documents-bucket', 'read')).toThrow(/UPPER_SNAKE_CASE/);
  });
});

describe('the acknowledgements the helpers add', () => {
  it('leave no cdk-nag finding on this stack (so they match the findings exactly)', () => {
    const report = new AwsSolutionsChecks().validateScope(stack);
    // The test stack's own table and bucket are not the platform's; only the functions are under test here.
    const onFunctions = report.violations.filter((violation) =>
      violation.violatingResources.some((resource) =>
        /\/(Table|Bucket)(Reader|Writer)/.test(resource.constructPath ?? ''),
      ),
    );
    expect(onFunctions.map((violation) => violation.ruleName)).toEqual([]);
  });
});
