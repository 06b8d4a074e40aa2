/**
 * Every Lambda function the stack deploys, as the local target runs them: its handler module and the
 * permissions its role gets in AWS (routes, jobs, workflow tasks, stream consumers).
 */
import { JOB_LIST } from '../../functions/jobs/job-table.ts';
import { LETTER_TASKS } from '../../functions/letters/tasks/task-table.ts';
import { FALLBACK_ROUTE, ROUTE_LIST } from '../../functions/routes/index.ts';
import type { Permissions } from '../../functions/routes/route.ts';
import { SETTLEMENT_TASKS } from '../../functions/settlement/tasks/task-table.ts';
import { STREAM_CONSUMER_LIST } from '../../functions/streams/stream-consumers.ts';

export interface LocalFunction {
  readonly name: string;
  /** The handler module, relative to the repository root. */
  readonly entry: string;
  readonly permissions: Permissions;
}

export const LOCAL_FUNCTIONS: readonly LocalFunction[] = [
  ...ROUTE_LIST.map((route) => ({ name: route.operationId, entry: route.entry, permissions: route.permissions })),
  { name: FALLBACK_ROUTE.operationId, entry: FALLBACK_ROUTE.entry, permissions: {} },
  ...JOB_LIST.map((job) => ({ name: job.name, entry: job.entry, permissions: job.permissions })),
  ...Object.entries({ ...LETTER_TASKS, ...SETTLEMENT_TASKS }).map(([name, task]) => ({
    name,
    entry: task.entry,
    permissions: task.permissions,
  })),
  // A consumer reads and writes its own partitions only (infra/constructs/stream-consumers.ts).
  ...STREAM_CONSUMER_LIST.map((consumer) => {
    const partitions = consumer.partitionPrefixes.map((prefix) => `${prefix}*`);
    return {
      name: consumer.name,
      entry: consumer.entry,
      permissions: { table: { read: partitions, write: partitions } },
    };
  }),
];

/** The function a handler module is deployed as; each module is one function's. */
export function localFunctionOf(entry: string): LocalFunction | undefined {
  return LOCAL_FUNCTIONS.find((fn) => fn.entry === entry);
}
