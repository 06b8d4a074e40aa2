/**
 * Sending an application, step by step, each step resumable: file it (the answer carries the presigned
 * upload URL), upload the proof with its progress, submit. A failed step is offered again without redoing
 * the ones done (the upload URL stays valid for a while; submitting twice is harmless).
 */

import type { createMessages } from '../citizen/messages.ts';
import { ApiError } from '../lib/api-client.ts';
import { byId, show } from '../lib/dom.ts';
import { type FiledApplication, type Filing, fileApplication, submitApplication } from './application-api.ts';
import type { Fields } from './fields.ts';
import type { DemandeMessageKey } from './i18n/index.ts';
import { UploadError, uploadProof } from './upload.ts';

export type Screen = 'form' | 'sending' | 'receipt';
type Messages = ReturnType<typeof createMessages<DemandeMessageKey>>;

/** The API's field names (a 400's `errors[].path`) to the page's inputs. */
const FIELD_OF_PATH: Readonly<Record<string, keyof Fields>> = {
  nationalNumber: 'nationalNumber',
  birthDate: 'birthDate',
  postcode: 'postcode',
  email: 'email',
  consent: 'consent',
};

interface Attempt {
  readonly campaignId: string;
  readonly filing: Filing;
  readonly file: File;
  filed?: FiledApplication;
  uploaded: boolean;
}

export function setupSending(deps: {
  messages: Messages;
  fields: Fields;
  showScreen: (screen: Screen) => void;
  /** The API refused a field the page had accepted (its rules changed): back to the form, on that field. */
  onFieldRefused: (field: HTMLElement | undefined) => void;
  /** The uploaded file is not what it claimed to be: a new file (and a new filing) is needed. */
  onProofRefused: () => void;
  receipt: (applicationId: string) => void;
}) {
  const progress = byId<HTMLProgressElement>('upload-progress');
  const status = byId('sending-status');
  const message = byId('sending-message');
  const retry = byId<HTMLButtonElement>('sending-retry');
  const back = byId<HTMLButtonElement>('sending-back');
  const { messages } = deps;
  let attempt: Attempt | undefined;
  let percent = 0;

  const setPercent = (fraction: number) => {
    percent = Math.round(fraction * 100);
    progress.value = percent;
    messages.say(status, 'sending.upload', { values: { percent }, kind: 'info' });
  };

  const fail = (key: DemandeMessageKey, options: { retry: boolean; minutes?: number }) => {
    messages.clear(status);
    messages.say(message, key, options.minutes === undefined ? {} : { values: { minutes: options.minutes } });
    show(retry, options.retry);
    show(back, true);
    (options.retry ? retry : back).focus();
  };

  const failApi = (error: unknown) => {
    if (!(error instanceof ApiError) || error.code === 'NETWORK' || error.status >= 500) {
      fail(error instanceof ApiError && error.code === 'NETWORK' ? 'error.NETWORK' : 'error.OTHER', { retry: true });
      return;
    }
    if (error.code === 'TOO_MANY_ATTEMPTS') {
      fail('error.TOO_MANY_ATTEMPTS', {
        retry: true,
        minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 600) / 60)),
      });
    } else if (error.code === 'APPLICATIONS_CLOSED' || error.code === 'CAMPAIGN_NOT_FOUND') {
      fail('error.APPLICATIONS_CLOSED', { retry: false });
    } else if (error.code === 'PROOF_INVALID') {
      attempt = undefined;
      deps.onProofRefused();
    } else if (error.code === 'PROOF_MISSING' && attempt) {
      attempt.uploaded = false;
      fail('error.UPLOAD', { retry: true });
    } else if (error.code === 'VALIDATION_FAILED') {
      const errors = (error.problem as { errors?: Array<{ path?: string }> } | undefined)?.errors ?? [];
      const name = errors.map((entry) => FIELD_OF_PATH[entry.path ?? '']).find(Boolean);
      attempt = undefined;
      deps.onFieldRefused(name ? deps.fields[name] : undefined);
    } else fail('error.OTHER', { retry: true });
  };

  const run = async () => {
    const current = attempt;
    if (!current) return;
    show(retry, false);
    show(back, false);
    messages.clear(message);
    try {
      if (!current.filed || Date.parse(current.filed.uploadExpiresAt) < Date.now() + 30_000) {
        messages.say(status, 'sending.filing', { kind: 'info' });
        current.filed = await fileApplication(current.campaignId, current.filing);
        current.uploaded = false;
      }
      const filed = current.filed;
      if (!current.uploaded) {
        setPercent(0);
        await uploadProof(filed.uploadUrl, filed.uploadHeaders, current.file, setPercent);
        current.uploaded = true;
      }
      messages.say(status, 'sending.submitting', { kind: 'info' });
      await submitApplication(current.campaignId, filed.applicationId);
      attempt = undefined;
      deps.receipt(filed.applicationId);
      deps.showScreen('receipt');
    } catch (error) {
      if (error instanceof UploadError) fail('error.UPLOAD', { retry: true });
      else failApi(error);
    }
  };

  retry.addEventListener('click', () => void run());
  back.addEventListener('click', () => {
    attempt = undefined;
    deps.showScreen('form');
  });

  return {
    async start(campaignId: string, filing: Filing, file: File): Promise<void> {
      if (attempt) return; // a double tap sends once
      attempt = { campaignId, filing, file, uploaded: false };
      progress.value = 0;
      deps.showScreen('sending');
      await run();
    },
    /** Nothing to redraw here that the shown messages do not cover (they follow the language by key). */
    render(): void {
      progress.value = percent;
    },
  };
}
