/**
 * Vitest global setup for the integration and end-to-end tiers: starts one local target (DynamoDB Local
 * in memory, s3rver and SES on temporary storage, the gateway) for the whole run, seeds the demo town,
 * hands the endpoints to the test files, and stops everything afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { voucherCodeKey } from '../../functions/runtime/code-key.ts';
import { seedDemoTown } from '../../infra/local/seed/demo-town.ts';
import { issueDemoVouchers } from '../../infra/local/seed/demo-vouchers.ts';
import { startLocalTarget } from '../../infra/local/target.ts';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { LocalTargetInfo } from './local-target.ts';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const identityDir = mkdtempSync(join(tmpdir(), 'voucher-test-identity-'));
  // No route limits: test files run side by side and share each route's budget, so one file's burst would
  // fail another's request; test/integration/route-throttle.test.ts checks the limits on a gateway of its own.
  const target = await startLocalTarget({ identityDir, schedules: false, throttle: false });
  try {
    const { doc } = createDynamoDbClients({ region: 'eu-west-1', endpoints: target.endpoints });
    const table = { doc, tableName: target.tableName };
    const town = await seedDemoTown(table, target.identity, new Date());
    const codeKey = await voucherCodeKey();
    const demoVoucherCodes = await issueDemoVouchers(table, codeKey, town.campaignId, 5);
    doc.destroy();
    const info: LocalTargetInfo = {
      apiUrl: target.apiUrl,
      webUrl: target.webUrl,
      mailUrl: target.mailUrl,
      endpoints: target.endpoints,
      tableName: target.tableName,
      buckets: target.buckets,
      identityDir,
      campaignId: town.campaignId,
      users: town.users.map((user) => ({ ...user })),
      demoVoucherCodes,
      // Connected tests hash codes and seal answers exactly as the handlers do.
      codeKeyBase64: codeKey.toString('base64'),
    };
    project.provide('localTarget', info);
  } catch (error) {
    await target.stop();
    throw error;
  }
  return async () => {
    await target.stop();
    rmSync(identityDir, { recursive: true, force: true });
  };
}
