/**
 * The documents bucket as the services use it: small objects written whole (reports, letter manifests),
 * big ones read as streams (register files), and short-lived presigned URLs for browsers to upload and
 * download without the bytes passing through a Lambda (API Gateway caps bodies at 10 MB, and should).
 */

import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export interface DocumentsContext {
  readonly s3: S3Client;
  readonly bucket: string;
}

export interface StoredObject {
  readonly size: number;
  readonly contentType: string | undefined;
}

function isMissing(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return name === 'NotFound' || name === 'NoSuchKey' || status === 404;
}

export function createDocumentStore(documents: DocumentsContext) {
  const { s3, bucket } = documents;
  return {
    async put(key: string, body: string | Uint8Array, contentType: string): Promise<void> {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
    },

    /**
     * Writes an object from a stream of chunks of unknown total size (multipart, 5 MB parts, two in flight):
     * memory stays flat however big the object grows. Returns its size in bytes.
     */
    async putStream(key: string, body: AsyncIterable<string | Uint8Array>, contentType: string): Promise<number> {
      let bytes = 0;
      const counted = async function* () {
        for await (const chunk of body) {
          const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          bytes += data.length;
          yield data;
        }
      };
      const upload = new Upload({
        client: s3,
        params: { Bucket: bucket, Key: key, Body: Readable.from(counted()), ContentType: contentType },
        partSize: 5 * 1024 * 1024,
        queueSize: 2,
      });
      await upload.done();
      return bytes;
    },

    async getBytes(key: string): Promise<Uint8Array | undefined> {
      try {
        const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await result.Body?.transformToByteArray();
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    async head(key: string): Promise<StoredObject | undefined> {
      try {
        const result = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return { size: result.ContentLength ?? 0, contentType: result.ContentType };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    /** The first `length` bytes (fewer if the object is shorter): enough to check a file's magic number. */
    async readStart(key: string, length: number): Promise<Uint8Array> {
      const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=0-${length - 1}` }));
      const bytes = (await result.Body?.transformToByteArray()) ?? new Uint8Array();
      // A server that ignores Range sends everything: keep what was asked for.
      return bytes.subarray(0, length);
    },

    async getText(key: string): Promise<string | undefined> {
      try {
        const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return await result.Body?.transformToString('utf-8');
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },

    /** Opens the object as a stream of chunks, from its first byte, each time it is called. */
    opener(key: string): () => Promise<AsyncIterable<Uint8Array>> {
      return async () => {
        const result = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        if (!result.Body) throw new Error(`s3://${bucket}/${key} has no body`);
        return result.Body as AsyncIterable<Uint8Array>;
      };
    },

    async delete(key: string): Promise<void> {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
    },

    async list(prefix: string): Promise<string[]> {
      return (await this.listObjects(prefix)).map((object) => object.key);
    },

    /** The objects under `prefix`, with when each was last written. */
    async listObjects(prefix: string): Promise<Array<{ key: string; lastModified: Date; size: number }>> {
      const objects: Array<{ key: string; lastModified: Date; size: number }> = [];
      let token: string | undefined;
      do {
        const page = await s3.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          if (item.Key)
            objects.push({ key: item.Key, lastModified: item.LastModified ?? new Date(0), size: item.Size ?? 0 });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return objects;
    },

    /**
     * A presigned PUT. The content type is signed, and so is the length when given: S3 then refuses any
     * other type or size, so a browser can only upload what the API agreed to.
     */
    uploadUrl(
      key: string,
      options: { contentType: string; contentLength?: number; expiresInSeconds: number },
    ): Promise<string> {
      const command = new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        ContentType: options.contentType,
        ...(options.contentLength === undefined ? {} : { ContentLength: options.contentLength }),
      });
      return getSignedUrl(s3, command, {
        expiresIn: options.expiresInSeconds,
        signableHeaders: new Set(['content-type', ...(options.contentLength === undefined ? [] : ['content-length'])]),
      });
    },

    /** A presigned GET, short-lived: whoever holds the URL can read the object until it expires. */
    downloadUrl(
      key: string,
      options: { expiresInSeconds: number; fileName?: string; contentType?: string },
    ): Promise<string> {
      const command = new GetObjectCommand({
        Bucket: bucket,
        Key: key,
        ...(options.fileName ? { ResponseContentDisposition: `attachment; filename="${options.fileName}"` } : {}),
        ...(options.contentType ? { ResponseContentType: options.contentType } : {}),
      });
      return getSignedUrl(s3, command, { expiresIn: options.expiresInSeconds });
    },
  };
}

export type DocumentStore = ReturnType<typeof createDocumentStore>;
