/**
 * The letter run's steps, as its state machine calls them: plan (take the vouchers, write the batches' plans),
 * render each batch into its PDF and print-shop manifest, and finish (delete every copy of the codes but the
 * PDFs, tell staff). Each step can be retried or resumed by another execution without printing twice.
 */
import { PassThrough } from 'node:stream';
import { createCampaignStore } from '../data/campaign-store.ts';
import type { DocumentStore } from '../data/document-store.ts';
import { voucherKeys } from '../data/keys.ts';
import { createLetterStore } from '../data/letter-store.ts';
import { createMerchantStore } from '../data/merchant-store.ts';
import { createPersonStore } from '../data/person-store.ts';
import { batchGetAll, type TableContext, withoutKeys } from '../data/table.ts';
import type { BatchSummary } from '../letters/batches.ts';
import type { Envelope } from '../letters/envelopes.ts';
import type { LetterLanguage } from '../letters/i18n/texts.ts';
import type { PartnerShop, TownLetterConfig, VoucherLetter } from '../letters/letter-input.ts';
import { type LetterManifestLine, parseJsonLines } from '../letters/letter-manifest.ts';
import {
  type LetterRun,
  letterRunFiles,
  letterRunPlanPrefix,
  lineOutcome,
  type PlannedLetter,
  planLetters,
} from '../letters/letter-run.ts';
import { PRINT_MANIFEST_CONTENT_TYPE, printManifestCsv } from '../letters/print-manifest-csv.ts';
import { renderLetterBatch } from '../letters/render-letter-batch.ts';
import { compareMerchantNames } from '../merchants/merchant.ts';
import { brusselsDateOf } from '../time/calendar-date.ts';
import { openCode } from '../vouchers/code-seal.ts';
import type { Voucher } from '../vouchers/voucher.ts';
import type { SendMail } from './mailer.ts';
import { RunSupersededError } from './run-superseded.ts';

export interface LetterPipelineConfig {
  readonly town: TownLetterConfig;
  /** Who is told that a run's letters are ready. */
  readonly staffEmails: readonly string[];
  /**
   * A manifest part younger than this may still be issuing its vouchers: a line without a voucher is kept
   * for the next run instead of being dropped with the part.
   */
  readonly graceMinutes: number;
  readonly maxEnvelopesPerBatch?: number;
}

export interface LetterPipelineDependencies {
  readonly table: TableContext;
  readonly documents: DocumentStore;
  /** Opens the sealed codes (shared/vouchers/code-seal.ts); only the render step needs it. */
  readonly codeKey?: Buffer;
  readonly sendMail: SendMail;
  readonly now: () => Date;
  readonly config: LetterPipelineConfig;
}

/** Vouchers taken at once while planning (each a conditional update). */
const TAKES_IN_FLIGHT = 16;

interface StoredPlan {
  readonly summary: BatchSummary;
  readonly envelopes: Envelope<PlannedLetter>[];
  readonly campaign: { name: string; language: LetterLanguage; faceValueCents: number; endDate: string };
  readonly shops: PartnerShop[];
  readonly letterDate: string;
}

export function createLetterPipeline(deps: LetterPipelineDependencies) {
  const runs = createLetterStore(deps.table);
  const campaigns = createCampaignStore(deps.table);
  const people = createPersonStore(deps.table);
  const merchants = createMerchantStore(deps.table);
  const superseded = (runId: string) => new RunSupersededError(`Letter run ${runId} is held by another execution`);

  /** The campaign's partner shops as the letter lists them: active, enrolled, by name. */
  async function partnerShops(campaignId: string): Promise<PartnerShop[]> {
    const [enrolments, shops] = await Promise.all([merchants.enrolments(campaignId), merchants.list()]);
    const enrolled = new Set(enrolments.map((enrolment) => enrolment.merchantId));
    return shops
      .filter((shop) => shop.status === 'ACTIVE' && enrolled.has(shop.merchantId))
      .sort(compareMerchantNames)
      .map((shop) => ({
        name: shop.name,
        address: [shop.address.street, shop.address.number].filter(Boolean).join(' '),
      }));
  }

  return {
    /**
     * Takes the run, and (once) plans it: reads every pending manifest part of the campaign, takes each
     * voucher that has no letter yet, groups the letters into envelopes and batches, and writes each batch's
     * plan. Returns the batch numbers for the Map.
     */
    async plan(input: { runId: string; executionId: string }) {
      const { runId, executionId } = input;
      const run = await runs.claim(runId, executionId, deps.now());
      if (!run) throw superseded(runId);
      if (run.plannedAt) return { runId, executionId, batches: range(run.batchesTotal ?? 0) };
      const campaign = await campaigns.get(run.campaignId);
      if (!campaign) throw new Error(`Letter run ${runId} of unknown campaign ${run.campaignId}`);

      const parts = await deps.documents.listObjects(`letters/pending/${run.campaignId}/`);
      const lines = new Map<string, { line: LetterManifestLine; part: string }>();
      const partLines = new Map<string, LetterManifestLine[]>();
      for (const part of parts) {
        const text = (await deps.documents.getText(part.key)) ?? '';
        const parsed = parseJsonLines(text);
        partLines.set(part.key, parsed);
        for (const line of parsed) if (!lines.has(line.voucherId)) lines.set(line.voucherId, { line, part: part.key });
      }
      const voucherItems = await batchGetAll(
        deps.table,
        [...lines.keys()].map((id) => voucherKeys.item(id)),
      );
      const vouchers = new Map(
        voucherItems.map((item) => {
          const voucher = withoutKeys<Voucher>(item);
          return [voucher.voucherId, voucher] as const;
        }),
      );
      const persons = await people.getMany(
        run.campaignId,
        [...lines.values()].map(({ line }) => line.beneficiaryRef),
      );

      const candidates = [...lines.values()].filter(
        ({ line }) =>
          lineOutcome(line, vouchers.get(line.voucherId), persons.get(line.beneficiaryRef), runId) === 'LETTER',
      );
      const at = deps.now().toISOString();
      const taken: typeof candidates = [];
      for (let start = 0; start < candidates.length; start += TAKES_IN_FLIGHT) {
        const slice = candidates.slice(start, start + TAKES_IN_FLIGHT);
        const results = await Promise.all(slice.map(({ line }) => runs.takeVoucher(line.voucherId, runId, at)));
        slice.forEach((candidate, index) => {
          if (results[index]) taken.push(candidate);
        });
      }

      const letterDate = brusselsDateOf(deps.now());
      const shops = await partnerShops(run.campaignId);
      const plan = planLetters({
        letters: taken.flatMap(({ line }) => {
          const person = persons.get(line.beneficiaryRef);
          return person ? [{ line, person }] : [];
        }),
        letterDate,
        shops,
        ...(deps.config.maxEnvelopesPerBatch ? { maxEnvelopesPerBatch: deps.config.maxEnvelopesPerBatch } : {}),
      });
      const campaignInfo = {
        name: campaign.name,
        language: campaign.language ?? 'fr',
        faceValueCents: campaign.faceValueCents,
        endDate: campaign.endDate,
      };
      for (const batch of plan.batches) {
        const files = letterRunFiles(run.campaignId, runId, batch.summary.number);
        const stored: StoredPlan = {
          ...batch,
          envelopes: [...batch.envelopes],
          campaign: campaignInfo,
          shops,
          letterDate,
        };
        await deps.documents.put(files.plan, JSON.stringify(stored), 'application/json');
        await runs.putBatch({ runId, number: batch.summary.number, status: 'PENDING', summary: batch.summary });
      }

      // A part goes with the run when none of its lines can still get a voucher: every line has one (with
      // this run's letter or another's, or no letter at all if it was voided), or the part is old enough
      // that a line without a voucher comes from an issuing that crashed before it.
      const grace = deps.now().getTime() - deps.config.graceMinutes * 60_000;
      const consumedParts = parts
        .filter(
          (part) =>
            part.lastModified.getTime() <= grace ||
            (partLines.get(part.key) ?? []).every((line) => vouchers.has(line.voucherId)),
        )
        .map((part) => part.key);
      const planned: Partial<LetterRun> = {
        plannedAt: at,
        letters: plan.letters,
        envelopes: plan.envelopes,
        batchesTotal: plan.batches.length,
        batchesDone: 0,
        consumedParts,
      };
      if (!(await runs.owned(runId, executionId, deps.now(), planned))) throw superseded(runId);
      return { runId, executionId, batches: range(plan.batches.length) };
    },

    /** Renders one batch's PDF (streamed to the bucket) and its manifest for the print shop; once. */
    async renderBatch(input: { runId: string; executionId: string; batch: number }) {
      const { runId, executionId, batch: number } = input;
      if (!(await runs.owned(runId, executionId, deps.now()))) throw superseded(runId);
      const batch = await runs.getBatch(runId, number);
      if (!batch) throw new Error(`Letter run ${runId} has no batch ${number}`);
      if (batch.status === 'DONE') return { batch: number, done: true };
      const run = await runs.getRun(runId);
      if (!run) throw new Error(`Unknown letter run ${runId}`);
      const codeKey = deps.codeKey;
      if (!codeKey) throw new Error('Rendering letters needs the voucher code key');
      const files = letterRunFiles(run.campaignId, runId, number);
      const text = await deps.documents.getText(files.plan);
      if (!text) throw new Error(`The plan of batch ${number} of letter run ${runId} is missing`);
      const plan = JSON.parse(text) as StoredPlan;
      // The codes are opened one envelope at a time, as the renderer asks for them.
      const envelopes = function* (): Generator<Envelope<VoucherLetter>> {
        for (const envelope of plan.envelopes) {
          yield {
            ...envelope,
            letters: envelope.letters.map(({ sealedCode, ...letter }) => ({
              ...letter,
              code: openCode(codeKey, sealedCode),
            })),
          };
        }
      };
      const pdf = new PassThrough();
      const upload = deps.documents.putStream(files.pdf, pdf, 'application/pdf');
      const rendered = await renderLetterBatch(
        {
          town: deps.config.town,
          campaign: plan.campaign,
          shops: plan.shops,
          letterDate: plan.letterDate,
          batch: plan.summary,
          envelopes: envelopes(),
        },
        pdf,
      );
      const bytes = await upload;
      await deps.documents.put(
        files.manifest,
        printManifestCsv(plan.envelopes, plan.summary),
        PRINT_MANIFEST_CONTENT_TYPE,
      );
      await runs.batchDone(runId, number, { pdfKey: files.pdf, manifestKey: files.manifest, bytes });
      return { batch: number, done: true, pages: rendered.pages };
    },

    /**
     * Every batch exists: the consumed manifest parts and the plans go (no copy of a code remains but the
     * PDFs), the run is DONE, and staff are told the letters are ready.
     */
    async finish(input: { runId: string; executionId: string }) {
      const { runId, executionId } = input;
      const run = await runs.getRun(runId);
      if (!run) throw new Error(`Unknown letter run ${runId}`);
      if (run.status === 'DONE') return { status: 'DONE' as const };
      const batches = await runs.batches(runId);
      const missing = batches.filter((batch) => batch.status !== 'DONE');
      if (missing.length > 0 || batches.length !== (run.batchesTotal ?? 0)) {
        throw new Error(`Letter run ${runId}: ${missing.length} batch(es) not rendered yet`);
      }
      for (const key of run.consumedParts ?? []) await deps.documents.delete(key);
      for (const key of await deps.documents.list(letterRunPlanPrefix(run.campaignId, runId))) {
        await deps.documents.delete(key);
      }
      const finishedAt = deps.now().toISOString();
      if (!(await runs.owned(runId, executionId, deps.now(), { status: 'DONE', finishedAt }))) throw superseded(runId);
      if (run.letters && run.letters > 0) {
        const pages = batches.reduce((sum, batch) => sum + batch.summary.pages, 0);
        await deps.sendMail({
          to: deps.config.staffEmails,
          subject: `${deps.config.town.letterhead} : ${run.letters} lettres prêtes à imprimer (${batches.length} lot${batches.length > 1 ? 's' : ''})`,
          text: [
            `Les lettres du lot ${runId} sont prêtes : ${run.letters} lettres dans ${run.envelopes} enveloppes, ${batches.length} fichier(s) PDF, ${pages} pages.`,
            'Téléchargez-les depuis la page d’administration (lettres), puis envoyez-les à l’imprimeur avec leur liste CSV.',
            'Les PDF contiennent des codes utilisables : ne les transmettez qu’à l’imprimeur.',
          ].join('\n\n'),
          html: `<p>Les lettres du lot <strong>${runId}</strong> sont prêtes : ${run.letters} lettres dans ${run.envelopes} enveloppes, ${batches.length} fichier(s) PDF, ${pages} pages.</p><p>Téléchargez-les depuis la page d’administration (lettres), puis envoyez-les à l’imprimeur avec leur liste CSV.</p><p><strong>Les PDF contiennent des codes utilisables : ne les transmettez qu’à l’imprimeur.</strong></p>`,
        });
      }
      return { status: 'DONE' as const };
    },

    /** The state machine's last resort: FAILED, to be resumed by the next request for letters. */
    async fail(input: { runId: string; executionId: string; error: string }) {
      await runs.owned(input.runId, input.executionId, deps.now(), {
        status: 'FAILED',
        error: input.error.slice(0, 500),
      });
      return { status: 'FAILED' as const };
    },
  };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_unused, index) => index + 1);
}

export type LetterPipeline = ReturnType<typeof createLetterPipeline>;
