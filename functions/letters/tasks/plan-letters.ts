/** Task "Plan the letters": take the vouchers with no letter yet, plan envelopes and batches. */
import { letterPipelineDependencies } from '../../runtime/letter-settings.ts';
import { once } from '../../runtime/once.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { letterTasks } from './letter-tasks.ts';

const tasks = once(async () => letterTasks(await letterPipelineDependencies()));

export const handler = workflowTask('planLetters', async (event) => (await tasks()).planLetters(event));
