/**
 * The audit log: a day's events, newest first, filtered by what they concern (entity type) and by who acted
 * (username); "Show more" follows the API's cursor. Who looked at which household, and why, is read here.
 */
import { brusselsDateOf } from '../../shared/time/calendar-date.ts';
import type { AuditFilter, AuditPage } from './admin-api.ts';
import { busy, byId, element, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { euros, time } from './format.ts';
import { isMessageKey, t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

const ENTITY_TYPES = [
  'voucher',
  'household',
  'campaign',
  'merchant',
  'import',
  'issuanceRun',
  'application',
  'settlementRun',
] as const;

type AuditEvent = AuditPage['items'][number];

/** An action in words; an action newer than this page is shown as the API names it. */
function action(event: AuditEvent): string {
  const key = `audit.action.${event.action}`;
  return isMessageKey(key) ? t(key) : event.action;
}

function detailsOf(event: AuditEvent): string {
  const parts = Object.entries(event.details ?? {})
    .filter(([name]) => name !== 'campaignId')
    .map(([name, value]) => `${name}: ${value}`);
  if (event.amountCents !== undefined) parts.unshift(euros(event.amountCents));
  return parts.join(' · ');
}

export function setupAudit(context: AdminContext): Screen {
  const form = byId<HTMLFormElement>('audit-form');
  const day = byId<HTMLInputElement>('audit-day');
  const entity = byId<HTMLSelectElement>('audit-entity');
  const actor = byId<HTMLInputElement>('audit-actor');
  const message = byId('audit-message');
  const list = byId('audit-list');
  const more = byId<HTMLButtonElement>('audit-more');
  let events: AuditEvent[] = [];
  let filter: AuditFilter = {};
  let cursor: string | null = null;

  const all = element('option', '', t('audit.entity.all'));
  all.value = '';
  entity.replaceChildren(
    all,
    ...ENTITY_TYPES.map((type) => {
      const option = element('option', '', t(`audit.entity.${type}`));
      option.value = type;
      return option;
    }),
  );

  const render = () => {
    setMessage(message, t('audit.count', { count: events.length }), 'info');
    list.replaceChildren(
      events.length === 0
        ? element('p', 'muted', t('audit.none'))
        : table(
            t('audit.list'),
            [t('audit.time'), t('audit.who'), t('audit.what'), t('audit.on'), t('audit.details')],
            events.map((event) => [
              time(event.at),
              `${event.actor.username} (${event.actor.role})`,
              action(event),
              `${t(`audit.entity.${event.entityType as (typeof ENTITY_TYPES)[number]}`)} ${event.entityId}`,
              detailsOf(event),
            ]),
          ),
    );
    show(more, cursor !== null);
  };

  /** Reads pages until something matches or the day ends (the API filters within pages of the day). */
  const read = async (append: boolean) => {
    try {
      let page: AuditPage;
      const found: AuditEvent[] = [];
      do {
        page = await context.api.auditEvents({ ...filter, ...(cursor ? { cursor } : {}) });
        found.push(...page.items);
        cursor = page.nextCursor;
      } while (found.length === 0 && cursor);
      events = append ? [...events, ...found] : found;
      render();
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error), 'error');
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    filter = { day: day.value, entityType: entity.value, actor: actor.value.trim() };
    cursor = null;
    void busy(form.querySelector('button[type="submit"]'), () => read(false));
  });
  more.addEventListener('click', () => void busy(more, () => read(true)));

  return {
    open() {
      if (!day.value) day.value = brusselsDateOf(new Date());
      filter = { day: day.value, entityType: entity.value, actor: actor.value.trim() };
      cursor = null;
      void read(false);
    },
  };
}
