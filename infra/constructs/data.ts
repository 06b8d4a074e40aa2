/**
 * Where the platform keeps its data: the one DynamoDB table, built from shared/data/table-design.ts (as the
 * local target builds its own), the documents bucket, and the bucket that receives the access logs.
 */
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { TABLE_DESIGN, type TableDesign } from '../../shared/data/table-design.ts';
import { UPLOADS_PREFIX } from '../../shared/imports/register-import.ts';

export interface DataProps {
  /**
   * Production keeps data when the stack or a resource is deleted (RETAIN + deletion protection);
   * other stages are disposable (DESTROY), so a dev stack can be torn down completely.
   */
  readonly retainData: boolean;
  /**
   * The table's keys and indexes.
   * @default TABLE_DESIGN
   */
  readonly tableDesign?: TableDesign;
  /**
   * How long noncurrent versions of documents are kept before they expire.
   * @default Duration.days(90)
   */
  readonly noncurrentVersionExpiration?: Duration;
  /**
   * How long S3 and CloudFront access logs are kept: they hold callers' IP addresses (personal data).
   * @default Duration.days(90)
   */
  readonly accessLogExpiration?: Duration;
}

export class Data extends Construct {
  readonly table: TableV2;
  readonly documentsBucket: Bucket;
  /** The documents bucket's name, without a reference to the bucket (see its definition). */
  readonly documentsBucketName: string;
  /** Receives S3 server access logs and CloudFront standard logs, under one prefix per source. */
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const design = props.tableDesign ?? TABLE_DESIGN;
    const removalPolicy = props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.table = new TableV2(this, 'Table', {
      partitionKey: { name: design.partitionKey, type: AttributeType.STRING },
      sortKey: { name: design.sortKey, type: AttributeType.STRING },
      globalSecondaryIndexes: design.globalSecondaryIndexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
      timeToLiveAttribute: design.timeToLiveAttribute,
      // The dashboard's aggregator counts the ledger's changes from it (infra/constructs/stream-consumers.ts).
      dynamoStream: StreamViewType[design.stream],
      // A town's traffic is spiky (letters go out, Saturday shopping) and small on average: pay per request.
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // AWS-managed key (aws/dynamodb) rather than the default AWS-owned key: every use of the key shows up
      // in CloudTrail, which matters for personal and financial data. A customer-managed key would add
      // cost and a key policy to maintain for no extra benefit until the table is shared across accounts.
      encryption: TableEncryptionV2.awsManagedKey(),
      deletionProtection: props.retainData,
      removalPolicy,
    });

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // Server access logging cannot write to SSE-KMS buckets; SSE-S3 is what AWS supports for log buckets.
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with an ACL grant, which needs ACLs enabled on the bucket;
      // S3 server access logs use the bucket policy that CDK adds.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: props.accessLogExpiration ?? Duration.days(90) }],
      removalPolicy,
      autoDeleteObjects: !props.retainData,
    });

    // A name known before deployment (the account and region are parameters, not resources): the pages' CSP
    // names this bucket while the bucket's CORS names the pages' distribution, and a generated name would make
    // the two depend on each other, a cycle CloudFormation refuses.
    const stack = Stack.of(this);
    this.documentsBucketName = `${stack.stackName.toLowerCase()}-documents-${stack.account}-${stack.region}`;
    this.documentsBucket = new Bucket(this, 'Documents', {
      bucketName: this.documentsBucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // Letters and settlement reports are evidence: an overwrite or delete must stay recoverable.
      versioned: true,
      lifecycleRules: [
        {
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
        },
        {
          // Register files carry every national number in clear: the import deletes them once read, and
          // one uploaded but never processed goes after a day, its old versions a day later.
          prefix: UPLOADS_PREFIX,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 's3/documents/',
      removalPolicy,
      autoDeleteObjects: !props.retainData,
    });
  }
}
