/**
 * Renders a state machine definition written with the CDK Step Functions constructs into plain Amazon
 * States Language, without deploying anything: the Lambda functions are stand-ins imported by fake ARNs.
 * The local target runs the result with aws-local-stepfunctions, so the definition exists once, in CDK.
 */
import { App, Stack } from 'aws-cdk-lib';
import { type IFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { type IChainable, StateGraph } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/** Builds the definition from the functions it invokes; the same builder serves the CDK construct. */
export type DefinitionBuilder<Name extends string> = (
  scope: Construct,
  functions: Readonly<Record<Name, IFunction>>,
) => IChainable;

export interface RenderedStateMachine<Name extends string> {
  /** The ASL document (StartAt, States, ...), ready for aws-local-stepfunctions. */
  readonly definition: Record<string, unknown>;
  /** The fake ARN used for each function: what Task states' Resource fields point at. */
  readonly functionArns: Readonly<Record<Name, string>>;
}

import { LOCAL_ACCOUNT, LOCAL_REGION } from '../local/resources.ts';

export { LOCAL_ACCOUNT, LOCAL_REGION };

export function localFunctionArn(name: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:local-${name}`;
}

export function renderAsl<Name extends string>(
  functionNames: readonly Name[],
  build: DefinitionBuilder<Name>,
): RenderedStateMachine<Name> {
  const stack = new Stack(new App(), 'LocalStateMachineRender', {
    env: { account: LOCAL_ACCOUNT, region: LOCAL_REGION },
  });
  const functionArns = {} as Record<Name, string>;
  const functions = {} as Record<Name, IFunction>;
  for (const name of functionNames) {
    functionArns[name] = localFunctionArn(name);
    functions[name] = LambdaFunction.fromFunctionArn(stack, `Fn-${name}`, functionArns[name]);
  }
  const chain = build(stack, functions);
  const graph = new StateGraph(chain.startState, 'local');
  const definition = stack.resolve(graph.toGraphJson()) as Record<string, unknown>;
  return { definition, functionArns };
}
