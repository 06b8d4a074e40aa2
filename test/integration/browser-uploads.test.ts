/**
 * The pages upload register files and proofs straight from the browser to a presigned URL: the local S3
 * must answer the browser's CORS preflight for the pages' origin (and only for it), as the AWS bucket does.
 */
import { describe, expect, it } from 'vitest';
import { api, localTarget, tokenFor } from '../support/local-target.ts';
import { createCampaign } from '../support/register-api.ts';

interface UploadSlot {
  importId: string;
  uploadUrl: string;
  uploadHeaders: Record<string, string>;
}

async function uploadSlot(): Promise<UploadSlot> {
  const { campaignId } = await createCampaign();
  const created = await api<UploadSlot>(`/campaigns/${campaignId}/imports`, {
    method: 'POST',
    token: await tokenFor('staff'),
  });
  expect(created.status).toBe(201);
  return created.body;
}

function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'content-type' },
  });
}

describe('uploads from the pages', () => {
  it("accepts a presigned PUT from the pages' origin, preflight included", async () => {
    const slot = await uploadSlot();
    const origin = localTarget().webUrl;

    const allowed = await preflight(slot.uploadUrl, origin);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');

    const upload = await fetch(slot.uploadUrl, {
      method: 'PUT',
      headers: { ...slot.uploadHeaders, origin },
      body: 'national_number;last_name\n',
    });
    expect(upload.status).toBe(200);
    expect(upload.headers.get('access-control-allow-origin')).toBeTruthy();
  });

  it('refuses the preflight of any other origin', async () => {
    const slot = await uploadSlot();
    const refused = await preflight(slot.uploadUrl, 'https://elsewhere.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });
});
