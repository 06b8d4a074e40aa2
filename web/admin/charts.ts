/**
 * The dashboard's four charts, drawn by Chart.js (tree-shaken: only what they use is registered). Loaded by
 * a dynamic import into a chunk of its own. Everything it needs from the page comes in `kit` rather than
 * by import, so that no module is split into a chunk shared with the page's first download. Each canvas
 * gets a text summary (aria-label) for screen readers; animations are off (live refreshes, reduced motion).
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { Dashboard } from './admin-api.ts';
import type { AdminMessageKey } from './i18n/index.ts';

Chart.register(
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  DoughnutController,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

export interface ChartKit {
  readonly t: (key: AdminMessageKey, values?: Readonly<Record<string, string | number>>) => string;
  readonly euros: (cents: number) => string;
  readonly count: (value: number) => string;
  readonly percent: (part: number, whole: number) => string;
  readonly shortDate: (date: string) => string;
  readonly addDays: (date: string, days: number) => string;
  /** Today in Brussels, `YYYY-MM-DD`. */
  readonly today: () => string;
}

export interface DashboardCharts {
  update(figures: Dashboard, period?: { startDate: string; endDate: string }): void;
}

const INK = '#1b1f24';
const ACCENT = '#1f3b5a';
const GREEN = '#0b5d3b';
const AMBER = '#9a5b00';
const GREY = '#8a949e';
/** Shops shown in the top-shops chart. */
const TOP_SHOPS = 8;
/** The burn-down's x axis: at most this many days (a longer campaign is shown from its start anyway). */
const MAX_DAYS = 400;

/** Axis ticks in whole euros (`550 000 €`): cents on an axis are noise. */
const euroTicks = (kit: ChartKit) => (value: string | number) => `${kit.count(Math.round(Number(value)))}\u00a0€`;

function canvas(id: string): HTMLCanvasElement {
  const found = document.getElementById(id);
  if (!(found instanceof HTMLCanvasElement)) throw new Error(`The page has no canvas #${id}`);
  return found;
}

/** Days from `from` to `to`, both included. */
function days(kit: ChartKit, from: string, to: string): string[] {
  const list: string[] = [];
  for (let day = from; day <= to && list.length < MAX_DAYS; day = kit.addDays(day, 1)) list.push(day);
  return list;
}

export function createDashboardCharts(kit: ChartKit): DashboardCharts {
  const { t } = kit;
  Chart.defaults.color = INK;
  Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  Chart.defaults.font.size = 13;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  const euroAxis = { beginAtZero: true, ticks: { callback: euroTicks(kit) } };
  const euroTooltip = {
    callbacks: {
      label: (item: { dataset: { label?: string }; parsed: { y?: number | null; x?: number | null } }) =>
        `${item.dataset.label ?? ''}: ${kit.euros(Math.round((item.parsed.y ?? item.parsed.x ?? 0) * 100))}`,
    },
  };

  const perDay = new Chart(canvas('chart-days'), {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{ label: t('chart.perDay.series'), data: [], backgroundColor: ACCENT, maxBarThickness: 48 }],
    },
    options: { scales: { y: euroAxis }, plugins: { legend: { display: false }, tooltip: euroTooltip } },
  } as ChartConfiguration<'bar'>);

  const shops = new Chart(canvas('chart-shops'), {
    type: 'bar',
    data: {
      labels: [],
      datasets: [{ label: t('chart.shops.series'), data: [], backgroundColor: GREEN, maxBarThickness: 32 }],
    },
    options: {
      indexAxis: 'y',
      scales: { x: euroAxis },
      plugins: { legend: { display: false }, tooltip: euroTooltip },
    },
  } as ChartConfiguration<'bar'>);

  const usage = new Chart(canvas('chart-usage'), {
    type: 'doughnut',
    data: {
      labels: [t('chart.usage.none'), t('chart.usage.partly'), t('chart.usage.fully')],
      datasets: [{ data: [0, 0, 0], backgroundColor: [GREY, AMBER, GREEN], borderColor: '#fff' }],
    },
    options: { plugins: { legend: { position: 'right' } } },
  } as ChartConfiguration<'doughnut'>);

  const burn = new Chart(canvas('chart-burn'), {
    type: 'line',
    data: {
      labels: [],
      datasets: [
        {
          label: t('chart.burn.actual'),
          data: [],
          borderColor: ACCENT,
          backgroundColor: 'rgba(31,59,90,0.12)',
          fill: true,
          borderWidth: 3,
          // Visible even on the campaign's first day, when the line is a single point.
          pointRadius: 3,
        },
        { label: t('chart.burn.even'), data: [], borderColor: GREY, borderDash: [6, 4], pointRadius: 0 },
      ],
    },
    options: { scales: { y: euroAxis, x: { ticks: { maxTicksLimit: 8 } } }, plugins: { tooltip: euroTooltip } },
  } as ChartConfiguration<'line'>);

  const describe = (id: string, text: string) => canvas(id).setAttribute('aria-label', text);

  return {
    update(figures, period) {
      // Per day
      perDay.data.labels = figures.byDay.map((day) => kit.shortDate(day.date));
      perDay.data.datasets[0] = { ...perDay.data.datasets[0], data: figures.byDay.map((day) => day.amountCents / 100) };
      perDay.update();
      const busiest = [...figures.byDay].sort((a, b) => b.amountCents - a.amountCents)[0];
      describe(
        'chart-days',
        busiest
          ? t('chart.perDay.summary', {
              days: figures.byDay.length,
              date: kit.shortDate(busiest.date),
              amount: kit.euros(busiest.amountCents),
            })
          : t('chart.empty'),
      );

      // Top shops
      const top = figures.byMerchant.filter((shop) => shop.amountCents > 0).slice(0, TOP_SHOPS);
      shops.data.labels = top.map((shop) => shop.name);
      shops.data.datasets[0] = { ...shops.data.datasets[0], data: top.map((shop) => shop.amountCents / 100) };
      shops.update();
      describe(
        'chart-shops',
        top.length > 0
          ? t('chart.shops.summary', {
              list: top
                .slice(0, 3)
                .map((shop) => `${shop.name} ${kit.euros(shop.amountCents)}`)
                .join(', '),
            })
          : t('chart.empty'),
      );

      // Share of vouchers used
      const { notUsed, partlyUsed, fullyUsed } = figures.vouchers;
      const total = notUsed + partlyUsed + fullyUsed;
      usage.data.datasets[0] = { ...usage.data.datasets[0], data: [notUsed, partlyUsed, fullyUsed] };
      usage.update();
      describe(
        'chart-usage',
        t('chart.usage.summary', {
          none: kit.percent(notUsed, total),
          partly: kit.percent(partlyUsed, total),
          fully: kit.percent(fullyUsed, total),
        }),
      );

      // Budget burn-down: what is left of the budget each day, against an even pace to the end date.
      if (period) {
        const calendar = days(kit, period.startDate, period.endDate);
        const spent = new Map(figures.byDay.map((day) => [day.date, day.amountCents]));
        const today = kit.today();
        let left = figures.budgetCents;
        const actual = calendar.map((day) => {
          left -= spent.get(day) ?? 0;
          return day <= today ? left / 100 : null;
        });
        const step = calendar.length > 1 ? figures.budgetCents / (calendar.length - 1) : figures.budgetCents;
        burn.data.labels = calendar.map(kit.shortDate);
        burn.data.datasets[0] = { ...burn.data.datasets[0], data: actual } as (typeof burn.data.datasets)[0];
        burn.data.datasets[1] = {
          ...burn.data.datasets[1],
          data: calendar.map((_, index) => Math.max(0, figures.budgetCents - step * index) / 100),
        } as (typeof burn.data.datasets)[1];
        burn.update();
        describe(
          'chart-burn',
          t('chart.burn.summary', {
            left: kit.euros(figures.remainingCents),
            budget: kit.euros(figures.budgetCents),
            end: kit.shortDate(period.endDate),
          }),
        );
      }
    },
  };
}
