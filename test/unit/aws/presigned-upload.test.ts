/**
 * A page uploads a register or a proof with a presigned PUT. With the SDK's default checksums the URL would
 * carry the CRC32 of the empty body known at signing time, and S3 would refuse the real file: the AWS
 * client must sign uploads without one (the local client already does, for s3rver).
 */
import { describe, expect, it } from 'vitest';
import { createS3Client } from '../../../shared/aws/clients.ts';
import { createDocumentStore } from '../../../shared/data/document-store.ts';

describe('presigned upload URLs in AWS', () => {
  it('carry no checksum of a body the browser has not sent yet', async () => {
    const s3 = createS3Client({ region: 'eu-west-1' });
    s3.config.credentials = async () => ({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    const documents = createDocumentStore({ s3, bucket: 'town-documents-bucket' });

    const url = new URL(
      await documents.uploadUrl('uploads/register.csv', { contentType: 'text/csv', expiresInSeconds: 60 }),
    );

    expect(url.host).toBe('town-documents-bucket.s3.eu-west-1.amazonaws.com');
    expect([...url.searchParams.keys()].filter((name) => /checksum/i.test(name))).toEqual([]);
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toContain('content-type');
  });
});
