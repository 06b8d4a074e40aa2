/**
 * Issuance and letter runs: start one (an Idempotency-Key per click), follow it to its end with its counts
 * (letters: batch by batch, with a progress bar), download each print batch, and see the earlier letter runs.
 */
import { type LetterRun, newIdempotencyKey } from './admin-api.ts';
import { busy, button, byId, details, element, openLink, setMessage, show, table } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { count, dateTime, euros } from './format.ts';
import { t } from './i18n/index.ts';
import { follow } from './poll.ts';
import type { AdminContext, Screen } from './screens.ts';

export function setupRuns(context: AdminContext): Screen {
  const issuanceStart = byId<HTMLButtonElement>('issuance-start');
  const issuanceStatus = byId('issuance-status');
  const issuanceCounts = byId('issuance-counts');
  const issuanceResume = byId<HTMLButtonElement>('issuance-resume');
  /** The run this page follows: the one the resume button hands to a new worker. */
  let followed: { campaignId: string; runId: string } | undefined;
  const lettersStart = byId<HTMLButtonElement>('letters-start');
  const lettersStatus = byId('letters-status');
  const lettersBox = byId('letters-progress-box');
  const lettersProgress = byId<HTMLProgressElement>('letters-progress');
  const batches = byId('letters-batches');
  const history = byId('letters-runs');

  /** Follows an issuance run to its end, with its counts; the resume button shows while its worker is lost. */
  const followIssuance = async (campaignId: string, runId: string) => {
    followed = { campaignId, runId };
    // Staff may choose another campaign meanwhile: this run's readings then show nowhere.
    const shown = () => context.campaignId() === campaignId;
    const run = await follow(
      () => context.api.issuanceRun(campaignId, runId),
      // Followed no further once another campaign is chosen: coming back picks it up again (pickUpIssuance).
      (run) => run.status === 'DONE' || run.status === 'FAILED' || !shown(),
      (run) => {
        if (!shown()) return;
        // Only a run whose worker's lease ran out can be resumed: the button is there for no other.
        show(issuanceResume, run.stuck);
        if (run.stuck) setMessage(issuanceStatus, t('runs.issuance.stuck'), 'error');
        else setMessage(issuanceStatus, t(`runs.status.${run.status}`), run.status === 'FAILED' ? 'error' : 'info');
        details(issuanceCounts, [
          [t('runs.issuance.issued'), count(run.issued)],
          [t('runs.issuance.already'), count(run.alreadyIssued)],
          [t('runs.issuance.budget'), count(run.notIssuedBudget)],
          [t('runs.issuance.value'), euros(run.issuedValueCents)],
        ]);
        show(issuanceCounts, true);
      },
    );
    if (!shown()) {
      if (followed?.runId === runId) followed = undefined;
      return;
    }
    if (run.status === 'DONE')
      setMessage(issuanceStatus, t('runs.issuance.done', { count: count(run.issued) }), 'success');
  };

  /**
   * Staff who come back (a reload, the next morning) find the run still going, and the resume button if its
   * worker died: the campaign names its latest run.
   */
  const pickUpIssuance = async (campaignId: string) => {
    const latest = (await context.api.campaignDetail(campaignId)).latestIssuanceRun;
    const going = latest && (latest.status === 'PENDING' || latest.status === 'RUNNING');
    if (!going || followed?.runId === latest.runId) return;
    await followIssuance(campaignId, latest.runId);
  };

  issuanceStart.addEventListener('click', () => {
    const campaignId = context.campaignId();
    void busy(issuanceStart, async () => {
      try {
        setMessage(issuanceStatus, t('runs.starting'), 'info');
        const { runId } = await context.api.startIssuance(campaignId, newIdempotencyKey());
        await followIssuance(campaignId, runId);
      } catch (error) {
        if (!context.onAuthError(error)) setMessage(issuanceStatus, apiErrorMessage(error), 'error');
      }
    });
  });

  // A key per click: the server itself refuses a second worker while the first shows signs of life.
  issuanceResume.addEventListener('click', () => {
    const run = followed;
    if (!run) return;
    void busy(issuanceResume, async () => {
      try {
        await context.api.resumeIssuance(run.campaignId, run.runId, newIdempotencyKey());
        show(issuanceResume, false);
        setMessage(issuanceStatus, t('runs.issuance.resumed'), 'info');
      } catch (error) {
        if (!context.onAuthError(error)) setMessage(issuanceStatus, apiErrorMessage(error), 'error');
      }
    });
  });

  const download = (campaignId: string, runId: string, batchId: string) => async () => {
    try {
      openLink((await context.api.letterBatch(campaignId, runId, batchId)).downloadUrl);
    } catch (error) {
      if (!context.onAuthError(error)) setMessage(lettersStatus, apiErrorMessage(error), 'error');
    }
  };

  const showRun = (run: LetterRun) => {
    const { batchesDone, batchesTotal } = run.progress;
    show(lettersBox, run.status === 'RUNNING' || run.status === 'PENDING');
    lettersProgress.max = Math.max(1, batchesTotal);
    lettersProgress.value = batchesDone;
    const text =
      run.status === 'DONE'
        ? t('runs.letters.done', {
            letters: count(run.letters),
            envelopes: count(run.envelopes),
            batches: count(batchesTotal),
          })
        : run.status === 'FAILED'
          ? t('runs.status.FAILED')
          : t('runs.letters.progressText', { done: count(batchesDone), total: count(batchesTotal) });
    setMessage(lettersStatus, text, run.status === 'FAILED' ? 'error' : run.status === 'DONE' ? 'success' : 'info');
    batches.replaceChildren(
      run.batches.length === 0
        ? element('p', 'muted', t('runs.letters.noBatch'))
        : table(
            t('runs.letters.batches'),
            [
              t('runs.letters.batch'),
              t('runs.letters.letters'),
              t('runs.letters.envelopes'),
              t('runs.letters.pages'),
              t('runs.letters.postcodes'),
              t('runs.letters.file'),
            ],
            run.batches.map((batch) => [
              batch.batchId,
              count(batch.letters),
              count(batch.envelopes),
              count(batch.pages),
              `${batch.postcodes.from} – ${batch.postcodes.to}`,
              batch.status === 'DONE'
                ? button(
                    t('runs.letters.download'),
                    'secondary compact',
                    () => void download(run.campaignId, run.runId, batch.batchId)(),
                    t('runs.letters.download.label', { batch: batch.batchId }),
                  )
                : t('runs.status.RUNNING'),
            ]),
          ),
    );
  };

  const followLetters = async (campaignId: string, runId: string) => {
    await follow(
      () => context.api.letterRun(campaignId, runId),
      (run) => run.status === 'DONE' || run.status === 'FAILED',
      showRun,
    );
    await loadHistory();
  };

  const loadHistory = async () => {
    const campaignId = context.campaignId();
    if (!campaignId) return;
    try {
      const runs = (await context.api.letterRuns(campaignId)).items;
      history.replaceChildren(
        runs.length === 0
          ? element('p', 'muted', t('runs.letters.none'))
          : table(
              t('runs.letters.history'),
              [
                t('runs.letters.started'),
                t('runs.letters.state'),
                t('runs.letters.letters'),
                t('runs.letters.envelopes'),
                '',
              ],
              runs.map((run) => [
                dateTime(run.createdAt),
                t(`runs.status.${run.status}`),
                count(run.letters),
                count(run.envelopes),
                button(
                  t('runs.letters.show'),
                  'secondary compact',
                  () => void followLetters(campaignId, run.runId).catch(report),
                  t('runs.letters.show.label', { date: dateTime(run.createdAt) }),
                ),
              ]),
            ),
      );
    } catch (error) {
      report(error);
    }
  };

  const report = (error: unknown) => {
    if (!context.onAuthError(error)) setMessage(lettersStatus, apiErrorMessage(error), 'error');
  };

  lettersStart.addEventListener('click', () => {
    const campaignId = context.campaignId();
    void busy(lettersStart, async () => {
      try {
        setMessage(lettersStatus, t('runs.starting'), 'info');
        const { runId } = await context.api.startLetterRun(campaignId, newIdempotencyKey());
        await followLetters(campaignId, runId);
      } catch (error) {
        report(error);
      }
    });
  });

  return {
    open() {
      void loadHistory();
      const campaignId = context.campaignId();
      // What the screen showed of another campaign's run goes.
      if (followed?.campaignId !== campaignId) {
        setMessage(issuanceStatus, '');
        show(issuanceCounts, false);
        show(issuanceResume, false);
      }
      if (campaignId) {
        pickUpIssuance(campaignId).catch((error: unknown) => {
          if (!context.onAuthError(error)) setMessage(issuanceStatus, apiErrorMessage(error), 'error');
        });
      }
    },
  };
}
