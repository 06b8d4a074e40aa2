/**
 * Application routes: filing and submitting are public (rate-limited, one neutral answer whatever the register
 * holds), reviewing is for staff; the applicant is answered by e-mail (receipt, decision).
 */
import {
  ApplicationDetailSchema,
  ApplicationListQuerySchema,
  ApplicationListSchema,
  ApplicationParamsSchema,
  ApplicationStateSchema,
  DecisionSchema,
  FileApplicationBodySchema,
  FiledApplicationSchema,
  RejectBodySchema,
} from '../../shared/api/applications.ts';
import { CampaignIdParamsSchema } from '../../shared/api/campaigns.ts';
import { PROOFS_PREFIX as PROOFS } from '../../shared/applications/application.ts';
import { EXCEPT_LISTS, PARTITIONS as P } from '../../shared/data/key-scopes.ts';
import { defineRoute } from './route.ts';

export const applicationRoutes = {
  fileApplication: defineRoute({
    operationId: 'fileApplication',
    method: 'POST',
    path: '/campaigns/{campaignId}/applications',
    entry: 'functions/applications/file-application.ts',
    access: 'public',
    summary:
      'Apply for a voucher (on-application band): national number, birth date, registered postcode, contact e-mail and the proof to upload; the same answer whatever the register holds',
    tag: 'applications',
    params: CampaignIdParamsSchema,
    body: FileApplicationBodySchema,
    success: {
      status: 201,
      description: 'The application and where to upload the proof',
      schema: FiledApplicationSchema,
    },
    errors: ['CAMPAIGN_NOT_FOUND', 'APPLICATIONS_CLOSED', 'TOO_MANY_ATTEMPTS'],
    permissions: {
      // Anyone on the internet calls it: it may not touch a voucher, nor the registers' uploads.
      table: { read: [P.campaign, P.people], write: [P.application, P.audit, P.rateLimit], except: EXCEPT_LISTS },
      secrets: ['personKey'],
      buckets: { documents: { write: [PROOFS] } },
    },
  }),
  submitApplication: defineRoute({
    operationId: 'submitApplication',
    method: 'POST',
    path: '/campaigns/{campaignId}/applications/{applicationId}/submit',
    entry: 'functions/applications/submit-application.ts',
    access: 'public',
    summary:
      'Submit an application once its proof is uploaded (PDF, JPEG or PNG, checked by content); the applicant gets a receipt by e-mail',
    tag: 'applications',
    params: ApplicationParamsSchema,
    success: { status: 200, description: 'The application, now in the review queue', schema: ApplicationStateSchema },
    errors: ['APPLICATION_NOT_FOUND', 'PROOF_MISSING', 'PROOF_INVALID', 'TOO_MANY_ATTEMPTS', 'CONFLICT'],
    permissions: {
      table: {
        read: [P.application, P.campaign, P.people],
        write: [P.application, P.audit, P.people, P.rateLimit],
        except: EXCEPT_LISTS,
      },
      secrets: ['personKey'],
      buckets: { documents: { read: [PROOFS], write: [PROOFS] } },
      mail: true,
    },
  }),
  listApplications: defineRoute({
    operationId: 'listApplications',
    method: 'GET',
    path: '/campaigns/{campaignId}/applications',
    entry: 'functions/applications/list-applications.ts',
    access: ['staff', 'admin'],
    summary: 'The applications of a campaign in one status, oldest first (audited)',
    tag: 'applications',
    params: CampaignIdParamsSchema,
    query: ApplicationListQuerySchema,
    success: { status: 200, description: 'The applications', schema: ApplicationListSchema },
    errors: [],
    permissions: { table: 'readWrite' },
  }),
  getApplication: defineRoute({
    operationId: 'getApplication',
    method: 'GET',
    path: '/campaigns/{campaignId}/applications/{applicationId}',
    entry: 'functions/applications/get-application.ts',
    access: ['staff', 'admin'],
    summary: 'One application, its applicant and a short-lived link to the proof (audited)',
    tag: 'applications',
    params: ApplicationParamsSchema,
    success: { status: 200, description: 'The application', schema: ApplicationDetailSchema },
    errors: ['APPLICATION_NOT_FOUND'],
    permissions: { table: 'readWrite', buckets: { documents: 'read' } },
  }),
  approveApplication: defineRoute({
    operationId: 'approveApplication',
    method: 'POST',
    path: '/campaigns/{campaignId}/applications/{applicationId}/approve',
    entry: 'functions/applications/approve-application.ts',
    access: ['staff', 'admin'],
    summary:
      'Approve an application, issue the voucher and tell the applicant their letter is on its way (asking again only finishes what is left)',
    tag: 'applications',
    params: ApplicationParamsSchema,
    success: { status: 200, description: 'The decision and what issuance did', schema: DecisionSchema },
    errors: ['APPLICATION_NOT_FOUND', 'APPLICATION_DECIDED', 'NOT_ELIGIBLE', 'CONFLICT'],
    permissions: {
      table: 'readWrite',
      secrets: ['voucherCodeKey'],
      buckets: { documents: 'readWrite' },
      mail: true,
    },
  }),
  rejectApplication: defineRoute({
    operationId: 'rejectApplication',
    method: 'POST',
    path: '/campaigns/{campaignId}/applications/{applicationId}/reject',
    entry: 'functions/applications/reject-application.ts',
    access: ['staff', 'admin'],
    summary: 'Reject an application with a reason, mailed to the applicant (the person may file a new one)',
    tag: 'applications',
    params: ApplicationParamsSchema,
    body: RejectBodySchema,
    success: { status: 200, description: 'The decision', schema: DecisionSchema },
    errors: ['APPLICATION_NOT_FOUND', 'APPLICATION_DECIDED', 'CONFLICT'],
    permissions: { table: 'readWrite', mail: true },
  }),
};
