/** GET /campaigns/{campaignId}: one campaign, for staff, with its latest import and issuance run. */
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { createImportStore } from '../../shared/data/import-store.ts';
import { createIssuanceStore } from '../../shared/data/issuance-store.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';
import { importStuck } from '../../shared/imports/register-import.ts';
import { issuanceRunStuck } from '../../shared/issuance/issuance-run.ts';
import { campaignRoutes } from '../routes/campaigns.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const table = tableFromEnvironment();
const campaigns = createCampaignStore(table);
const imports = createImportStore(table);
const runs = createIssuanceStore(table);

export const handler = httpHandler(campaignRoutes.getCampaign, async ({ params }) => {
  const [campaign, latestImport, latestRun] = await Promise.all([
    campaigns.get(params.campaignId),
    imports.latest(params.campaignId),
    runs.latest(params.campaignId),
  ]);
  if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${params.campaignId}.`);
  const now = new Date();
  return {
    ...campaign,
    latestImport: latestImport ? { ...latestImport, stuck: importStuck(latestImport, now) } : null,
    latestIssuanceRun: latestRun ? { ...latestRun, stuck: issuanceRunStuck(latestRun, now) } : null,
  };
});
