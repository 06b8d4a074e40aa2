/** GET /campaigns/{campaignId}: one campaign, for staff. */
import { createCampaignStore } from '../../shared/data/campaign-store.ts';
import { DomainError } from '../../shared/errors/domain-error.ts';
import { ROUTES } from '../routes/index.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const campaigns = createCampaignStore(tableFromEnvironment());

export const handler = httpHandler(ROUTES.getCampaign, async ({ params }) => {
  const campaign = await campaigns.get(params.campaignId);
  if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${params.campaignId}.`);
  return campaign;
});
