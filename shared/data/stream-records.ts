/**
 * The table's stream records (as Lambda's event source mapping hands them over, and as the local target's
 * poller builds them) turned into ledger changes: the item before and after, unmarshalled and checked.
 * Records of other item types are not ledger changes and are left out.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { LedgerChange } from '../dashboard/ledger-change.ts';
import { RedemptionImageSchema, VoucherImageSchema } from '../dashboard/ledger-contributions.ts';

/** The item types (`type` attribute) whose changes the dashboard counts: the stream mapping's filter. */
export const LEDGER_ITEM_TYPES = ['Redemption', 'Voucher'] as const;

type Image = NonNullable<NonNullable<DynamoDBRecord['dynamodb']>['NewImage']>;

// aws-lambda types the images with its own AttributeValue; the wire format is the SDK's (JSON), and the
// ledger's items hold no binary attribute, where the two would differ (base64 string or bytes).
const plain = (image: Image | undefined) =>
  image ? unmarshall(image as unknown as Record<string, AttributeValue>) : undefined;

function parsed<T>(
  schema: z.ZodMiniType<T>,
  image: Record<string, unknown> | undefined,
  eventId: string,
): T | undefined {
  if (!image) return undefined;
  const result = schema.safeParse(image);
  // Loud: Lambda retries the batch, then sends the record to the failure queue; a figure never goes missing silently.
  if (!result.success)
    throw new Error(`Stream record ${eventId}: unexpected ${String(image.type)} item: ${result.error.message}`);
  return result.data;
}

export function ledgerChanges(records: readonly DynamoDBRecord[]): LedgerChange[] {
  const changes: LedgerChange[] = [];
  for (const record of records) {
    const before = plain(record.dynamodb?.OldImage);
    const after = plain(record.dynamodb?.NewImage);
    const type = (after ?? before)?.type;
    const id = record.eventID;
    if (!id) throw new Error('Stream record without an eventID');
    const seconds = record.dynamodb?.ApproximateCreationDateTime;
    const recordedAt = seconds ? new Date(seconds * 1000).toISOString() : undefined;
    const common = { id, ...(recordedAt ? { recordedAt } : {}) };
    if (type === 'Redemption') {
      const old = parsed(RedemptionImageSchema, before, id);
      const now = parsed(RedemptionImageSchema, after, id);
      changes.push({ ...common, kind: 'redemption', ...(old ? { before: old } : {}), ...(now ? { after: now } : {}) });
    } else if (type === 'Voucher') {
      const old = parsed(VoucherImageSchema, before, id);
      const now = parsed(VoucherImageSchema, after, id);
      changes.push({ ...common, kind: 'voucher', ...(old ? { before: old } : {}), ...(now ? { after: now } : {}) });
    }
  }
  return changes;
}
