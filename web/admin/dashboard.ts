/**
 * The dashboard: the campaign's figures in large type and four charts, refreshed every few seconds while the
 * screen is shown and the tab visible. The chart library (Chart.js) comes in a chunk of its own, imported
 * only when the dashboard first has figures: the rest of the page never waits for it.
 */
import { addDays, brusselsDateOf } from '../../shared/time/calendar-date.ts';
import type { Dashboard } from './admin-api.ts';
import type { ChartKit, DashboardCharts } from './charts.ts';
import { byId, setMessage } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { count, dateTime, euros, percent, shortDate } from './format.ts';
import { t } from './i18n/index.ts';
import type { AdminContext, Screen } from './screens.ts';

/** How often the figures are read again while the screen is shown. */
export const REFRESH_MS = 4000;

export function setupDashboard(context: AdminContext): Screen {
  const message = byId('dashboard-message');
  const chartsStatus = byId('charts-status');
  let timer: ReturnType<typeof setInterval> | undefined;
  let charts: Promise<DashboardCharts> | undefined;
  let generation = 0;

  const text = (id: string, value: string) => {
    byId(id).textContent = value;
  };

  const renderFigures = (figures: Dashboard) => {
    const { vouchers, households } = figures;
    const issuedVouchers = vouchers.notUsed + vouchers.partlyUsed + vouchers.fullyUsed;
    text('dashboard-asof', t('dashboard.asOf', { time: dateTime(figures.asOf) }));
    text('fig-budget', euros(figures.budgetCents));
    text('fig-issued', euros(figures.issued.valueCents));
    text('fig-issued-count', t('dashboard.issued.count', { count: count(figures.issued.count) }));
    text('fig-redeemed', euros(figures.redeemed.valueCents));
    text('fig-redeemed-count', t('dashboard.redeemed.count', { count: count(figures.redeemed.count) }));
    text('fig-remaining', euros(figures.remainingCents));
    text('fig-balances', t('dashboard.remaining.balances', { amount: euros(figures.remainingBalancesCents) }));
    text('fig-households', `${count(households.used)} / ${count(households.total)}`);
    text(
      'fig-households-share',
      t('dashboard.households.share', { share: percent(households.used, households.total) }),
    );
    text('fig-vouchers', percent(vouchers.partlyUsed + vouchers.fullyUsed, issuedVouchers));
    text(
      'fig-vouchers-detail',
      t('dashboard.vouchers.detail', {
        none: count(vouchers.notUsed),
        partly: count(vouchers.partlyUsed),
        fully: count(vouchers.fullyUsed),
      }),
    );
  };

  const kit: ChartKit = { t, euros, count, percent, shortDate, addDays, today: () => brusselsDateOf(new Date()) };

  const drawCharts = (figures: Dashboard) => {
    if (!charts) {
      setMessage(chartsStatus, t('chart.loading'), 'info');
      charts = import('./charts.ts').then((module) => module.createDashboardCharts(kit));
    }
    const campaign = context.campaign();
    charts
      .then((drawn) => {
        drawn.update(figures, campaign ? { startDate: campaign.startDate, endDate: campaign.endDate } : undefined);
        setMessage(chartsStatus, '');
      })
      .catch(() => {
        charts = undefined;
        setMessage(chartsStatus, t('chart.failed'), 'error');
      });
  };

  const refresh = () => {
    const campaignId = context.campaignId();
    if (!campaignId) {
      setMessage(message, t('dashboard.noCampaign'), 'info');
      return;
    }
    const mine = ++generation;
    context.api
      .dashboard(campaignId)
      .then((figures) => {
        if (mine !== generation) return;
        setMessage(message, '');
        renderFigures(figures);
        drawCharts(figures);
      })
      .catch((error: unknown) => {
        if (mine !== generation || context.onAuthError(error)) return;
        setMessage(message, apiErrorMessage(error));
      });
  };

  const stop = () => {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  };

  // No polling in a hidden tab; a tab coming back refreshes at once.
  document.addEventListener('visibilitychange', () => {
    if (timer === undefined) return;
    if (document.visibilityState === 'visible') refresh();
  });

  return {
    open() {
      stop();
      for (const id of [
        'fig-budget',
        'fig-issued',
        'fig-redeemed',
        'fig-remaining',
        'fig-households',
        'fig-vouchers',
      ]) {
        text(id, '–');
      }
      refresh();
      timer = setInterval(() => {
        if (document.visibilityState === 'visible') refresh();
      }, REFRESH_MS);
    },
    close() {
      stop();
      generation++;
    },
  };
}
