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
  /** Local target only (tests): other per-attempt limits than LOCAL_REQUEST_TIMEOUTS. */
  readonly requestTimeouts?: { readonly connectionTimeout: number; readonly requestTimeout: number };
}

const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * How long one HTTP attempt of an AWS call may take: to connect, and without a byte moving on the socket
 * (so a long S3 stream is not cut, a stalled one is). The SDK makes at most 3 attempts: 3 × (1 + 2 s) and its
 * backoff stay below the functions' 10 s, so a call to a stalled service fails inside the function (a 500
 * problem, or the caller's own handling) instead of the request hanging until API Gateway gives up.
 * Without it the SDK waits as long as the socket lives.
 */
export const AWS_REQUEST_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 2_000 } as const;
/**
 * S3 in AWS: jobs stream registers and letter PDFs, and S3 may take a while to confirm a large multipart
 * upload; the HTTP functions only presign. Wider, still finite.
 */
export const S3_REQUEST_TIMEOUTS = { connectionTimeout: 1_000, requestTimeout: 20_000 } as const;
/** This SDK only logs a warning when requestTimeout passes unless told to fail the attempt. */
const FAIL_ON_TIMEOUT = { throwOnRequestTimeout: true } as const;
/**
 * The local emulators share a small machine with the tests: the same guard against hanging, wider (DynamoDB
 * Local's JVM took over 5 s to accept a connection on a loaded 2-core runner).
 */
export const LOCAL_REQUEST_TIMEOUTS = { connectionTimeout: 15_000, requestTimeout: 30_000 } as const;

/**
 * What the local target hands each client built for a local endpoint: the grant checks
 * (infra/local/function-grants.ts) and the cost meter (test/bench/cost-meter.ts) add their middleware.
 */
export type LocalClientObserver = (
  service: keyof AwsEndpoints,
  client: DynamoDBClient | S3Client | SESv2Client | SFNClient | LambdaClient | SecretsManagerClient,
) => void;

const localClientObservers = new Set<LocalClientObserver>();

/**
 * Local target only: `observer` sees every client built for a local endpoint from now on; clients built for
 * AWS (no endpoint) never do. Returns how to stop.
 */
export function observeLocalClients(observer: LocalClientObserver): () => void {
  localClientObservers.add(observer);
  return () => localClientObservers.delete(observer);
}

function observed<C extends Parameters<LocalClientObserver>[1]>(
  service: keyof AwsEndpoints,
  endpoint: string | undefined,
  client: C,
): C {
  if (endpoint) for (const observer of localClientObservers) observer(service, client);
  return client;
}

function base(options: AwsClientOptions, endpoint: string | undefined) {
  if (!endpoint) return { region: options.region, requestHandler: { ...AWS_REQUEST_TIMEOUTS, ...FAIL_ON_TIMEOUT } };
  return {
    region: options.region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 3,
    requestHandler: { ...(options.requestTimeouts ?? LOCAL_REQUEST_TIMEOUTS), ...FAIL_ON_TIMEOUT },
  };
}

export function createDynamoDbClients(options: AwsClientOptions): { raw: DynamoDBClient; doc: DynamoDBDocumentClient } {
  const raw = observed(
    'dynamodb',
    options.endpoints?.dynamodb,
    new DynamoDBClient(base(options, options.endpoints?.dynamodb)),
  );
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
  if (!endpoint) {
    return new S3Client({
      region: options.region,
      requestHandler: { ...S3_REQUEST_TIMEOUTS, ...FAIL_ON_TIMEOUT },
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
  }
  const client = new S3Client({
    ...base(options, endpoint),
    // s3rver only understands path-style URLs, and would store aws-chunked framing inside streamed bodies
    // if the SDK added its default checksums (see the team's TOOLCHAIN notes).
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return observed('s3', endpoint, client);
}

export function createSesClient(options: AwsClientOptions): SESv2Client {
  return observed('ses', options.endpoints?.ses, new SESv2Client(base(options, options.endpoints?.ses)));
}

export function createSfnClient(options: AwsClientOptions): SFNClient {
  return observed('sfn', options.endpoints?.sfn, new SFNClient(base(options, options.endpoints?.sfn)));
}

/** Starts the background jobs (async Invoke); locally, infra/local/services/lambda.ts answers. */
export function createLambdaClient(options: AwsClientOptions): LambdaClient {
  return observed('lambda', options.endpoints?.lambda, new LambdaClient(base(options, options.endpoints?.lambda)));
}

export function createSecretsClient(options: AwsClientOptions): SecretsManagerClient {
  return observed(
    'secrets',
    options.endpoints?.secrets,
    new SecretsManagerClient(base(options, options.endpoints?.secrets)),
  );
}
