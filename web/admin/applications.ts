/**
 * Applications of the 19-21 band: the review queue (oldest first), one application with its applicant and a
 * short-lived link to the proof (opened in a new tab: a PDF or a photo, shown by the browser itself), what the
 * register said of the filing, and the decision: approve (the voucher is issued; only when the register
 * matched) or reject with a reason the applicant is told.
 */
import type { ApplicationDetail } from './admin-api.ts';
import { busy, button, byId, confirmAction, details, element, setFieldError, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { date, dateTime } from './format.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

/** RejectBodySchema's minimum. */
const MIN_REASON = 3;

export function setupApplications(context: AdminContext): Screen {
  const filter = byId<HTMLFormElement>('applications-filter');
  const status = byId<HTMLSelectElement>('applications-status');
  const list = byId('applications-list');
  const message = byId('applications-message');
  const detail = byId('application-detail');
  const decide = byId('application-decide');
  const reason = byId<HTMLTextAreaElement>('application-reason');
  const reasonMessage = byId('application-reason-message');
  const detailMessage = byId('application-message');
  const approve = byId<HTMLButtonElement>('application-approve');
  let open: ApplicationDetail | undefined;

  // The register names the applicant only when the filing matched someone; otherwise nobody is known, and
  // sentences about the application say so in words of their own.
  const identified = (application: Pick<ApplicationDetail, 'registerCheck'>) => application.registerCheck === 'MATCH';
  const applicantName = (application: Pick<ApplicationDetail, 'applicant' | 'registerCheck'>) =>
    application.applicant
      ? `${application.applicant.firstName} ${application.applicant.lastName}`
      : identified(application)
        ? t('households.purged')
        : t('applications.unidentified');

  const showDetail = async (applicationId: string) => {
    try {
      const application = await context.api.application(context.campaignId(), applicationId);
      open = application;
      byId('application-title').textContent = identified(application)
        ? t('applications.detail.title', { name: applicantName(application) })
        : t('applications.unidentified.title');
      const address = application.applicant?.address;
      details(byId('application-fields'), [
        [t('applications.birthDate'), application.applicant ? date(application.applicant.birthDate) : '–'],
        [
          t('applications.address'),
          address
            ? `${address.street} ${address.houseNumber}${address.box ? ` ${t('applications.address.box', { box: address.box })}` : ''}, ${address.postcode} ${address.locality}`
            : '–',
        ],
        [t('applications.schoolYear'), application.schoolYear ?? '–'],
        [t('applications.submittedAt'), application.submittedAt ? dateTime(application.submittedAt) : '–'],
        [t('applications.state'), t(`applications.status.${application.status}`)],
        [t('applications.check'), t(`applications.check.${application.registerCheck}.detail`)],
        ...(application.rejectionReason
          ? [[t('applications.reason.short'), application.rejectionReason] as const]
          : []),
      ]);
      byId<HTMLAnchorElement>('application-proof').href = application.proofUrl;
      show(decide, application.status === 'SUBMITTED');
      // The API refuses to approve anything but a match: offer only the reasoned refusal then.
      show(approve, identified(application));
      show(byId('application-reject-only'), !identified(application));
      reason.value = '';
      setFieldError(reason, reasonMessage, '');
      setMessage(detailMessage, '');
      show(detail, true);
      byId('application-title').focus();
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error), 'error');
    }
  };

  const load = async () => {
    const campaignId = context.campaignId();
    if (!campaignId) return;
    try {
      const items = (await context.api.applications(campaignId, status.value)).items;
      setMessage(message, t('applications.count', { count: items.length }), 'info');
      list.replaceChildren(
        items.length === 0
          ? element('p', 'muted', t('applications.none'))
          : table(
              t('applications.list'),
              [
                t('applications.name'),
                t('applications.birthDate'),
                t('applications.submittedAt'),
                t('applications.schoolYear'),
                t('applications.check'),
                '',
              ],
              items.map((application) => [
                applicantName(application),
                application.applicant ? date(application.applicant.birthDate) : '–',
                application.submittedAt ? dateTime(application.submittedAt) : '–',
                application.schoolYear ?? '–',
                t(`applications.check.${application.registerCheck}`),
                button(
                  t('applications.review'),
                  'secondary compact',
                  () => void showDetail(application.applicationId),
                  identified(application)
                    ? t('applications.review.label', { name: applicantName(application) })
                    : t('applications.unidentified.review', {
                        date: application.submittedAt ? dateTime(application.submittedAt) : '–',
                      }),
                ),
              ]),
            ),
      );
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error), 'error');
    }
  };

  const decided = async (text: string) => {
    show(detail, false);
    // The list first: reloading it writes its count in the same message, which would wipe the decision.
    await load();
    setMessage(message, text, 'success');
    message.focus();
  };

  approve.addEventListener('click', () => {
    const application = open;
    if (!application) return;
    void busy(approve, async () => {
      if (
        !(await confirmAction(
          t('applications.approve.question', { name: applicantName(application) }),
          t('applications.approve'),
        ))
      ) {
        return approve.focus();
      }
      try {
        const decision = await context.api.approveApplication(application.campaignId, application.applicationId);
        await decided(
          t(`applications.approved.${decision.issuance ?? 'ISSUED'}`, { name: applicantName(application) }),
        );
      } catch (error) {
        if (context.onAuthError(error)) return;
        setMessage(detailMessage, apiErrorMessage(error));
        detailMessage.focus();
      }
    });
  });

  const reject = byId<HTMLButtonElement>('application-reject');
  reject.addEventListener('click', () => {
    const application = open;
    if (!application) return;
    const why = reason.value.trim();
    if (why.length < MIN_REASON) {
      setFieldError(reason, reasonMessage, t('applications.reason.missing'));
      return reason.focus();
    }
    setFieldError(reason, reasonMessage, '');
    void busy(reject, async () => {
      try {
        await context.api.rejectApplication(application.campaignId, application.applicationId, why);
        await decided(
          identified(application)
            ? t('applications.rejected', { name: applicantName(application) })
            : t('applications.unidentified.rejected'),
        );
      } catch (error) {
        if (context.onAuthError(error)) return;
        setMessage(detailMessage, apiErrorMessage(error));
        detailMessage.focus();
      }
    });
  });

  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    show(detail, false);
    void load();
  });

  return {
    open() {
      show(detail, false);
      void load();
    },
    close() {
      show(detail, false);
      open = undefined;
    },
  };
}
