/** Task "Close the shop": one shop's purchases into its settlement, until done or out of time. */
import { createSettlementClosing } from '../../../shared/services/settlement-closing.ts';
import { settlementDependencies } from '../../runtime/settlement-settings.ts';
import { workflowTask } from '../../runtime/workflow-task.ts';
import { SettleShopEvent } from './task-events.ts';

const closing = createSettlementClosing(settlementDependencies());

export const handler = workflowTask('settleShop', SettleShopEvent, (input, context) =>
  closing.settleShop(input, () => context.getRemainingTimeInMillis()),
);
