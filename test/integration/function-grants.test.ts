/**
 * Item 9 of the hardening issue, locally: each function reaches only the partitions and object prefixes its
 * route grants, as its IAM role does in AWS. The checks are the local target's (infra/local/function-grants.ts),
 * here run against the real DynamoDB Local and s3rver.
 */
import { UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { beforeAll, describe, expect, it } from 'vitest';
import { installGrantChecks, runAsFunction } from '../../infra/local/function-grants.ts';
import { LOCAL_FUNCTIONS, type LocalFunction } from '../../infra/local/local-functions.ts';
import { proofObjectKey } from '../../shared/applications/application.ts';
import { createDynamoDbClients, createS3Client } from '../../shared/aws/clients.ts';
import { voucherKeys } from '../../shared/data/keys.ts';
import { registerObjectKey } from '../../shared/imports/register-import.ts';
import { localTarget, uniqueId } from '../support/local-target.ts';

function fn(name: string): LocalFunction {
  const found = LOCAL_FUNCTIONS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no function ${name}`);
  return found;
}

let dynamodb: ReturnType<typeof createDynamoDbClients>['raw'];
let s3: ReturnType<typeof createS3Client>;
let tableName: string;
let bucket: string;

beforeAll(() => {
  // In this process as in the target: the clients built after this are checked.
  installGrantChecks();
  const info = localTarget();
  dynamodb = createDynamoDbClients({ region: 'eu-west-1', endpoints: info.endpoints }).raw;
  s3 = createS3Client({ region: 'eu-west-1', endpoints: info.endpoints });
  tableName = info.tableName;
  bucket = info.buckets.documents ?? '';
});

/** Takes a voucher's balance to 0, only if the voucher exists (so an allowed call changes nothing here). */
const spendVoucher = (voucherId: string) => {
  const key = voucherKeys.item(voucherId);
  return dynamodb.send(
    new UpdateItemCommand({
      TableName: tableName,
      Key: { pk: { S: key.pk }, sk: { S: key.sk } },
      UpdateExpression: 'SET balanceCents = :zero',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':zero': { N: '0' } },
    }),
  );
};

describe('each function reaches only what its role allows', () => {
  it('the public application routes cannot write a voucher balance; the till that redeems can', async () => {
    const voucherId = uniqueId('v');
    for (const name of ['fileApplication', 'submitApplication', 'lookupPublicVoucher']) {
      await expect(
        runAsFunction(fn(name), () => spendVoucher(voucherId)),
        name,
      ).rejects.toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining(`dynamodb:UpdateItem on partition VOUCHER#${voucherId}`),
      });
    }
    // Allowed: the call reaches DynamoDB, which refuses it for its own reason (no such voucher).
    await expect(runAsFunction(fn('redeem'), () => spendVoucher(voucherId))).rejects.toMatchObject({
      name: 'ConditionalCheckFailedException',
    });
  });

  it("the public application routes cannot read the registers' uploads (national numbers); the import job can", async () => {
    const key = registerObjectKey(uniqueId('c'), uniqueId('i'));
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'nationalNumber\n', ContentType: 'text/csv' }),
    );
    const read = () => s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    for (const name of ['fileApplication', 'submitApplication']) {
      await expect(runAsFunction(fn(name), read), name).rejects.toMatchObject({ name: 'AccessDeniedException' });
    }
    const answer = await runAsFunction(fn('importRegister'), read);
    expect(await answer.Body?.transformToString()).toBe('nationalNumber\n');
  });

  it('a presigned upload is refused outside the prefix the function may write, as S3 would refuse the upload', async () => {
    const sign = (key: string) =>
      getSignedUrl(s3, new PutObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: 60 });
    const proof = proofObjectKey(uniqueId('c'), uniqueId('a'));
    await expect(runAsFunction(fn('fileApplication'), () => sign(proof))).resolves.toContain(encodeURI(proof));
    await expect(
      runAsFunction(fn('fileApplication'), () => sign(registerObjectKey(uniqueId('c'), uniqueId('i')))),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('a read-only function cannot write, and a function with no table grant cannot read', async () => {
    await expect(runAsFunction(fn('getCampaign'), () => spendVoucher(uniqueId('v')))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    await expect(runAsFunction(fn('getHealth'), () => spendVoucher(uniqueId('v')))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
