/**
 * The documents bucket for handlers that use it: configuration checked and the S3 client built once per cold
 * start. Import it only where a handler uses the bucket: the store's streaming upload (lib-storage) runs code
 * as it loads, so a Lambda bundle that merely reaches this module carries it and the S3 client, used or not
 * (test/infra/bundle-clients.test.ts holds every bundle to the clients its function is granted).
 */
import * as z from 'zod/mini';
import { createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore, type DocumentStore } from '../../shared/data/document-store.ts';
import { awsClientOptions, loadConfig } from './config.ts';
import { ENV } from './environment-variables.ts';

let documents: DocumentStore | undefined;

export function documentsFromEnvironment(): DocumentStore {
  if (!documents) {
    const config = loadConfig({ [ENV.documentsBucket]: z.string().check(z.minLength(3)) });
    documents = createDocumentStore({ s3: createS3Client(awsClientOptions(config)), bucket: config.DOCUMENTS_BUCKET });
  }
  return documents;
}
