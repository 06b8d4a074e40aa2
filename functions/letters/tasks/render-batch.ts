/** Task "Render the batch": one print batch's PDF and its print-shop manifest. */
import { letterPipelineDependencies } from '../../runtime/letter-settings.ts';
import { once } from '../../runtime/once.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { letterTasks } from './letter-tasks.ts';

const tasks = once(async () => letterTasks(await letterPipelineDependencies({ codeKey: true })));

export const handler = workflowTask('renderBatch', async (event) => (await tasks()).renderBatch(event));
