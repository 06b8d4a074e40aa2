/**
 * The letter run state machine's Lambda tasks over one set of dependencies: each handler module exposes one
 * of them; tests bind the rendered state machine to them directly.
 */
import * as z from 'zod/mini';
import { createLetterPipeline, type LetterPipelineDependencies } from '../../../shared/services/letter-pipeline.ts';
import type { LetterTaskName } from './task-table.ts';

const RunEvent = z.object({
  runId: z.string().check(z.regex(/^L[0-9A-Z]{16}$/)),
  executionId: z.string().check(z.minLength(1)),
});
const BatchEvent = z.extend(RunEvent, { batch: z.int().check(z.minimum(1)) });
const FailedEvent = z.extend(RunEvent, {
  failure: z.looseObject({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }),
});

export type LetterTask = (event: unknown) => Promise<unknown>;

export function letterTasks(deps: LetterPipelineDependencies): Record<LetterTaskName, LetterTask> {
  const pipeline = createLetterPipeline(deps);
  return {
    planLetters: (event) => pipeline.plan(RunEvent.parse(event)),
    renderBatch: (event) => pipeline.renderBatch(BatchEvent.parse(event)),
    finishLetters: (event) => pipeline.finish(RunEvent.parse(event)),
    markLettersFailed: (event) => {
      const { runId, executionId, failure } = FailedEvent.parse(event);
      return pipeline.fail({ runId, executionId, error: [failure.Error, failure.Cause].filter(Boolean).join(': ') });
    },
  };
}
