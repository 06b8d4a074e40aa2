/** Task "Send the reports": finance's report with the documents, each paid shop's remittance advice. */
import { createSettlementMailing } from '../../../shared/services/settlement-mailing.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { RunTaskEvent } from './task-events.ts';

const mailing = createSettlementMailing(settlementDependencies());

export const handler = workflowTask('sendReports', RunTaskEvent, (input) => mailing.send(input));
