/**
 * The letter run's state machine, defined once: the stack deploys it, the local target renders and runs it.
 * Plan the letters -> render each print batch (Map, a few at once) -> finish (delete the codes' copies, mail).
 */
import { Fail, JsonPath, Map as MapState, Succeed, type TaskStateBase } from 'aws-cdk-lib/aws-stepfunctions';
import { LETTER_TASKS, type LetterTaskName } from '../../functions/letters/tasks/task-table.ts';
import type { DefinitionBuilder } from './render-asl.ts';
import { guarded, RUN_PAYLOAD, runTask } from './run-tasks.ts';

/** Batches rendered at once: each is a CPU-bound Lambda of its own; more would only crowd the bucket. */
export const BATCHES_IN_PARALLEL = 4;

export const buildLettersDefinition: DefinitionBuilder<LetterTaskName> = (scope, functions) => {
  const task = (id: string, name: LetterTaskName, payload: Record<string, unknown>, resultPath?: string) =>
    runTask(scope, id, {
      fn: functions[name],
      timeoutSeconds: LETTER_TASKS[name].timeoutSeconds,
      payload,
      ...(resultPath ? { resultPath } : {}),
    });
  const superseded = new Succeed(scope, 'Another execution holds the run');
  const failed = new Fail(scope, 'Letter run failed', {
    error: 'LetterRunFailed',
    cause: 'See the run: asking for letters again resumes it',
  });
  const markFailed = task('Mark the run failed', 'markLettersFailed', {
    ...RUN_PAYLOAD,
    'failure.$': '$.failure',
  }).next(failed);
  const guard = <T extends TaskStateBase | MapState>(state: T): T => guarded(state, superseded, markFailed);

  // POST /campaigns/{id}/letter-runs records the run; the execution's id makes it the run's owner.
  const plan = task('Plan the letters', 'planLetters', { 'runId.$': '$.runId', 'executionId.$': '$$.Execution.Id' });
  plan.addCatch(superseded, { errors: ['RunSuperseded'] });
  plan.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.failure' });
  const eachBatch = new MapState(scope, 'Render each batch', {
    itemsPath: '$.batches',
    itemSelector: { 'runId.$': '$.runId', 'executionId.$': '$.executionId', 'batch.$': '$$.Map.Item.Value' },
    maxConcurrency: BATCHES_IN_PARALLEL,
    resultPath: JsonPath.DISCARD,
  });
  eachBatch.itemProcessor(task('Render the batch', 'renderBatch', { ...RUN_PAYLOAD, 'batch.$': '$.batch' }));
  const finish = guard(task('Finish', 'finishLetters', RUN_PAYLOAD, JsonPath.DISCARD));
  return plan.next(guard(eachBatch)).next(finish).next(new Succeed(scope, 'Letters ready'));
};

export { LETTER_TASKS, type LetterTaskName };
