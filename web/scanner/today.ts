/**
 * Today's redemptions of the shop, newest first, with the day's total (cancelled ones shown, not counted);
 * below them the town's reimbursements, whose code is fetched with the screen (./settlements.ts).
 */
import { brusselsDateOf } from '../../shared/time/calendar-date.ts';
import { formatAmount, formatDate, formatTime } from '../lib/i18n/format.ts';
import { byId, setMessage } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { t } from './i18n/index.ts';
import type { MerchantApi, MerchantRedemptionList } from './merchant-api.ts';
import { showScreen } from './screens.ts';
import type { PageKit, SettlementsSection } from './settlements.ts';

export interface TodayScreen {
  open(): void;
}

const kit: PageKit = { t, byId, setMessage, apiErrorMessage, formatAmount, formatDate, brusselsDateOf };

function row(item: MerchantRedemptionList['items'][number]): HTMLLIElement {
  const li = document.createElement('li');
  li.className = item.status === 'REVERSED' ? 'redemption reversed' : 'redemption';
  const cells: Array<[string, string]> = [
    ['time', formatTime(item.createdAt)],
    ['reference', item.reference],
    ['amount', formatAmount(item.amountCents)],
  ];
  if (item.status === 'REVERSED') cells.push(['state', t('today.reversed')]);
  for (const [name, text] of cells) {
    const span = document.createElement('span');
    span.className = name;
    span.textContent = text;
    li.append(span, ' ');
  }
  return li;
}

export function setupToday(deps: {
  api: MerchantApi;
  onBack: () => void;
  onAuthError: (error: unknown) => boolean;
}): TodayScreen {
  const total = byId('today-total');
  const count = byId('today-count');
  const list = byId<HTMLUListElement>('today-list');
  let generation = 0;

  // Out of the page's first download: most visits of the scanner are for charging, not for the payouts.
  let settlements: Promise<SettlementsSection> | undefined;
  const loadSettlements = (options: { keep?: boolean } = {}) => {
    settlements ??= import('./settlements.ts').then((module) => module.setupSettlements({ ...deps, kit }));
    settlements.then(
      (section) => section.load(options),
      () => {
        settlements = undefined; // the next visit or refresh tries the download again
        setMessage(byId('settlements-status'), t('error.NETWORK'), 'error');
      },
    );
  };

  byId('today-back').addEventListener('click', () => deps.onBack());
  byId('settlements-refresh').addEventListener('click', () => loadSettlements({ keep: true }));

  return {
    open() {
      const mine = ++generation;
      total.textContent = '';
      list.replaceChildren();
      setMessage(count, t('today.loading'), 'info');
      showScreen('today');
      loadSettlements();
      deps.api
        .today()
        .then((answer) => {
          if (mine !== generation) return;
          total.textContent = t('today.total', { total: formatAmount(answer.totalCents) });
          const text =
            answer.count === 0
              ? t('today.count.zero')
              : answer.count === 1
                ? t('today.count.one')
                : t('today.count.many', { count: answer.count });
          setMessage(count, text, 'info');
          list.replaceChildren(...answer.items.map(row));
        })
        .catch((error: unknown) => {
          if (mine !== generation || deps.onAuthError(error)) return;
          setMessage(count, apiErrorMessage(error), 'error');
        });
    },
  };
}
