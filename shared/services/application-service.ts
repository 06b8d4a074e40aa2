/**
 * Applications, the public side: a young person (or a parent) files national number, birth date, the postcode
 * of the registered address and a contact e-mail, uploads the proof through a presigned PUT, then submits;
 * the proof is checked by size and magic bytes once it is in S3 (a browser's Content-Type proves nothing).
 * Both requests are rate-limited per client address.
 *
 * Whatever the register says about the number (someone of the band, no one, someone else's birth date or
 * postcode, a child served automatically, an application already under way), the answers are the same:
 * 201 with an upload URL, then SUBMITTED, then the same receipt mail. What the check found is recorded for
 * the staff who review (shared/applications/application.ts REGISTER_CHECKS), who answer every application
 * by e-mail. So neither the route nor the mails tell anyone whether a number lives in the town, and filing
 * in someone else's name needs their registered postcode as well as their number.
 */

import {
  type ApplicantLanguage,
  type Application,
  AWAITING_PROOF_TTL_SECONDS,
  checkAgainstRegister,
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
import { birthDateMatches, checkNationalNumber } from '../register/national-number.ts';
import { brusselsDateOf, type CalendarDate } from '../time/calendar-date.ts';
import { epochSeconds } from '../time/epoch-seconds.ts';
import { createApplicantMailing } from './applicant-mailing.ts';
import { decisionDeadline } from './decision-deadline.ts';
import type { SendMail } from './mailer.ts';

export interface ApplicationServiceDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  readonly personKey: Buffer;
  readonly now: () => Date;
  /** Sends the receipt once an application is submitted; filing mails nothing and goes without. */
  readonly sendMail?: SendMail;
  /** @default APPLICATION_RATE_LIMIT */
  readonly rateLimit?: RateLimit;
}

/** Per client address: a family filing for three siblings, with a retry or two, stays well below it. */
export const APPLICATION_RATE_LIMIT: RateLimit = { scope: 'applications', windowSeconds: 10 * 60, max: 20 };

export interface FileApplicationInput {
  readonly nationalNumber: string;
  readonly birthDate: CalendarDate;
  /** Of the address in the population register: what makes filing in someone else's name harder. */
  readonly postcode: string;
  readonly email: string;
  readonly language: ApplicantLanguage;
  readonly proof: { readonly contentType: ProofContentType; readonly bytes: number };
}

export const APPLICANT: Actor = { userId: 'applicant', username: 'applicant', role: 'applicant' };

export function createApplicationService(deps: ApplicationServiceDependencies) {
  const applications = createApplicationStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const people = createPersonStore(deps.table);
  const limits = createRateLimitStore(deps.table);
  const audits = createAuditStore(deps.table);
  const mailing = createApplicantMailing(deps);
  const limit = deps.rateLimit ?? APPLICATION_RATE_LIMIT;

  const auditEvent = (action: AuditEvent['action'], application: Application, requestId: string): AuditEvent => ({
    eventId: newId('E'),
    at: deps.now().toISOString(),
    action,
    actor: APPLICANT,
    entityType: 'application',
    entityId: application.applicationId,
    requestId,
    // What the register check found, beside the event: repeated misses from one client show probing.
    details: { campaignId: application.campaignId, registerCheck: application.registerCheck ?? 'MATCH' },
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
      // Arithmetic on what was typed, not a register look-up: telling it reveals nothing about anyone.
      if (!birthDateMatches(number.birth, input.birthDate)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'Invalid body: birthDate: not the date the national number encodes',
          {
            errors: [
              { location: 'body', path: 'birthDate', message: 'not the birth date the national number encodes' },
            ],
          },
        );
      }
      const personRef = personRefFor(deps.personKey, number.value);
      const person = await people.get(campaignId, personRef);
      const registerCheck = checkAgainstRegister(person, input);
      const applicationId = newId('A');
      const nowSeconds = epochSeconds(deps.now());
      const application: Application = {
        applicationId,
        campaignId,
        personRef,
        ...(registerCheck === 'MATCH' && person ? { householdRef: person.householdRef } : {}),
        status: 'AWAITING_PROOF',
        registerCheck,
        contactEmail: input.email,
        language: input.language,
        ...(band.schoolYear ? { schoolYear: band.schoolYear } : {}),
        proofKey: proofObjectKey(campaignId, applicationId),
        proofContentType: input.proof.contentType,
        proofBytes: input.proof.bytes,
        createdAt: deps.now().toISOString(),
        expiresAt: nowSeconds + AWAITING_PROOF_TTL_SECONDS,
      };
      await transactWrite(deps.table, {
        application: applications.saveItem(application, undefined),
        audit: audits.recordItem(auditEvent('FILE_APPLICATION', application, requestId)),
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
      const deadline = decisionDeadline();
      for (;;) {
        deadline.nextRound();
        const application = await applications.get(applicationId);
        if (!application || application.campaignId !== campaignId) {
          throw new DomainError('APPLICATION_NOT_FOUND', `There is no application ${applicationId}.`);
        }
        if (application.status !== 'AWAITING_PROOF') {
          // Submitted before, but the receipt may not have gone out (the mail service failed): send it now.
          if (application.status === 'SUBMITTED') await mailing.ensure(application, 'receipt');
          return { applicationId, status: application.status };
        }
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
        const { expiresAt: _expires, ...rest } = application;
        const submitted: Application = {
          ...rest,
          status: 'SUBMITTED',
          submittedAt: deps.now().toISOString(),
          proofBytes: stored.size,
        };
        const audit = audits.recordItem(auditEvent('SUBMIT_APPLICATION', submitted, requestId));
        const matched = (submitted.registerCheck ?? 'MATCH') === 'MATCH';
        const person = matched ? await people.get(campaignId, submitted.personRef) : undefined;
        const free =
          person &&
          !person.absentSince &&
          !person.applicationApproved &&
          (!person.openApplicationId || person.openApplicationId === applicationId);
        let saved: Application;
        let outcome: { committed: boolean };
        if (person && free) {
          saved = submitted;
          outcome = await deadline.transact(deps.table, {
            application: applications.saveItem(saved, 'AWAITING_PROOF'),
            person: people.saveItem(
              { ...person, openApplicationId: applicationId, version: person.version + 1 },
              person.version,
            ),
            audit,
          });
        } else {
          // Not (or no longer) someone who may apply, e.g. the same person's second application, filed before
          // the first was submitted: in the queue all the same, for staff to answer, and locking no one.
          const { householdRef: _household, ...unmatched } = submitted;
          saved = matched ? { ...unmatched, registerCheck: person ? 'ALREADY_APPLIED' : 'NOT_FOUND' } : submitted;
          outcome = await deadline.transact(deps.table, {
            application: applications.saveItem(saved, 'AWAITING_PROOF'),
            audit,
          });
        }
        // Refused: the application or the person changed meanwhile (a double submit, an import): look again.
        if (outcome.committed) {
          await mailing.ensure(saved, 'receipt');
          return { applicationId, status: saved.status };
        }
      }
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
