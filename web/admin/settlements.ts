/**
 * Settlements (finance, admin): the runs newest first, starting one now, one run's shops and documents
 * (5-minute links, each download audited), and finance's confirmation that the payment file went to the bank.
 */
import { newIdempotencyKey, type SettlementRun } from './admin-api.ts';
import { busy, button, byId, confirmAction, details, element, openLink, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { date, dateTime, euros } from './format.ts';
import { t } from './i18n/index.ts';
import { follow } from './poll.ts';
import type { AdminContext, Screen } from './screens.ts';

const FILE_KINDS = ['payment-file', 'statement-csv', 'summary-pdf'] as const;

export function setupSettlements(context: AdminContext): Screen {
  const start = byId<HTMLButtonElement>('settlement-start');
  const message = byId('settlements-message');
  const list = byId('settlements-list');
  const detail = byId('settlement-detail');
  const detailMessage = byId('settlement-message');
  const approve = byId<HTMLButtonElement>('settlement-approve');
  let shown: SettlementRun | undefined;

  const report = (target: HTMLElement) => (error: unknown) => {
    if (!context.onAuthError(error)) setMessage(target, apiErrorMessage(error), 'error');
  };

  const renderRun = (run: SettlementRun) => {
    shown = run;
    byId('settlement-title').textContent = t('settlements.run.title', { date: dateTime(run.createdAt) });
    details(byId('settlement-fields'), [
      [t('settlements.state'), t(`settlements.status.${run.status}`)],
      [t('settlements.cutoff'), dateTime(run.cutoff)],
      [t('settlements.total'), euros(run.totalCents)],
      [t('settlements.deadline'), run.payoutDeadline ? date(run.payoutDeadline) : '–'],
      ...(run.approvedBy
        ? [[t('settlements.approvedBy'), `${run.approvedBy} (${dateTime(run.approvedAt ?? run.createdAt)})`] as const]
        : []),
    ]);
    byId('settlement-files').replaceChildren(
      ...FILE_KINDS.filter((kind) => run.files.includes(kind)).map((kind) =>
        button(t(`settlements.file.${kind}`), 'secondary compact', () => {
          context.api.settlementFile(run.runId, kind).then((link) => openLink(link.downloadUrl), report(detailMessage));
        }),
      ),
    );
    const rows = [
      ...run.settlements.map((line) => [
        line.merchantName,
        euros(line.amountCents),
        String(line.redemptions),
        line.remittanceReference ?? '–',
        t(`settlements.line.${line.status}`),
      ]),
      ...run.waiting.map((shop) => [
        shop.merchantName,
        euros(shop.amountCents),
        String(shop.redemptions),
        '–',
        t('settlements.line.NO_IBAN'),
      ]),
    ];
    byId('settlement-lines').replaceChildren(
      rows.length === 0
        ? element('p', 'muted', t('settlements.noLine'))
        : table(
            t('settlements.lines'),
            [
              t('shops.name'),
              t('settlements.amount'),
              t('settlements.purchases'),
              t('settlements.reference'),
              t('settlements.state'),
            ],
            rows,
          ),
    );
    show(approve, run.status === 'AWAITING_APPROVAL' && context.can('finance'));
    show(detail, true);
  };

  const openRun = async (runId: string) => {
    try {
      renderRun(await context.api.settlementRun(runId));
      setMessage(detailMessage, '');
      byId('settlement-title').focus();
    } catch (error) {
      report(message)(error);
    }
  };

  const load = async () => {
    try {
      const runs = (await context.api.settlementRuns()).items;
      list.replaceChildren(
        runs.length === 0
          ? element('p', 'muted', t('settlements.none'))
          : table(
              t('settlements.list'),
              [
                t('settlements.started'),
                t('settlements.cutoff'),
                t('settlements.state'),
                t('settlements.total'),
                t('settlements.deadline'),
                '',
              ],
              runs.map((run) => [
                dateTime(run.createdAt),
                dateTime(run.cutoff),
                t(`settlements.status.${run.status}`),
                euros(run.totalCents),
                run.payoutDeadline ? date(run.payoutDeadline) : '–',
                button(
                  t('settlements.show'),
                  'secondary compact',
                  () => void openRun(run.runId),
                  t('settlements.show.label', { date: dateTime(run.createdAt) }),
                ),
              ]),
            ),
      );
    } catch (error) {
      report(message)(error);
    }
  };

  start.addEventListener('click', () => {
    void busy(start, async () => {
      try {
        setMessage(message, t('runs.starting'), 'info');
        // Now: everything bought until this minute (the nightly run stops at the end of the previous day).
        const { runId } = await context.api.startSettlementRun(
          newIdempotencyKey(),
          new Date(Date.now() - 5000).toISOString(),
        );
        const run = await follow(
          () => context.api.settlementRun(runId),
          (run) => run.status !== 'RUNNING',
          (run) => setMessage(message, t(`settlements.status.${run.status}`), 'info'),
        );
        setMessage(message, t(`settlements.status.${run.status}`), run.status === 'FAILED' ? 'error' : 'success');
        await load();
        renderRun(run);
      } catch (error) {
        report(message)(error);
      }
    });
  });

  approve.addEventListener('click', () => {
    const run = shown;
    if (!run) return;
    void busy(approve, async () => {
      if (
        !(await confirmAction(
          t('settlements.approve.question', { total: euros(run.totalCents) }),
          t('settlements.approve'),
        ))
      ) {
        return approve.focus();
      }
      try {
        await context.api.approveSettlementRun(run.runId, newIdempotencyKey());
        // After the run is shown again: showing it clears the detail's message.
        await openRun(run.runId);
        setMessage(detailMessage, t('settlements.approved'), 'success');
        await load();
      } catch (error) {
        report(detailMessage)(error);
        detailMessage.focus();
      }
    });
  });

  return {
    open() {
      show(detail, false);
      void load();
    },
  };
}
