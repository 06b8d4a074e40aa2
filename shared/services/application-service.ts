/**
 * Applications, the public side: a young person (or a parent) files national number + birth date, uploads
 * the proof through a presigned PUT, then submits; the proof is checked by size and magic bytes once it is
 * in S3 (a browser's Content-Type proves nothing). Both requests are rate-limited per client address.
 * A national number and birth date that match no one of the band in the register get one and the same
 * answer, whatever the reason, so the route cannot be used to probe the register.
 */
import {
  type Application,
  AWAITING_PROOF_TTL_SECONDS,
  MAX_PROOF_BYTES,
  PROOF_UPLOAD_SECONDS,
  type ProofContentType,
  proofObjectKey,
  proofProblem,
} from '../applications/application.ts';
import { createApplicationStore } from '../data/application-store.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import { createRateLimitStore, type RateLimit } from '../data/rate-limit-store.ts';
import type { TableContext } from '../data/table.ts';
import { transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor, AuditEvent } from '../ledger/audit-event.ts';
import { clientRefFor, personRefFor } from '../people/person-ref.ts';
import { checkNationalNumber } from '../register/national-number.ts';
import { brusselsDateOf, type CalendarDate } from '../time/calendar-date.ts';

export interface ApplicationServiceDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  readonly personKey: Buffer;
  readonly now: () => Date;
  /** @default APPLICATION_RATE_LIMIT */
  readonly rateLimit?: RateLimit;
}

/** Per client address: a family filing for three siblings, with a retry or two, stays well below it. */
export const APPLICATION_RATE_LIMIT: RateLimit = { scope: 'applications', windowSeconds: 10 * 60, max: 20 };

export interface FileApplicationInput {
  readonly nationalNumber: string;
  readonly birthDate: CalendarDate;
  readonly proof: { readonly contentType: ProofContentType; readonly bytes: number };
}

export const APPLICANT: Actor = { userId: 'applicant', username: 'applicant', role: 'applicant' };

const NO_MATCH =
  'No one of the ages this campaign takes applications for is in the town register with this national number and birth date.';

export function createApplicationService(deps: ApplicationServiceDependencies) {
  const applications = createApplicationStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const people = createPersonStore(deps.table);
  const limits = createRateLimitStore(deps.table);
  const audits = createAuditStore(deps.table);
  const limit = deps.rateLimit ?? APPLICATION_RATE_LIMIT;

  const audit = (action: AuditEvent['action'], application: Application, requestId: string): AuditEvent => ({
    eventId: newId('E'),
    at: deps.now().toISOString(),
    action,
    actor: APPLICANT,
    entityType: 'application',
    entityId: application.applicationId,
    requestId,
    details: { campaignId: application.campaignId },
  });

  return {
    async file(campaignId: string, input: FileApplicationInput, sourceIp: string, requestId: string) {
      await limits.consume(limit, clientRefFor(deps.personKey, sourceIp), deps.now());
      const campaign = await campaigns.get(campaignId);
      if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `There is no campaign ${campaignId}.`);
      const band = campaign.eligibility.onApplication;
      if (!band || brusselsDateOf(deps.now()) > campaign.endDate) {
        throw new DomainError('APPLICATIONS_CLOSED', 'This campaign takes no applications (any more).');
      }
      const number = checkNationalNumber(input.nationalNumber);
      if (!number.ok) {
        throw new DomainError('VALIDATION_FAILED', `Invalid body: nationalNumber: ${number.code}`, {
          errors: [{ location: 'body', path: 'nationalNumber', message: number.reason }],
        });
      }
      const personRef = personRefFor(deps.personKey, number.value);
      const person = await people.get(campaignId, personRef);
      if (!person || person.birthDate !== input.birthDate || person.absentSince) {
        throw new DomainError('NOT_ELIGIBLE', NO_MATCH);
      }
      if (person.eligibility === 'AUTOMATIC') {
        throw new DomainError('NOT_ELIGIBLE', 'This person receives the voucher without applying.', {
          reason: 'AUTOMATIC',
        });
      }
      if (person.eligibility !== 'ON_APPLICATION') throw new DomainError('NOT_ELIGIBLE', NO_MATCH);
      if (person.applicationApproved || person.openApplicationId) {
        throw new DomainError(
          'APPLICATION_EXISTS',
          'An application for this person is already under review or approved.',
        );
      }
      const applicationId = newId('A');
      const nowSeconds = Math.floor(deps.now().getTime() / 1000);
      const application: Application = {
        applicationId,
        campaignId,
        personRef,
        householdRef: person.householdRef,
        status: 'AWAITING_PROOF',
        ...(band.schoolYear ? { schoolYear: band.schoolYear } : {}),
        proofKey: proofObjectKey(campaignId, applicationId),
        proofContentType: input.proof.contentType,
        proofBytes: input.proof.bytes,
        createdAt: deps.now().toISOString(),
        expiresAt: nowSeconds + AWAITING_PROOF_TTL_SECONDS,
      };
      await transactWrite(deps.table, {
        application: applications.saveItem(application, undefined),
        audit: audits.recordItem(audit('FILE_APPLICATION', application, requestId)),
      });
      const uploadUrl = await deps.documents.uploadUrl(application.proofKey, {
        contentType: input.proof.contentType,
        contentLength: input.proof.bytes,
        expiresInSeconds: PROOF_UPLOAD_SECONDS,
      });
      return {
        applicationId,
        status: application.status,
        schoolYear: application.schoolYear ?? null,
        uploadUrl,
        uploadHeaders: { 'content-type': input.proof.contentType },
        uploadExpiresAt: new Date((nowSeconds + PROOF_UPLOAD_SECONDS) * 1000).toISOString(),
        maxBytes: MAX_PROOF_BYTES,
      };
    },

    /** Checks the uploaded proof and puts the application in the staff's queue. Idempotent once submitted. */
    async submit(campaignId: string, applicationId: string, sourceIp: string, requestId: string) {
      await limits.consume(limit, clientRefFor(deps.personKey, sourceIp), deps.now());
      for (;;) {
        const application = await applications.get(applicationId);
        if (!application || application.campaignId !== campaignId) {
          throw new DomainError('APPLICATION_NOT_FOUND', `There is no application ${applicationId}.`);
        }
        if (application.status !== 'AWAITING_PROOF') return { applicationId, status: application.status };
        const stored = await deps.documents.head(application.proofKey);
        if (!stored) throw new DomainError('PROOF_MISSING', 'Upload the proof to the uploadUrl first, then submit.');
        const start = stored.size > 0 ? await deps.documents.readStart(application.proofKey, 16) : new Uint8Array();
        const problem = proofProblem(
          { contentType: application.proofContentType, bytes: application.proofBytes },
          { size: stored.size, start },
        );
        if (problem) {
          // Never keep what may not be a document at all; the applicant uploads again to the same URL.
          await deps.documents.delete(application.proofKey);
          throw new DomainError(
            'PROOF_INVALID',
            `${problem} Upload a PDF, JPEG or PNG file of at most ${MAX_PROOF_BYTES} bytes.`,
          );
        }
        const person = await people.get(campaignId, application.personRef);
        if (!person) throw new DomainError('NOT_ELIGIBLE', NO_MATCH);
        if (person.applicationApproved || (person.openApplicationId && person.openApplicationId !== applicationId)) {
          throw new DomainError(
            'APPLICATION_EXISTS',
            'An application for this person is already under review or approved.',
          );
        }
        const { expiresAt: _expires, ...rest } = application;
        const submitted: Application = {
          ...rest,
          status: 'SUBMITTED',
          submittedAt: deps.now().toISOString(),
          proofBytes: stored.size,
        };
        const outcome = await transactWrite(deps.table, {
          application: applications.saveItem(submitted, 'AWAITING_PROOF'),
          person: people.saveItem(
            { ...person, openApplicationId: applicationId, version: person.version + 1 },
            person.version,
          ),
          audit: audits.recordItem(audit('SUBMIT_APPLICATION', submitted, requestId)),
        });
        // Refused: the application or the person changed meanwhile (a double submit, an import): look again.
        if (outcome.committed) return { applicationId, status: submitted.status };
      }
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
