/** Issuance routes, for the town's staff. */
import { CampaignIdParamsSchema } from '../../shared/api/campaigns.ts';
import { IssuanceAcceptedSchema, IssuanceRunParamsSchema, IssuanceRunSchema } from '../../shared/api/issuance.ts';
import { defineRoute } from './route.ts';

export const issuanceRoutes = {
  startIssuance: defineRoute({
    operationId: 'startIssuance',
    method: 'POST',
    path: '/campaigns/{campaignId}/issuance',
    entry: 'functions/issuance/start-issuance.ts',
    access: ['staff', 'admin'],
    summary: 'Issue a voucher to every eligible person who holds none, within budget, in the background',
    tag: 'issuance',
    params: CampaignIdParamsSchema,
    idempotencyKey: true,
    success: { status: 202, description: 'The run (the same one for the same key)', schema: IssuanceAcceptedSchema },
    errors: ['CAMPAIGN_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT'],
    permissions: { table: 'readWrite', jobs: ['issueVouchers'] },
  }),
  getIssuanceRun: defineRoute({
    operationId: 'getIssuanceRun',
    method: 'GET',
    path: '/campaigns/{campaignId}/issuance/{runId}',
    entry: 'functions/issuance/get-issuance-run.ts',
    access: ['staff', 'admin'],
    summary: 'An issuance run: status and counts',
    tag: 'issuance',
    params: IssuanceRunParamsSchema,
    success: { status: 200, description: 'The run', schema: IssuanceRunSchema },
    errors: ['ISSUANCE_RUN_NOT_FOUND'],
    permissions: { table: 'read' },
  }),
  resumeIssuance: defineRoute({
    operationId: 'resumeIssuance',
    method: 'POST',
    path: '/campaigns/{campaignId}/issuance/{runId}/resume',
    entry: 'functions/issuance/resume-issuance.ts',
    access: ['staff', 'admin'],
    summary: 'Hand a run whose worker was lost (lease expired) to a new worker, which resumes at its checkpoint',
    tag: 'issuance',
    params: IssuanceRunParamsSchema,
    idempotencyKey: true,
    success: { status: 202, description: 'A new worker is taking the run over', schema: IssuanceAcceptedSchema },
    errors: ['ISSUANCE_RUN_NOT_FOUND', 'RUN_NOT_STUCK', 'RUN_FINISHED', 'IDEMPOTENCY_KEY_REUSED', 'CONFLICT'],
    permissions: { table: 'readWrite', jobs: ['issueVouchers'] },
  }),
};
