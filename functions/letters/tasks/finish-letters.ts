/** Task "Finish": delete every copy of the codes but the PDFs, tell staff the letters are ready. */
import { letterPipelineDependencies } from '../../runtime/letter-settings.ts';
import { once } from '../../runtime/once.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { letterTasks } from './letter-tasks.ts';

const tasks = once(async () => letterTasks(await letterPipelineDependencies({ mail: true })));

export const handler = workflowTask('finishLetters', async (event) => (await tasks()).finishLetters(event));
