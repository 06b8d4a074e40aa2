/** The table is built from TABLE_DESIGN with backups and encryption; buckets are private and TLS-only. */
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { TABLE_DESIGN } from '../../shared/data/table-design.ts';
import { bucketPolicyStatements, logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;
let prod: Synthesised;

beforeAll(() => {
  dev = synthStack('dev', { bundle: false });
  prod = synthStack('prod', { bundle: false });
});

function onlyTable(template: Template) {
  const tables = Object.values(resourcesOfType(template, 'AWS::DynamoDB::GlobalTable'));
  expect(tables).toHaveLength(1);
  // biome-ignore lint/style/noNonNullAssertion: length checked on the line above
  return tables[0]!;
}

describe('the table', () => {
  it('has the keys, indexes and TTL attribute of TABLE_DESIGN', () => {
    dev.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE_DESIGN.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_DESIGN.sortKey, KeyType: 'RANGE' },
      ],
      TimeToLiveSpecification: { AttributeName: TABLE_DESIGN.timeToLiveAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
    const indexes = onlyTable(dev.template).Properties?.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string; KeyType: string }[];
      Projection: { ProjectionType: string };
    }[];
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(
      TABLE_DESIGN.globalSecondaryIndexes.map((index) => index.indexName).sort(),
    );
    for (const design of TABLE_DESIGN.globalSecondaryIndexes) {
      const index = indexes.find((candidate) => candidate.IndexName === design.indexName);
      expect(index?.KeySchema).toEqual([
        { AttributeName: design.partitionKey, KeyType: 'HASH' },
        { AttributeName: design.sortKey, KeyType: 'RANGE' },
      ]);
      expect(index?.Projection.ProjectionType).toBe('ALL');
    }
  });

  it('has point-in-time recovery and KMS encryption in every stage', () => {
    for (const { template } of [dev, prod]) {
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS' },
        Replicas: [Match.objectLike({ PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })],
      });
    }
  });

  it('is protected from deletion and retained in prod only', () => {
    const prodTable = onlyTable(prod.template);
    expect(prodTable.DeletionPolicy).toBe('Retain');
    expect(prodTable.UpdateReplacePolicy).toBe('Retain');
    expect(prodTable.Properties?.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: true })]);

    const devTable = onlyTable(dev.template);
    expect(devTable.DeletionPolicy).toBe('Delete');
    expect(devTable.Properties?.Replicas).toEqual([expect.objectContaining({ DeletionProtectionEnabled: false })]);
  });
});

describe('the buckets', () => {
  it('all block public access and are encrypted', () => {
    const buckets = Object.values(resourcesOfType(dev.template, 'AWS::S3::Bucket'));
    expect(buckets.length).toBeGreaterThanOrEqual(3);
    for (const bucket of buckets) {
      expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties?.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      });
    }
  });

  it('all deny requests without TLS', () => {
    const buckets = Object.keys(resourcesOfType(dev.template, 'AWS::S3::Bucket'));
    for (const bucketId of buckets) {
      expect(bucketPolicyStatements(dev.template, bucketId), bucketId).toContainEqual(
        expect.objectContaining({
          Effect: 'Deny',
          Action: 's3:*',
          Principal: { AWS: '*' },
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        }),
      );
    }
  });

  it('the documents bucket keeps versions for a while and logs its access', () => {
    const documentsId = logicalIdOf(dev.stack, dev.stack.data.documentsBucket);
    const logsId = logicalIdOf(dev.stack, dev.stack.data.accessLogsBucket);
    const documents = resourcesOfType(dev.template, 'AWS::S3::Bucket')[documentsId];
    expect(documents?.Properties?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(documents?.Properties?.LifecycleConfiguration).toEqual({
      Rules: [
        expect.objectContaining({ NoncurrentVersionExpiration: { NoncurrentDays: 90 }, Status: 'Enabled' }),
        // Uploaded register files (national numbers in clear) never linger.
        expect.objectContaining({
          Prefix: 'uploads/',
          ExpirationInDays: 1,
          NoncurrentVersionExpiration: { NoncurrentDays: 1 },
          Status: 'Enabled',
        }),
      ],
    });
    expect(documents?.Properties?.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: logsId },
      LogFilePrefix: 's3/documents/',
    });
  });

  it('the documents bucket is retained in prod and disposable in dev', () => {
    const documentsId = logicalIdOf(prod.stack, prod.stack.data.documentsBucket);
    expect(resourcesOfType(prod.template, 'AWS::S3::Bucket')[documentsId]?.DeletionPolicy).toBe('Retain');
    const devDocumentsId = logicalIdOf(dev.stack, dev.stack.data.documentsBucket);
    expect(resourcesOfType(dev.template, 'AWS::S3::Bucket')[devDocumentsId]?.DeletionPolicy).toBe('Delete');
  });
});

describe('the secrets', () => {
  it('the voucher code key is never rotated, and retained in prod: printed codes depend on it', () => {
    const prodId = logicalIdOf(prod.stack, prod.stack.secrets.secrets.voucherCodeKey);
    expect(resourcesOfType(prod.template, 'AWS::SecretsManager::Secret')[prodId]?.DeletionPolicy).toBe('Retain');
    const devId = logicalIdOf(dev.stack, dev.stack.secrets.secrets.voucherCodeKey);
    expect(resourcesOfType(dev.template, 'AWS::SecretsManager::Secret')[devId]?.DeletionPolicy).toBe('Delete');
    dev.template.resourceCountIs('AWS::SecretsManager::RotationSchedule', 0);
  });

  it('the generated value is valid base64 of at least 32 bytes, as the handlers require', () => {
    // 64 characters of [A-Za-z0-9] only (no punctuation, no space) decode as base64 to 48 bytes.
    dev.template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: Match.objectEquals({
        PasswordLength: 64,
        ExcludePunctuation: true,
        IncludeSpace: false,
        RequireEachIncludedType: true,
      }),
    });
  });
});
