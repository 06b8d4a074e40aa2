import { describe, expect, it } from 'vitest';
import { accessDenied, allows, dynamoDbAccesses, matchesPattern, s3Accesses } from '../../infra/local/aws-access.ts';

describe('what a DynamoDB call touches', () => {
  it('names the partition of each item, plain (document client) or marshalled (raw client)', () => {
    expect(dynamoDbAccesses('GetItem', { Key: { pk: 'VOUCHER#v1', sk: 'VOUCHER' } })).toEqual([
      { service: 'dynamodb', action: 'read', operation: 'GetItem', partition: 'VOUCHER#v1' },
    ]);
    expect(dynamoDbAccesses('PutItem', { Item: { pk: { S: 'APPLICATION#a1' }, sk: { S: 'APPLICATION' } } })).toEqual([
      { service: 'dynamodb', action: 'write', operation: 'PutItem', partition: 'APPLICATION#a1' },
    ]);
  });

  it('reads the partition of a Query on an index from its key condition, with or without name placeholders', () => {
    const [plain] = dynamoDbAccesses('Query', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pk': 'MERCHANT#m1#REDEMPTIONS', ':before': '2026' },
    });
    expect(plain?.partition).toBe('MERCHANT#m1#REDEMPTIONS');
    const [named] = dynamoDbAccesses('Query', {
      KeyConditionExpression: 'begins_with(#s, :s) AND #p = :p',
      ExpressionAttributeNames: { '#p': 'pk', '#s': 'sk' },
      ExpressionAttributeValues: { ':p': { S: 'PEOPLE#c1' }, ':s': { S: 'x' } },
    });
    expect(named?.partition).toBe('PEOPLE#c1');
  });

  it('lists every item of a transaction and a batch, a condition check as a read', () => {
    const accesses = dynamoDbAccesses('TransactWriteItems', {
      TransactItems: [
        { ConditionCheck: { Key: { pk: 'CAMPAIGN#c1', sk: 'MERCHANT#m1' } } },
        { Update: { Key: { pk: 'VOUCHER#v1', sk: 'VOUCHER' } } },
        { Put: { Item: { pk: 'REDEMPTION#r1', sk: 'REDEMPTION' } } },
        { Delete: { Key: { pk: 'IDEMPOTENCY#u#k', sk: 'IDEMPOTENCY' } } },
      ],
    });
    expect(accesses.map((access) => `${access.action} ${access.partition}`)).toEqual([
      'read CAMPAIGN#c1',
      'write VOUCHER#v1',
      'write REDEMPTION#r1',
      'write IDEMPOTENCY#u#k',
    ]);
    const batch = dynamoDbAccesses('BatchGetItem', {
      RequestItems: {
        t: {
          Keys: [
            { pk: 'VOUCHER#v1', sk: 'VOUCHER' },
            { pk: 'RATE#x#y', sk: 'RATE' },
          ],
        },
      },
    });
    expect(batch.map((access) => access.partition)).toEqual(['VOUCHER#v1', 'RATE#x#y']);
  });

  it('refuses to guess: a Query without a partition value is an error, not an allowed call', () => {
    expect(() => dynamoDbAccesses('Query', { KeyConditionExpression: 'sk = :s' })).toThrow(/no value for pk/);
  });
});

describe('what a grant allows', () => {
  const scoped = { table: { read: ['VOUCHER#*', 'CAMPAIGN#*'], write: ['APPLICATION#*'] } } as const;

  it('matches partitions with IAM StringLike patterns, where only * and ? are special', () => {
    expect(matchesPattern('VOUCHER#*', 'VOUCHER#abc')).toBe(true);
    expect(matchesPattern('VOUCHER#*', 'XVOUCHER#abc')).toBe(false);
    expect(matchesPattern('MERCHANT#*#REDEMPTIONS', 'MERCHANT#m1#REDEMPTIONS')).toBe(true);
    expect(matchesPattern('MERCHANT#*#REDEMPTIONS', 'MERCHANT#m1#SETTLEMENTS')).toBe(false);
    expect(matchesPattern('A.B', 'AxB')).toBe(false);
  });

  it('keeps reads and writes apart, and a scoped grant never allows a Scan', () => {
    const read = (partition: string) =>
      ({ service: 'dynamodb', action: 'read', operation: 'GetItem', partition }) as const;
    const write = (partition: string) =>
      ({ service: 'dynamodb', action: 'write', operation: 'UpdateItem', partition }) as const;
    expect(allows(scoped, read('VOUCHER#v1'))).toBe(true);
    expect(allows(scoped, write('VOUCHER#v1'))).toBe(false);
    expect(allows(scoped, write('APPLICATION#a1'))).toBe(true);
    expect(allows(scoped, read('APPLICATION#a1'))).toBe(false);
    expect(allows(scoped, { service: 'dynamodb', action: 'scan', operation: 'Scan', partition: '' })).toBe(false);
    expect(allows({ table: 'read' }, write('VOUCHER#v1'))).toBe(false);
    expect(allows({ table: 'readWrite' }, write('VOUCHER#v1'))).toBe(true);
    expect(allows({}, read('VOUCHER#v1'))).toBe(false);
  });

  it('scopes objects by key prefix, a listing by its prefix', () => {
    const documents = { buckets: { documents: { read: ['applications/'], write: ['applications/'] } } };
    const [put] = s3Accesses('PutObject', { Bucket: 'b', Key: 'applications/c1/a1/proof' });
    const [register] = s3Accesses('GetObject', { Bucket: 'b', Key: 'uploads/registers/c1/i1.csv' });
    const [listing] = s3Accesses('ListObjectsV2', { Bucket: 'b', Prefix: 'uploads/' });
    expect(put && allows(documents, put)).toBe(true);
    expect(register && allows(documents, register)).toBe(false);
    expect(listing && allows(documents, listing)).toBe(false);
    expect(register && allows({ buckets: { documents: 'read' } }, register)).toBe(true);
    expect(put && allows({ buckets: { documents: 'read' } }, put)).toBe(false);
  });

  it('refuses in the words AWS uses, naming the function and the partition', () => {
    const error = accessDenied('fileApplication', {
      service: 'dynamodb',
      action: 'write',
      operation: 'UpdateItem',
      partition: 'VOUCHER#v1',
    });
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toContain('fileApplication');
    expect(error.message).toContain('dynamodb:UpdateItem on partition VOUCHER#v1');
  });
});
