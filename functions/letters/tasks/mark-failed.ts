/** Task "Mark the run failed": the next request for letters resumes it. */
import { letterPipelineDependencies } from '../../runtime/letter-settings.ts';
import { once } from '../../runtime/once.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { letterTasks } from './letter-tasks.ts';

const tasks = once(async () => letterTasks(await letterPipelineDependencies()));

export const handler = workflowTask('markLettersFailed', async (event) => (await tasks()).markLettersFailed(event));
