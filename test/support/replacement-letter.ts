/**
 * The code of a replacement voucher, read the only way it leaves the system: from the letter manifest the
 * next letter run prints (the void-and-reissue answer never carries it). Tests that spend a replacement
 * take its code from here, as the family takes it from the letter.
 */
import { createS3Client } from '../../shared/aws/clients.ts';
import { createDocumentStore } from '../../shared/data/document-store.ts';
import { letterManifestKey } from '../../shared/letters/letter-manifest.ts';
import { openCode } from '../../shared/vouchers/code-seal.ts';
import { formatCode } from '../../shared/vouchers/voucher-code.ts';
import { codeKey } from './ledger-fixtures.ts';
import { localTarget } from './local-target.ts';

export async function replacementCode(campaignId: string, replacementVoucherId: string): Promise<string> {
  const documents = createDocumentStore({
    s3: createS3Client({ region: 'eu-west-1', endpoints: localTarget().endpoints }),
    bucket: localTarget().buckets.documents ?? '',
  });
  // The key void-and-reissue writes (shared/services/voucher-service.ts).
  const key = letterManifestKey(campaignId, `reissue-${replacementVoucherId.slice(1, 13)}`, 1, 'reissue');
  const bytes = await documents.getBytes(key);
  if (!bytes) throw new Error(`No replacement letter for ${replacementVoucherId} (${key})`);
  const line = JSON.parse(new TextDecoder().decode(bytes).trim()) as { voucherId: string; sealedCode: string };
  if (line.voucherId !== replacementVoucherId) throw new Error(`${key} holds ${line.voucherId}`);
  return formatCode(openCode(codeKey(), line.sealedCode));
}
