/**
 * Builds the handler of a state machine's Lambda task: logs tagged with the run and the task, metrics
 * flushed, and errors thrown with their names (the state machine's Retry and Catch match on them, e.g.
 * RunSuperseded).
 */
import type { Context } from 'aws-lambda';
import { logger, metrics } from './observability.ts';

export function workflowTask<Result>(
  task: string,
  run: (event: unknown, context: Context) => Promise<Result>,
): (event: unknown, context: Context) => Promise<Result> {
  return async (event, context) => {
    logger.resetKeys();
    logger.addContext(context);
    const runId = event && typeof event === 'object' && 'runId' in event ? event.runId : undefined;
    logger.appendKeys({ task, ...(typeof runId === 'string' ? { runId } : {}) });
    try {
      const result = await run(event, context);
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
