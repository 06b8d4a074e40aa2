/**
 * The CDK app: `cdk synth --context stage=dev|prod` builds one stage of the platform, checked by cdk-nag's
 * AWS Solutions rules (an unacknowledged error fails the synth).
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { townSettings } from './constructs/town-settings.ts';
import { isStageName, STAGES, VoucherPlatformStack } from './stacks/voucher-platform-stack.ts';

// Synth needs no AWS account: without credentials (CI, a laptop offline) the stack is built for a fixed
// placeholder account. `cdk deploy` with credentials sets CDK_DEFAULT_ACCOUNT to the real one.
const PLACEHOLDER_ACCOUNT = '123456789012';
// The region is chosen here, not taken from the CLI's profile (which falls back to us-east-1): a town's
// personal data must stay in the EU. Override with --context region=eu-central-1.
const DEFAULT_REGION = 'eu-west-1';

export interface BuiltApp {
  readonly app: App;
  readonly stack: VoucherPlatformStack;
}

/** The app and its one stack; tests call it with their own context and output folder. */
export function buildApp(appProps: AppProps = {}): BuiltApp {
  const app = new App(appProps);
  const stage = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!isStageName(stage)) {
    throw new Error(`Unknown stage "${stage}": pass --context stage=${STAGES.join('|')}`);
  }
  // A stage may have its own town settings (`town-prod`), else the shared `town`.
  const town = townSettings(app.node.tryGetContext(`town-${stage}`) ?? app.node.tryGetContext('town'));
  const stack = new VoucherPlatformStack(app, `VoucherPlatform-${stage}`, {
    stage,
    town,
    env: {
      account: process.env.CDK_DEFAULT_ACCOUNT ?? PLACEHOLDER_ACCOUNT,
      region: String(app.node.tryGetContext('region') ?? DEFAULT_REGION),
    },
    description: `Local-commerce voucher platform (${stage})`,
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}

if (import.meta.main) {
  buildApp().app.synth();
}
