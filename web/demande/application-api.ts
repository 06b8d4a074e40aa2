/** The application routes as the page calls them (public, no sign-in): open campaigns, filing, submitting. */
import type * as z from 'zod/mini';
import type {
  ApplicationStateSchema,
  FileApplicationBodySchema,
  FiledApplicationSchema,
} from '../../shared/api/applications.ts';
import type { PublicCampaignList } from '../../shared/api/public.ts';
import { apiRequest } from '../lib/api-client.ts';

export type Filing = z.input<typeof FileApplicationBodySchema>;
export type FiledApplication = z.infer<typeof FiledApplicationSchema>;
export type ApplicationState = z.infer<typeof ApplicationStateSchema>;

export function openCampaigns(): Promise<PublicCampaignList> {
  return apiRequest<PublicCampaignList>('/public/campaigns');
}

export function fileApplication(campaignId: string, filing: Filing): Promise<FiledApplication> {
  return apiRequest<FiledApplication>(`/campaigns/${encodeURIComponent(campaignId)}/applications`, {
    method: 'POST',
    body: filing,
  });
}

/** Asking again is harmless: a submitted application stays submitted, and its receipt is mailed once. */
export function submitApplication(campaignId: string, applicationId: string): Promise<ApplicationState> {
  return apiRequest<ApplicationState>(
    `/campaigns/${encodeURIComponent(campaignId)}/applications/${encodeURIComponent(applicationId)}/submit`,
    { method: 'POST' },
  );
}
