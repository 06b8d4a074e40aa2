/** The routes the admin page calls (docs: API.md, /openapi.json), through the signed-in session. Types only from shared/. */
import type * as z from 'zod/mini';
import type { ApplicationDetailSchema, ApplicationListSchema, DecisionSchema } from '../../shared/api/applications.ts';
import type {
  CampaignDetailSchema,
  CampaignListSchema,
  CampaignSchema,
  ReissueAnswerSchema,
} from '../../shared/api/campaigns.ts';
import type { Dashboard } from '../../shared/api/dashboard.ts';
import type { MeSchema } from '../../shared/api/identity.ts';
import type { CreatedImportSchema, ImportStatusSchema } from '../../shared/api/imports.ts';
import type { IssuanceRunSchema } from '../../shared/api/issuance.ts';
import type { LetterBatchLinkSchema, LetterRunListSchema, LetterRunSchema } from '../../shared/api/letters.ts';
import type {
  CreateMerchantBodySchema,
  EnrolmentSchema,
  MerchantListSchema,
  MerchantSchema,
  UpdateMerchantBodySchema,
} from '../../shared/api/merchants.ts';
import type { FileLinkSchema, SettlementRunListSchema, SettlementRunSchema } from '../../shared/api/settlement.ts';
import type { AuditPageSchema, HouseholdSchema, StaffVoucherSchema } from '../../shared/api/staff-lookups.ts';
import type { CampaignInput } from '../../shared/campaigns/campaign.ts';
import { allPages } from '../lib/all-pages.ts';
import type { Session } from '../lib/auth/session.ts';

export type Me = z.infer<typeof MeSchema>;
export type Campaign = z.infer<typeof CampaignSchema>;
export type CampaignDetail = z.infer<typeof CampaignDetailSchema>;
export type Merchant = z.infer<typeof MerchantSchema>;
export type CreateMerchantBody = z.input<typeof CreateMerchantBodySchema>;
export type UpdateMerchantBody = z.input<typeof UpdateMerchantBodySchema>;
export type ImportStatus = z.infer<typeof ImportStatusSchema>;
export type IssuanceRun = z.infer<typeof IssuanceRunSchema>;
export type LetterRun = z.infer<typeof LetterRunSchema>;
export type LetterRunList = z.infer<typeof LetterRunListSchema>;
export type ApplicationList = z.infer<typeof ApplicationListSchema>;
export type ApplicationDetail = z.infer<typeof ApplicationDetailSchema>;
export type SettlementRun = z.infer<typeof SettlementRunSchema>;
export type SettlementRunList = z.infer<typeof SettlementRunListSchema>;
export type StaffVoucher = z.infer<typeof StaffVoucherSchema>;
export type Household = z.infer<typeof HouseholdSchema>;
export type AuditPage = z.infer<typeof AuditPageSchema>;
export type { CampaignInput, Dashboard };

export interface AuditFilter {
  readonly day?: string;
  readonly entityType?: string;
  readonly entityId?: string;
  readonly actor?: string;
  readonly action?: string;
  readonly cursor?: string;
}

const path = (...parts: string[]) => parts.map(encodeURIComponent).join('/');

/** A new key for a write the server makes idempotent: one per intent, reused if the same intent is retried. */
export const newIdempotencyKey = (): string => crypto.randomUUID();

export function adminApi(session: Session) {
  const get = <T>(url: string) => session.request<T>(url);
  const send = <T>(method: string, url: string, body?: unknown, idempotencyKey?: string) =>
    session.request<T>(url, {
      method,
      ...(body !== undefined ? { body } : {}),
      ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
    });
  const campaign = (campaignId: string, ...rest: string[]) => `/campaigns/${path(campaignId, ...rest)}`;

  return {
    me: () => get<Me>('/me'),
    dashboard: (campaignId: string) => get<Dashboard>(campaign(campaignId, 'dashboard')),

    // The lists a screen shows whole follow the cursor to the end (web/lib/all-pages.ts).
    campaigns: () => allPages('/campaigns', get<z.infer<typeof CampaignListSchema>>),
    /** One campaign with its latest import and issuance run (what staff pick up after a reload). */
    campaignDetail: (campaignId: string) => get<CampaignDetail>(campaign(campaignId)),
    createCampaign: (input: CampaignInput) => send<Campaign>('POST', '/campaigns', input),
    extendCampaign: (campaignId: string, endDate: string) => send<Campaign>('PATCH', campaign(campaignId), { endDate }),

    merchants: () => allPages('/merchants', get<z.infer<typeof MerchantListSchema>>),
    createMerchant: (body: CreateMerchantBody) => send<Merchant>('POST', '/merchants', body),
    updateMerchant: (merchantId: string, body: UpdateMerchantBody) =>
      send<Merchant>('PATCH', `/merchants/${path(merchantId)}`, body),
    enrol: (campaignId: string, merchantId: string) =>
      send<z.infer<typeof EnrolmentSchema>>('PUT', campaign(campaignId, 'merchants', merchantId)),

    createImport: (campaignId: string) =>
      send<z.infer<typeof CreatedImportSchema>>('POST', campaign(campaignId, 'imports')),
    processImport: (campaignId: string, importId: string) =>
      send<{ importId: string; status: string }>('POST', campaign(campaignId, 'imports', importId, 'process')),
    importStatus: (campaignId: string, importId: string) =>
      get<ImportStatus>(campaign(campaignId, 'imports', importId)),
    resumeImport: (campaignId: string, importId: string) =>
      send<{ importId: string; status: string }>('POST', campaign(campaignId, 'imports', importId, 'resume')),

    startIssuance: (campaignId: string, key: string) =>
      send<{ runId: string }>('POST', campaign(campaignId, 'issuance'), undefined, key),
    issuanceRun: (campaignId: string, runId: string) => get<IssuanceRun>(campaign(campaignId, 'issuance', runId)),
    resumeIssuance: (campaignId: string, runId: string, key: string) =>
      send<{ runId: string }>('POST', campaign(campaignId, 'issuance', runId, 'resume'), undefined, key),

    startLetterRun: (campaignId: string, key: string) =>
      send<{ runId: string }>('POST', campaign(campaignId, 'letter-runs'), undefined, key),
    letterRuns: (campaignId: string) => allPages(campaign(campaignId, 'letter-runs'), get<LetterRunList>),
    letterRun: (campaignId: string, runId: string) => get<LetterRun>(campaign(campaignId, 'letter-runs', runId)),
    letterBatch: (campaignId: string, runId: string, batchId: string) =>
      get<z.infer<typeof LetterBatchLinkSchema>>(campaign(campaignId, 'letter-runs', runId, 'batches', batchId)),

    applications: (campaignId: string, status: string) =>
      allPages(`${campaign(campaignId, 'applications')}?status=${encodeURIComponent(status)}`, get<ApplicationList>),
    application: (campaignId: string, applicationId: string) =>
      get<ApplicationDetail>(campaign(campaignId, 'applications', applicationId)),
    approveApplication: (campaignId: string, applicationId: string) =>
      send<z.infer<typeof DecisionSchema>>('POST', campaign(campaignId, 'applications', applicationId, 'approve')),
    rejectApplication: (campaignId: string, applicationId: string, reason: string) =>
      send<z.infer<typeof DecisionSchema>>('POST', campaign(campaignId, 'applications', applicationId, 'reject'), {
        reason,
      }),

    settlementRuns: () => allPages('/settlement-runs', get<SettlementRunList>),
    startSettlementRun: (key: string, cutoff?: string) =>
      send<{ runId: string }>('POST', '/settlement-runs', cutoff ? { cutoff } : {}, key),
    settlementRun: (runId: string) => get<SettlementRun>(`/settlement-runs/${path(runId)}`),
    settlementFile: (runId: string, kind: string) =>
      get<z.infer<typeof FileLinkSchema>>(`/settlement-runs/${path(runId, 'files', kind)}`),
    approveSettlementRun: (runId: string, key: string) =>
      send<{ approvedAt: string }>('POST', `/settlement-runs/${path(runId, 'approval')}`, undefined, key),

    lookupVoucher: (code: string) => send<StaffVoucher>('POST', '/vouchers/lookup', { code }),
    voidAndReissue: (voucherId: string, key: string) =>
      send<z.infer<typeof ReissueAnswerSchema>>(
        'POST',
        `/vouchers/${path(voucherId, 'void-and-reissue')}`,
        undefined,
        key,
      ),
    viewHousehold: (campaignId: string, householdRef: string, reason: string) =>
      send<Household>('POST', campaign(campaignId, 'households', householdRef, 'views'), { reason }),
    auditEvents: (filter: AuditFilter) => {
      const query = new URLSearchParams(
        Object.entries(filter).filter((entry): entry is [string, string] => Boolean(entry[1])),
      ).toString();
      return get<AuditPage>(`/audit-events${query ? `?${query}` : ''}`);
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
