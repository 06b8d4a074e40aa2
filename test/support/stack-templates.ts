/**
 * Every template a stack deploys: its own and each nested stack's (the settlement and letter runs are
 * nested). What counts resources for a limit or a price must read them all.
 */
import { NestedStack, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';

export interface StackTemplate {
  /** The stack's name, or the nested stack's construct path. */
  readonly name: string;
  readonly template: Template;
}

export function stackTemplates(stack: Stack): StackTemplate[] {
  const nested = stack.node.findAll().filter((construct): construct is NestedStack => construct instanceof NestedStack);
  return [
    { name: stack.stackName, template: Template.fromStack(stack) },
    ...nested.map((child) => ({ name: child.node.path, template: Template.fromStack(child) })),
  ];
}
