/**
 * The letter run state machine's Lambda tasks: handler, permissions (least privilege per step) and limits.
 * The CDK construct and the local target both build the tasks from this table.
 */
import type { WorkflowTaskDefinition } from '../../settlement/tasks/task-table.ts';

export const LETTER_TASKS = {
  planLetters: {
    entry: 'functions/letters/tasks/plan-letters.ts',
    description:
      'Letters: takes every voucher with no letter yet from the pending manifests, plans envelopes and batches',
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' }, settings: ['town'] },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  renderBatch: {
    entry: 'functions/letters/tasks/render-batch.ts',
    description: 'Letters: renders one print batch (PDF streamed to the bucket) and its print-shop manifest',
    permissions: {
      table: 'readWrite',
      secrets: ['voucherCodeKey'],
      buckets: { documents: 'readWrite' },
      settings: ['town'],
    },
    timeoutSeconds: 900,
    memorySize: 1024,
  },
  finishLetters: {
    entry: 'functions/letters/tasks/finish-letters.ts',
    description: 'Letters: deletes the manifests and plans (the PDFs are the only copy of the codes), tells staff',
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' }, mail: true, settings: ['town'] },
    timeoutSeconds: 300,
    memorySize: 512,
  },
  markLettersFailed: {
    entry: 'functions/letters/tasks/mark-failed.ts',
    description: 'Letters: marks the run FAILED so that the next request for letters resumes it',
    permissions: { table: 'readWrite', buckets: { documents: 'readWrite' }, settings: ['town'] },
    timeoutSeconds: 60,
    memorySize: 512,
  },
} as const satisfies Record<string, WorkflowTaskDefinition>;

export type LetterTaskName = keyof typeof LETTER_TASKS;
