/** A local S3 (s3rver), path-style, with the platform's buckets; objects kept on disk or in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { BROWSER_UPLOAD_CORS } from '../../../functions/routes/cors.ts';
import { presignedUploadCheck } from './s3-presigned-uploads.ts';
import type { RunningService } from './service.ts';

export interface S3Options {
  readonly port: number;
  /** Folder for objects; a throw-away temp folder when absent (tests). */
  readonly dataDir?: string;
  readonly buckets: readonly string[];
  /** Origins whose pages may PUT and GET presigned URLs from the browser (the local web server). */
  readonly uploadOrigins?: readonly string[];
}

/** The buckets' CORS configuration, in the XML that S3's PutBucketCors takes (and s3rver reads). */
export function corsConfiguration(origins: readonly string[]): string {
  const rule = [
    ...origins.map((origin) => `<AllowedOrigin>${origin}</AllowedOrigin>`),
    ...BROWSER_UPLOAD_CORS.methods.map((method) => `<AllowedMethod>${method}</AllowedMethod>`),
    ...BROWSER_UPLOAD_CORS.allowHeaders.map((header) => `<AllowedHeader>${header}</AllowedHeader>`),
    `<MaxAgeSeconds>${BROWSER_UPLOAD_CORS.maxAgeSeconds}</MaxAgeSeconds>`,
  ].join('');
  return `<CORSConfiguration><CORSRule>${rule}</CORSRule></CORSConfiguration>`;
}

export async function startS3(options: S3Options): Promise<RunningService> {
  const temporary = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'voucher-s3-'));
  const configs = options.uploadOrigins?.length ? [corsConfiguration(options.uploadOrigins)] : [];
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    silent: true,
    directory: options.dataDir ?? temporary,
    configureBuckets: options.buckets.map((name) => ({ name, configs })),
  });
  // Right after s3rver's logger, before its routes: a presigned PUT is checked as S3 checks it.
  (server as unknown as { middleware: unknown[] }).middleware.splice(
    1,
    0,
    presignedUploadCheck(`http://127.0.0.1:${options.port}`),
  );
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    async stop() {
      await server.close();
      if (temporary) rmSync(temporary, { recursive: true, force: true });
    },
  };
}
