/**
 * Applications, the staff side: the review queue, one application with its applicant and a short-lived
 * link to the proof (every such look-up is audited), and the decision. Approving makes the person issuable
 * and issues their voucher at once (its code goes to the letter pipeline like an issuance run's); asking
 * again for an approved application retries only what is left to do, so approval is idempotent. Rejecting
 * needs a reason and lets the person file a new application. Each decision is mailed to the applicant
 * (approved: the letter is on its way; rejected: the reason), once, also when the request is retried.
 * Applications whose filing matched no one who may apply (REGISTER_CHECKS) are listed without an
 * applicant and can only be rejected: staff answer them too, and learn nothing of the person they named.
 */
import { type Application, type ApplicationStatus, PROOF_VIEW_SECONDS } from '../applications/application.ts';
import { createApplicationStore } from '../data/application-store.ts';
import { createAuditStore } from '../data/audit-store.ts';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import type { PageRequest } from '../data/table.ts';
import { ContentionTimeoutError, transactWrite } from '../data/transactions.ts';
import { DomainError } from '../errors/domain-error.ts';
import { newId } from '../ids.ts';
import type { Actor, AuditEvent } from '../ledger/audit-event.ts';
import {
  LETTER_MANIFEST_CONTENT_TYPE,
  letterManifestKey,
  manifestLine,
  toJsonLines,
} from '../letters/letter-manifest.ts';
import type { Person } from '../people/person.ts';
import { sealCode } from '../vouchers/code-seal.ts';
import { createApplicantMailing } from './applicant-mailing.ts';
import { decisionDeadline } from './decision-deadline.ts';
import { granted } from './granted.ts';
import type { LedgerDependencies } from './ledger-dependencies.ts';
import type { SendMail } from './mailer.ts';
import { createVoucherService } from './voucher-service.ts';

export interface ApplicationReviewDependencies extends Omit<LedgerDependencies, 'codeKey'> {
  /** Needed to approve (the letter's manifest) and to view (the proof's link); listing and rejecting go without. */
  readonly documents?: DocumentStore;
  /** Needed to approve (approval issues a voucher); functions that only list, view or reject go without. */
  readonly codeKey?: Buffer;
  /** Needed to decide (the decision is mailed); functions that only list or view go without. */
  readonly sendMail?: SendMail;
}

export interface StaffRequest {
  readonly actor: Actor;
  readonly requestId: string;
}

export type ApplicantView = Pick<Person, 'lastName' | 'firstName' | 'birthDate' | 'address'>;

export function createApplicationReviewService(deps: ApplicationReviewDependencies) {
  const applications = createApplicationStore(deps.table);
  const people = createPersonStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const audits = createAuditStore(deps.table);
  const { codeKey } = deps;
  const vouchers = codeKey ? createVoucherService({ ...deps, codeKey }) : undefined;
  const mailing = createApplicantMailing(deps);
  const documents = () => granted(deps.documents, 'the documents bucket');
  const matched = (application: Application) => (application.registerCheck ?? 'MATCH') === 'MATCH';

  const event = (
    action: AuditEvent['action'],
    entityId: string,
    request: StaffRequest,
    details: Record<string, string | number>,
    entityType: AuditEvent['entityType'] = 'application',
  ): AuditEvent => ({
    eventId: newId('E'),
    at: deps.now().toISOString(),
    action,
    actor: request.actor,
    entityType,
    entityId,
    requestId: request.requestId,
    details,
  });

  const requireApplication = async (campaignId: string, applicationId: string) => {
    const application = await applications.get(applicationId);
    if (!application || application.campaignId !== campaignId || application.status === 'AWAITING_PROOF') {
      throw new DomainError('APPLICATION_NOT_FOUND', `There is no submitted application ${applicationId}.`);
    }
    return application;
  };
  const requirePerson = async (application: Application): Promise<Person> => {
    const person = await people.get(application.campaignId, application.personRef);
    if (!person) throw new Error(`Application ${application.applicationId} of an unknown person`);
    return person;
  };
  const applicant = (person: Person): ApplicantView => ({
    lastName: person.lastName,
    firstName: person.firstName,
    birthDate: person.birthDate,
    address: person.address,
  });

  /** Issues the approved person's voucher, unless done already; records what happened on the application. */
  async function issueFor(application: Application, person: Person, request: StaffRequest): Promise<Application> {
    if (application.issuance === 'ISSUED' || application.issuance === 'ALREADY_HOLDS_ONE') return application;
    if (!vouchers || !codeKey) throw new Error('This function may not issue vouchers: it has no code key');
    const campaign = await campaigns.get(application.campaignId);
    if (!campaign) throw new Error(`Application ${application.applicationId} of an unknown campaign`);
    const issueRequest = {
      campaign,
      beneficiaryRef: person.personRef,
      householdRef: person.householdRef,
      actor: request.actor,
      requestId: request.requestId,
    };
    // The sealed code goes to the letter manifest before the voucher exists (shared/letters/letter-manifest.ts).
    const planned = vouchers.plan(issueRequest);
    await documents().put(
      letterManifestKey(campaign.campaignId, application.applicationId, 1, planned.voucher.voucherId.slice(1, 9)),
      toJsonLines([manifestLine(planned.voucher, sealCode(codeKey, planned.code))]),
      LETTER_MANIFEST_CONTENT_TYPE,
    );
    const result = await vouchers.issuePlanned(planned, issueRequest).catch((error: unknown) => {
      // An issuance run holding the budget counter: the approval stands; asking again issues the voucher.
      if (error instanceof ContentionTimeoutError) {
        throw new DomainError('CONFLICT', 'The campaign is busy issuing vouchers; approve again in a moment.');
      }
      throw error;
    });
    const updated: Application = {
      ...application,
      issuance: result.outcome,
      ...(result.outcome === 'ISSUED' ? { voucherId: result.voucher.voucherId } : {}),
    };
    const outcome = await transactWrite(deps.table, { application: applications.saveItem(updated, 'APPROVED') });
    return outcome.committed ? updated : requireApplication(application.campaignId, application.applicationId);
  }

  return {
    async list(campaignId: string, status: ApplicationStatus, page: PageRequest, request: StaffRequest) {
      const { items: found, nextCursor } = await applications.listByStatus(campaignId, status, page);
      const byRef = await people.getMany(
        campaignId,
        found.filter(matched).map((application) => application.personRef),
      );
      await audits.record(event('LIST_APPLICATIONS', campaignId, request, { status, count: found.length }, 'campaign'));
      const items = found.map((application) => {
        const person = matched(application) ? byRef.get(application.personRef) : undefined;
        return { ...application, applicant: person ? applicant(person) : null };
      });
      return { items, nextCursor };
    },

    async view(campaignId: string, applicationId: string, request: StaffRequest) {
      const application = await requireApplication(campaignId, applicationId);
      const person = matched(application) ? await requirePerson(application) : undefined;
      await audits.record(event('VIEW_APPLICATION', applicationId, request, { campaignId }));
      const proofUrl = await documents().downloadUrl(application.proofKey, {
        expiresInSeconds: PROOF_VIEW_SECONDS,
        contentType: application.proofContentType,
      });
      return {
        ...application,
        applicant: person ? applicant(person) : null,
        proofUrl,
        proofUrlExpiresAt: new Date(deps.now().getTime() + PROOF_VIEW_SECONDS * 1000).toISOString(),
      };
    },

    async approve(campaignId: string, applicationId: string, request: StaffRequest): Promise<Application> {
      const mailDecision = async (decided: Application) =>
        // Approved without a voucher yet (the budget is spent): no letter is on its way, so no mail yet.
        decided.issuance === 'ISSUED' || decided.issuance === 'ALREADY_HOLDS_ONE'
          ? mailing.ensure(decided, 'approved')
          : decided;
      const deadline = decisionDeadline();
      for (;;) {
        deadline.nextRound();
        const application = await requireApplication(campaignId, applicationId);
        if (application.status === 'REJECTED') {
          throw new DomainError(
            'APPLICATION_DECIDED',
            'This application was rejected; the person may file a new one.',
            {
              status: application.status,
            },
          );
        }
        if (!matched(application)) {
          throw new DomainError(
            'NOT_ELIGIBLE',
            'This application names no one who may apply (see registerCheck): reject it with a reason for the applicant.',
            { registerCheck: application.registerCheck },
          );
        }
        const person = await requirePerson(application);
        if (application.status === 'APPROVED') return mailDecision(await issueFor(application, person, request));
        const approved: Application = {
          ...application,
          status: 'APPROVED',
          decidedAt: deps.now().toISOString(),
          decidedBy: request.actor.userId,
        };
        const outcome = await deadline.transact(deps.table, {
          application: applications.saveItem(approved, 'SUBMITTED'),
          person: people.saveItem(
            { ...person, applicationApproved: true, version: person.version + 1 },
            person.version,
          ),
          audit: audits.recordItem(event('APPROVE_APPLICATION', applicationId, request, { campaignId })),
        });
        // Refused: decided by someone else, or the person changed meanwhile (an import): decide again.
        if (outcome.committed) return mailDecision(await issueFor(approved, person, request));
      }
    },

    async reject(
      campaignId: string,
      applicationId: string,
      reason: string,
      request: StaffRequest,
    ): Promise<Application> {
      const deadline = decisionDeadline();
      for (;;) {
        deadline.nextRound();
        const application = await requireApplication(campaignId, applicationId);
        if (application.status === 'REJECTED' && application.rejectionReason === reason) {
          return mailing.ensure(application, 'rejected');
        }
        if (application.status !== 'SUBMITTED') {
          throw new DomainError(
            'APPLICATION_DECIDED',
            `This application is already ${application.status.toLowerCase()}.`,
            {
              status: application.status,
            },
          );
        }
        const rejected: Application = {
          ...application,
          status: 'REJECTED',
          decidedAt: deps.now().toISOString(),
          decidedBy: request.actor.userId,
          rejectionReason: reason,
        };
        // Only a matched application holds its person (their open application): release it.
        const person = matched(application) ? await requirePerson(application) : undefined;
        const release =
          person && person.openApplicationId === applicationId
            ? (({ openApplicationId: _open, ...released }) => ({
                person: people.saveItem({ ...released, version: person.version + 1 }, person.version),
              }))(person)
            : {};
        const outcome = await deadline.transact(deps.table, {
          application: applications.saveItem(rejected, 'SUBMITTED'),
          ...release,
          audit: audits.recordItem(event('REJECT_APPLICATION', applicationId, request, { campaignId, reason })),
        });
        if (outcome.committed) return mailing.ensure(rejected, 'rejected');
      }
    },
  };
}

export type ApplicationReviewService = ReturnType<typeof createApplicationReviewService>;
