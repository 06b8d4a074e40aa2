/**
 * The "Remboursements" section of the today screen: each reimbursement by the town, newest first, with its
 * amount, status, structured communication (copyable) and number of purchases. Loaded with that screen.
 */
import type { brusselsDateOf } from '../../shared/time/calendar-date.ts';
import type { formatAmount, formatDate } from '../lib/i18n/format.ts';
import type { byId, setMessage } from './dom.ts';
import type { apiErrorMessage } from './error-messages.ts';
import type { t } from './i18n/index.ts';
import type { MerchantApi, MerchantSettlementList } from './merchant-api.ts';

type Settlement = MerchantSettlementList['items'][number];

/**
 * The page's own helpers, handed over rather than imported (only types are imported above): a module
 * imported both here and by main.ts would go into a chunk shared by both, and that split costs the page's
 * first download about 0.8 KB gzip, near what this whole section weighs (about 1 KB, loaded later).
 */
export interface PageKit {
  readonly t: typeof t;
  readonly byId: typeof byId;
  readonly setMessage: typeof setMessage;
  readonly apiErrorMessage: typeof apiErrorMessage;
  readonly formatAmount: typeof formatAmount;
  readonly formatDate: typeof formatDate;
  readonly brusselsDateOf: typeof brusselsDateOf;
}

export interface SettlementsSection {
  /**
   * Loads the list afresh. A refresh (`keep`) leaves the shown list until the answer and is ignored while
   * a load is under way; a new visit of the screen starts over.
   */
  load(options?: { keep?: boolean }): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  if (className) created.className = className;
  if (text !== undefined) created.textContent = text;
  return created;
}

function cards(kit: PageKit) {
  const { t } = kit;

  /** "Versé le …", or "En cours de paiement" and since when (the day its purchases were counted). */
  const status = (settlement: Settlement): HTMLElement => {
    const line = element('p', 'payout-status');
    if (settlement.status === 'PAID' && settlement.payoutDate) {
      line.append(element('span', 'badge', t('settlements.paid', { date: kit.formatDate(settlement.payoutDate) })));
      return line;
    }
    line.append(element('span', 'badge', t('settlements.pending')));
    if (settlement.closedAt) {
      const since = kit.formatDate(kit.brusselsDateOf(new Date(settlement.closedAt)));
      line.append(' ', element('span', 'since', t('settlements.pending.since', { date: since })));
    }
    return line;
  };

  /** Copies to the clipboard; where the phone refuses, selects the text so that its own menu can copy it. */
  const copy = async (text: HTMLElement, feedback: HTMLElement) => {
    try {
      await navigator.clipboard.writeText(text.textContent ?? '');
      kit.setMessage(feedback, t('settlements.copied'), 'success');
    } catch {
      getSelection()?.selectAllChildren(text);
      kit.setMessage(feedback, t('settlements.copy.failed'), 'info');
    }
  };

  const reference = (communication: string | null): HTMLElement => {
    const cell = element('dd', 'payout-reference');
    if (communication === null) {
      cell.append(element('span', 'muted', t('settlements.reference.none')));
      return cell;
    }
    const text = element('span', 'reference', communication);
    const button = element('button', 'secondary compact', t('settlements.copy'));
    button.type = 'button';
    button.setAttribute('aria-label', t('settlements.copy.label', { reference: communication }));
    // In the page (empty) before the copy, so that screen readers announce what is then written into it.
    const feedback = element('p', 'message copy-feedback');
    feedback.setAttribute('role', 'status');
    button.addEventListener('click', () => void copy(text, feedback));
    cell.append(text, button, feedback);
    return cell;
  };

  return (settlement: Settlement): HTMLLIElement => {
    const details = element('dl', 'payout-details');
    details.append(
      element('dt', '', t('settlements.reference')),
      reference(settlement.remittanceReference),
      element('dt', '', t('settlements.purchases')),
      element('dd', '', String(settlement.redemptions)),
    );
    const li = element('li', `payout ${settlement.status === 'PAID' ? 'paid' : 'pending'}`);
    li.append(element('h3', 'payout-amount', kit.formatAmount(settlement.amountCents)), status(settlement), details);
    return li;
  };
}

export function setupSettlements(deps: {
  api: MerchantApi;
  onAuthError: (error: unknown) => boolean;
  kit: PageKit;
}): SettlementsSection {
  const { kit } = deps;
  const { t } = kit;
  const status = kit.byId('settlements-status');
  const list = kit.byId<HTMLUListElement>('settlements-list');
  const refresh = kit.byId<HTMLButtonElement>('settlements-refresh');
  const card = cards(kit);
  let generation = 0;
  let loading = false;

  const load = (options: { keep?: boolean } = {}) => {
    if (options.keep && loading) return;
    loading = true;
    const mine = ++generation;
    if (!options.keep) list.replaceChildren();
    // aria-disabled rather than disabled: the button keeps the focus while the list reloads.
    refresh.setAttribute('aria-disabled', 'true');
    status.classList.remove('empty');
    kit.setMessage(status, t('settlements.loading'), 'info');
    deps.api
      .settlements()
      .then((answer) => {
        if (mine !== generation) return;
        const count = answer.items.length;
        const text =
          count === 0
            ? t('settlements.empty')
            : count === 1
              ? t('settlements.count.one')
              : t('settlements.count.many', { count });
        kit.setMessage(status, text, 'info');
        status.classList.toggle('empty', count === 0);
        list.replaceChildren(...answer.items.map(card));
      })
      .catch((error: unknown) => {
        if (mine !== generation || deps.onAuthError(error)) return;
        list.replaceChildren();
        kit.setMessage(status, kit.apiErrorMessage(error), 'error');
      })
      .finally(() => {
        if (mine !== generation) return;
        loading = false;
        refresh.removeAttribute('aria-disabled');
      });
  };

  return { load };
}
