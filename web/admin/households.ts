/**
 * Households: how many used their vouchers and where, as totals only; opening one household (its members'
 * names) asks for a reason, which the API records in the audit log with who asked; the day's look-ups of
 * households are listed below, so staff see who looked at whom.
 */
import type { AuditPage } from './admin-api.ts';
import { busy, byId, element, setFieldError, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { count, euros, percent, time } from './format.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

/** The API's minimum (HouseholdViewBodySchema): a reason of a few words, not a letter. */
const MIN_REASON = 10;

export function setupHouseholds(context: AdminContext): Screen & { prefill(householdRef: string): void } {
  const message = byId('households-message');
  const form = byId<HTMLFormElement>('hh-form');
  const ref = byId<HTMLInputElement>('hh-ref');
  const refMessage = byId('hh-ref-message');
  const reason = byId<HTMLTextAreaElement>('hh-reason');
  const reasonMessage = byId('hh-reason-message');
  const members = byId('hh-members');
  const views = byId('hh-views');
  /** Set when the vouchers screen sends a household here: the reason is what to type next. */
  let focusReason = false;

  const loadAggregates = async () => {
    const campaignId = context.campaignId();
    if (!campaignId) return;
    try {
      const figures = await context.api.dashboard(campaignId);
      const { households, vouchers } = figures;
      byId('hh-used').textContent = `${count(households.used)} (${percent(households.used, households.total)})`;
      byId('hh-not-used').textContent = count(households.total - households.used);
      byId('hh-vouchers').textContent =
        `${count(vouchers.notUsed)} / ${count(vouchers.partlyUsed)} / ${count(vouchers.fullyUsed)}`;
      byId('hh-shops').replaceChildren(
        table(
          t('households.where'),
          [t('shops.name'), t('households.purchases'), t('households.amount')],
          figures.byMerchant.map((shop) => [shop.name, count(shop.redemptions), euros(shop.amountCents)]),
        ),
      );
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error));
    }
  };

  const viewRows = (page: AuditPage) =>
    page.items
      .filter((event) => event.action === 'VIEW_HOUSEHOLD')
      .map((event) => [time(event.at), event.actor.username, event.entityId, String(event.details?.reason ?? '')]);

  const loadViews = async () => {
    try {
      const page = await context.api.auditEvents({ entityType: 'household', action: 'VIEW_HOUSEHOLD' });
      const rows = viewRows(page);
      views.replaceChildren(
        rows.length > 0
          ? table(
              t('households.views.title'),
              [t('audit.time'), t('audit.who'), t('households.ref'), t('households.reason.short')],
              rows,
            )
          : element('p', 'muted', t('households.views.none')),
      );
    } catch (error) {
      if (!context.onAuthError(error)) views.replaceChildren(element('p', 'message error', apiErrorMessage(error)));
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const householdRef = ref.value.trim();
    const why = reason.value.trim();
    setFieldError(ref, refMessage, householdRef ? '' : t('households.ref.missing'));
    setFieldError(
      reason,
      reasonMessage,
      why.length >= MIN_REASON ? '' : t('households.reason.missing', { min: MIN_REASON }),
    );
    if (!householdRef) return ref.focus();
    if (why.length < MIN_REASON) return reason.focus();
    void busy(form.querySelector('button[type="submit"]'), async () => {
      try {
        const household = await context.api.viewHousehold(context.campaignId(), householdRef, why);
        members.replaceChildren(
          table(
            t('households.members'),
            [t('households.firstName'), t('households.lastName'), t('vouchers.status'), t('vouchers.balance')],
            household.members.map((member) => [
              member.firstName ?? t('households.purged'),
              member.lastName ?? t('households.purged'),
              t(`vouchers.status.${member.status}`),
              `${euros(member.balanceCents)} / ${euros(member.faceValueCents)}`,
            ]),
          ),
        );
        show(members, true);
        reason.value = '';
        await loadViews();
      } catch (error) {
        if (context.onAuthError(error)) return;
        show(members, false);
        setFieldError(ref, refMessage, apiErrorMessage(error));
        ref.focus();
      }
    });
  });

  return {
    open() {
      setMessage(message, '');
      void loadAggregates();
      void loadViews();
      if (focusReason) reason.focus();
      focusReason = false;
    },
    close() {
      // Names are not left on screen once the person goes elsewhere.
      members.replaceChildren();
      show(members, false);
    },
    prefill(householdRef) {
      ref.value = householdRef;
      setFieldError(ref, refMessage, '');
      focusReason = true;
      location.hash = '#households';
    },
  };
}
