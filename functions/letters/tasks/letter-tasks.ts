/**
 * The letter run state machine's Lambda tasks over one set of dependencies: each handler module exposes one
 * of them; tests bind the rendered state machine to them directly.
 */
import * as z from 'zod';
import { createLetterPipeline, type LetterPipelineDependencies } from '../../../shared/services/letter-pipeline.ts';
import type { LetterTaskName } from './task-table.ts';

const RunEvent = z.object({ runId: z.string().regex(/^L[0-9A-Z]{16}$/), executionId: z.string().min(1) });
const BatchEvent = RunEvent.extend({ batch: z.int().min(1) });
const FailedEvent = RunEvent.extend({
  failure: z.object({ Error: z.string().optional(), Cause: z.string().optional() }).loose(),
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
