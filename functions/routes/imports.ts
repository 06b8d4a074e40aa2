/** Register import routes, for the town's staff. */
import { CampaignIdParamsSchema } from '../../shared/api/campaigns.ts';
import {
  CreatedImportSchema,
  CreateImportBodySchema,
  ImportAcceptedSchema,
  ImportParamsSchema,
  ImportStatusSchema,
} from '../../shared/api/imports.ts';
import { defineRoute } from './route.ts';

export const importRoutes = {
  createImport: defineRoute({
    operationId: 'createImport',
    method: 'POST',
    path: '/campaigns/{campaignId}/imports',
    entry: 'functions/imports/create-import.ts',
    access: ['staff', 'admin'],
    summary: 'A new register import and a presigned URL to upload the register file to',
    tag: 'imports',
    params: CampaignIdParamsSchema,
    body: CreateImportBodySchema,
    success: { status: 201, description: 'The import, waiting for its file', schema: CreatedImportSchema },
    errors: ['CAMPAIGN_NOT_FOUND', 'UPLOAD_TOO_LARGE'],
    // Presigning a PUT needs no call to S3, but the URL only works with the signer's s3:PutObject.
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' } },
  }),
  processImport: defineRoute({
    operationId: 'processImport',
    method: 'POST',
    path: '/campaigns/{campaignId}/imports/{importId}/process',
    entry: 'functions/imports/process-import.ts',
    access: ['staff', 'admin'],
    summary: 'Process the uploaded register file in the background (asking again changes nothing)',
    tag: 'imports',
    params: ImportParamsSchema,
    success: { status: 202, description: 'Processing has started (or had already)', schema: ImportAcceptedSchema },
    errors: ['IMPORT_NOT_FOUND', 'UPLOAD_MISSING', 'UPLOAD_TOO_LARGE', 'IMPORT_IN_PROGRESS'],
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' }, jobs: ['importRegister'] },
  }),
  getImport: defineRoute({
    operationId: 'getImport',
    method: 'GET',
    path: '/campaigns/{campaignId}/imports/{importId}',
    entry: 'functions/imports/get-import.ts',
    access: ['staff', 'admin'],
    summary: 'An import: status, counts, and short-lived links to its reports (the missing-people link is audited)',
    tag: 'imports',
    params: ImportParamsSchema,
    success: { status: 200, description: 'The import', schema: ImportStatusSchema },
    errors: ['IMPORT_NOT_FOUND'],
    permissions: { table: 'readWrite', buckets: { documents: 'read' } },
  }),
  resumeImport: defineRoute({
    operationId: 'resumeImport',
    method: 'POST',
    path: '/campaigns/{campaignId}/imports/{importId}/resume',
    entry: 'functions/imports/resume-import.ts',
    access: ['staff', 'admin'],
    summary: 'Hand an import whose worker was lost (lease expired) to a new worker, which resumes at its checkpoint',
    tag: 'imports',
    params: ImportParamsSchema,
    success: { status: 202, description: 'A new worker is taking the import over', schema: ImportAcceptedSchema },
    errors: ['IMPORT_NOT_FOUND', 'RUN_NOT_STUCK', 'RUN_FINISHED'],
    permissions: { table: 'readWrite', jobs: ['importRegister'] },
  }),
};
