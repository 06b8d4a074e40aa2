/**
 * The one place AWS SDK clients are built. Handlers build them once per cold start and pass them to the
 * data layer; tests and the local target build them the same way, pointed at the local services.
 *
 * In AWS no endpoint is set and the SDK uses the Lambda role. Locally each service has an endpoint on
 * 127.0.0.1 and fixed credentials (s3rver only accepts S3RVER/S3RVER; the others accept anything).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { S3Client } from '@aws-sdk/client-s3';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface AwsEndpoints {
  readonly dynamodb?: string | undefined;
  readonly s3?: string | undefined;
  readonly ses?: string | undefined;
  readonly sfn?: string | undefined;
  readonly lambda?: string | undefined;
  readonly secrets?: string | undefined;
}

export interface AwsClientOptions {
  readonly region: string;
  /** Local target only: where the emulators listen. Absent in AWS. */
  readonly endpoints?: AwsEndpoints;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function base(options: AwsClientOptions, endpoint: string | undefined) {
  if (!endpoint) return { region: options.region };
  return { region: options.region, endpoint, credentials: LOCAL_CREDENTIALS, maxAttempts: 3 };
}

export function createDynamoDbClients(options: AwsClientOptions): { raw: DynamoDBClient; doc: DynamoDBDocumentClient } {
  const raw = new DynamoDBClient(base(options, options.endpoints?.dynamodb));
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
  return { raw, doc };
}

export function createS3Client(options: AwsClientOptions): S3Client {
  const endpoint = options.endpoints?.s3;
  // Presigned PUTs (registers, proofs uploaded from the pages) must not carry a checksum: at signing time
  // the SDK's default would bake in the CRC32 of an empty body, and S3 would refuse the browser's real file.
  if (!endpoint) return new S3Client({ region: options.region, requestChecksumCalculation: 'WHEN_REQUIRED' });
  return new S3Client({
    ...base(options, endpoint),
    // s3rver only understands path-style URLs, and would store aws-chunked framing inside streamed bodies
    // if the SDK added its default checksums (see the team's TOOLCHAIN notes).
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

export function createSesClient(options: AwsClientOptions): SESv2Client {
  return new SESv2Client(base(options, options.endpoints?.ses));
}

export function createSfnClient(options: AwsClientOptions): SFNClient {
  return new SFNClient(base(options, options.endpoints?.sfn));
}

/** Starts the background jobs (async Invoke); locally, infra/local/services/lambda.ts answers. */
export function createLambdaClient(options: AwsClientOptions): LambdaClient {
  return new LambdaClient(base(options, options.endpoints?.lambda));
}

export function createSecretsClient(options: AwsClientOptions): SecretsManagerClient {
  return new SecretsManagerClient(base(options, options.endpoints?.secrets));
}
