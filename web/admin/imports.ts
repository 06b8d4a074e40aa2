/**
 * Register imports: the file goes from the browser straight to the bucket (the presigned PUT of POST
 * …/imports, with upload progress), then the import is processed in the background and followed until it is
 * done: its counts, and links to the rejected-rows report (and the people missing from the file).
 */
import type { ImportStatus } from './admin-api.ts';
import { busy, byId, details, element, setMessage, show } from './dom.ts';
import { apiErrorMessage } from './error-messages.ts';
import { count } from './format.ts';
import { t } from './i18n/index.ts';
import { follow } from './poll.ts';
import type { AdminContext, Screen } from './screens.ts';

class UploadError extends Error {}

/** PUT with progress events (fetch has none for uploads); rejects unless the bucket answers 2xx. */
function upload(url: string, headers: Record<string, string>, file: File, onProgress: (share: number) => void) {
  return new Promise<void>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () =>
      request.status >= 200 && request.status < 300 ? resolve() : reject(new UploadError(String(request.status))),
    );
    request.addEventListener('error', () => reject(new UploadError('network')));
    request.send(file);
  });
}

export function setupImports(context: AdminContext): Screen {
  const form = byId<HTMLFormElement>('import-form');
  const fileInput = byId<HTMLInputElement>('import-file');
  const progressBox = byId('import-progress-box');
  const progress = byId<HTMLProgressElement>('import-progress');
  const status = byId('import-status');
  const message = byId('import-message');
  const result = byId('import-result');
  const resume = byId<HTMLButtonElement>('import-resume');
  /** The import this page follows: the one the resume button hands to a new worker. */
  let followed: { campaignId: string; importId: string } | undefined;

  resume.addEventListener('click', () => {
    const job = followed;
    if (!job) return;
    void busy(resume, async () => {
      try {
        await context.api.resumeImport(job.campaignId, job.importId);
        show(resume, false);
        setMessage(status, t('imports.resumed'), 'info');
      } catch (error) {
        if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error));
      }
    });
  });

  const setProgress = (share: number | undefined) => {
    show(progressBox, true);
    // No value: an indeterminate bar while the server works without a measure of its own.
    if (share === undefined) progress.removeAttribute('value');
    else progress.value = Math.round(share * 100);
  };

  const link = (href: string | null, key: 'imports.report' | 'imports.missingReport') => {
    if (!href) return [];
    const anchor = element('a', 'button-link', t(key));
    anchor.href = href;
    anchor.rel = 'noopener noreferrer';
    anchor.target = '_blank';
    return [anchor];
  };

  const renderResult = (job: ImportStatus) => {
    details(byId('import-counts'), [
      [
        t('imports.rows'),
        t('imports.rows.value', {
          total: count(job.rows.total),
          valid: count(job.rows.valid),
          invalid: count(job.rows.invalid),
        }),
      ],
      [
        t('imports.people'),
        t('imports.people.value', {
          new: count(job.people.new),
          updated: count(job.people.updated),
          unchanged: count(job.people.unchanged),
        }),
      ],
      [t('imports.missing'), count(job.people.missing)],
      [t('imports.notEligible'), count(job.people.notEligible)],
      [
        t('imports.eligible'),
        t('imports.eligible.value', {
          automatic: count(job.eligible.automatic),
          onApplication: count(job.eligible.onApplication),
        }),
      ],
      [t('imports.duplicates'), count(job.duplicates)],
    ]);
    byId('import-links').replaceChildren(
      ...link(job.reportUrl, 'imports.report'),
      ...link(job.missingReportUrl, 'imports.missingReport'),
    );
    show(result, true);
  };

  /** Follows an import being processed to its end: its counts and reports, or why it failed. */
  const followImport = async (campaignId: string, importId: string) => {
    followed = { campaignId, importId };
    // Staff may choose another campaign meanwhile: this import's readings then show nowhere.
    const shown = () => context.campaignId() === campaignId;
    const job = await follow(
      () => context.api.importStatus(campaignId, importId),
      // Followed no further once another campaign is chosen: coming back picks it up again (pickUp).
      (job) => job.status === 'DONE' || job.status === 'FAILED' || !shown(),
      // Only an import whose worker's lease ran out can be resumed: the button is there for no other.
      (job) => {
        if (!shown()) return;
        show(resume, job.stuck);
        if (job.stuck) setMessage(status, t('imports.stuck'), 'error');
      },
    );
    if (!shown()) {
      if (followed?.importId === importId) followed = undefined;
      return;
    }
    show(resume, false);
    show(progressBox, false);
    if (job.status === 'FAILED') {
      setMessage(status, '');
      // The worker's own reason is written in French for the clerk (ImportStatusSchema.error).
      setMessage(message, t('imports.failed', { reason: job.error?.message ?? '' }));
      return message.focus();
    }
    setMessage(
      status,
      t('imports.done', { valid: count(job.rows.valid), invalid: count(job.rows.invalid) }),
      'success',
    );
    renderResult(job);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const file = fileInput.files?.[0];
    if (!file) {
      setMessage(message, t('imports.noFile'));
      return fileInput.focus();
    }
    const campaignId = context.campaignId();
    void busy(form.querySelector('button[type="submit"]'), async () => {
      setMessage(message, '');
      show(result, false);
      try {
        setMessage(status, t('imports.uploading', { share: '0 %' }), 'info');
        setProgress(0);
        const slot = await context.api.createImport(campaignId);
        if (file.size > slot.maxBytes) {
          setMessage(status, '');
          show(progressBox, false);
          setMessage(message, t('error.UPLOAD_TOO_LARGE'));
          return message.focus();
        }
        await upload(slot.uploadUrl, slot.uploadHeaders, file, (share) => {
          setProgress(share);
          setMessage(status, t('imports.uploading', { share: `${Math.round(share * 100)} %` }), 'info');
        });
        setProgress(undefined);
        setMessage(status, t('imports.processing'), 'info');
        await context.api.processImport(campaignId, slot.importId);
        await followImport(campaignId, slot.importId);
      } catch (error) {
        if (context.onAuthError(error)) return;
        show(progressBox, false);
        setMessage(status, '');
        setMessage(message, error instanceof UploadError ? t('imports.uploadFailed') : apiErrorMessage(error));
        message.focus();
      }
    });
  });

  /**
   * Staff who come back (a reload, the next morning) find the import still being processed, and the resume
   * button if its worker died: the campaign names its latest import.
   */
  const pickUp = async (campaignId: string) => {
    const latest = (await context.api.campaignDetail(campaignId)).latestImport;
    if (latest?.status !== 'PROCESSING' || followed?.importId === latest.importId) return;
    setMessage(status, t('imports.processing'), 'info');
    setProgress(undefined);
    await followImport(campaignId, latest.importId);
  };

  return {
    open() {
      const campaignId = context.campaignId();
      // What the screen showed of another campaign's import goes.
      if (followed?.campaignId !== campaignId) {
        for (const box of [status, message]) setMessage(box, '');
        for (const part of [progressBox, result, resume]) show(part, false);
      }
      if (!campaignId) return setMessage(message, t('dashboard.noCampaign'), 'info');
      pickUp(campaignId).catch((error: unknown) => {
        if (!context.onAuthError(error)) setMessage(message, apiErrorMessage(error));
      });
    },
  };
}
