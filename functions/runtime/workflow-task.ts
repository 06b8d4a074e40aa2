/**
 * Builds the handler of a state machine's Lambda task: the event checked by a schema, logs tagged with the
 * run and the task, metrics flushed, and errors thrown with their names (the state machine's Retry and
 * Catch match on them, e.g. RunSuperseded).
 */
import type { Context } from 'aws-lambda';
import type { z } from 'zod';
import { logger, metrics } from './observability.ts';

export function workflowTask<Schema extends z.ZodType, Result>(
  task: string,
  schema: Schema,
  run: (input: z.output<Schema>, context: Context) => Promise<Result>,
): (event: unknown, context: Context) => Promise<Result> {
  return async (event, context) => {
    logger.resetKeys();
    logger.addContext(context);
    logger.appendKeys({ task });
    try {
      const input = schema.parse(event);
      if (input && typeof input === 'object' && 'runId' in input) logger.appendKeys({ runId: input.runId });
      const result = await run(input, context);
      logger.info('task done', { result: result as Record<string, unknown> });
      return result;
    } catch (error) {
      const superseded = error instanceof Error && error.name === 'RunSuperseded';
      if (superseded) logger.info('another execution holds the run', { error: error.message });
      else logger.error('task failed', error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    }
  };
}
