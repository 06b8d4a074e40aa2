/**
 * What S3 checks of a presigned PUT and s3rver does not (it accepts any SigV4 signature): that the request is
 * the one that was signed. The signature is computed again, with the SDK's own presigner, from the request as
 * it arrives (its content type, and its length when the length was signed); a body of another size or type
 * than the API agreed to is refused with S3's 403 SignatureDoesNotMatch, as in AWS.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createS3Client } from '../../../shared/aws/clients.ts';

/** The part of Koa's context (s3rver is a Koa app) this check reads and answers with. */
interface UploadContext {
  readonly method: string;
  readonly path: string;
  readonly query: Record<string, string | string[] | undefined>;
  get(header: string): string;
  status: number;
  body: unknown;
  type: string;
}

type Middleware = (ctx: UploadContext, next: () => Promise<unknown>) => Promise<unknown>;

/** `20261130T123456Z` -> the instant. */
function amzDate(value: string): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  return match ? new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`) : undefined;
}

const refusal = (message: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>${message}</Message></Error>`;

export function presignedUploadCheck(endpoint: string): Middleware {
  const s3 = createS3Client({ region: 'eu-west-1', endpoints: { s3: endpoint } });
  return async (ctx, next) => {
    const signature = ctx.query['X-Amz-Signature'];
    if (ctx.method !== 'PUT' || typeof signature !== 'string') return next();
    const [, bucket, ...keyParts] = ctx.path.split('/');
    const signedHeaders = String(ctx.query['X-Amz-SignedHeaders'] ?? '').split(';');
    const signingDate = amzDate(String(ctx.query['X-Amz-Date'] ?? ''));
    const expiresIn = Number(ctx.query['X-Amz-Expires']);
    const region = String(ctx.query['X-Amz-Credential'] ?? '').split('/')[2];
    const length = ctx.get('content-length');
    const type = ctx.get('content-type');
    let expected: string | null = null;
    if (bucket && keyParts.length > 0 && signingDate && Number.isFinite(expiresIn) && region) {
      const url = await getSignedUrl(
        region === 'eu-west-1' ? s3 : createS3Client({ region, endpoints: { s3: endpoint } }),
        new PutObjectCommand({
          Bucket: decodeURIComponent(bucket),
          Key: keyParts.map(decodeURIComponent).join('/'),
          ...(signedHeaders.includes('content-type') && type ? { ContentType: type } : {}),
          ...(signedHeaders.includes('content-length') && length ? { ContentLength: Number(length) } : {}),
        }),
        { signingDate, expiresIn, signableHeaders: new Set(signedHeaders.filter((name) => name !== 'host')) },
      );
      expected = new URL(url).searchParams.get('X-Amz-Signature');
    }
    if (expected !== signature) {
      ctx.status = 403;
      ctx.type = 'application/xml';
      ctx.body = refusal('The request (its type or its length) is not the one the URL was signed for.');
      return undefined;
    }
    return next();
  };
}
