/**
 * cdk-nag's AWS Solutions checks pass for both stages: every finding is fixed or acknowledged in code with
 * a reason. cdk-nag 3 runs as a CDK validation plugin, so an unacknowledged error makes app.synth() throw.
 * And each template stays within what CloudFormation accepts, which synth itself never checks.
 */
import { Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { STAGES } from '../../infra/stacks/voucher-platform-stack.ts';
import { stackTemplates } from '../support/stack-templates.ts';
import { cdkContext, type Synthesised, synthStack, temporaryOutdir } from './synth.ts';

interface Acknowledgement {
  readonly path: string;
  readonly id: string;
  readonly reason: string;
}

/** The acknowledgements recorded in the construct tree, as Validations.of(..).acknowledge wrote them. */
function acknowledgements(root: IConstruct): Acknowledgement[] {
  const found: Acknowledgement[] = [];
  for (const construct of root.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [id, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: id.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}

describe.each(STAGES)('cdk-nag, stage %s', (stage) => {
  let synthesised: Synthesised;

  beforeAll(() => {
    // Throws, as `cdk synth` fails, if cdk-nag reports an error nobody acknowledged. The checks read the
    // templates, not the bundles: bundling is skipped (`.ci/run` synthesises both stages with it).
    synthesised = synthStack(stage, { bundle: false });
  });

  it('reports no finding of any severity that is not acknowledged', () => {
    // Warnings too: they do not fail synth, but an unread warning is how a real problem hides.
    const report = new AwsSolutionsChecks().validateScope(synthesised.app);
    const findings = report.violations.flatMap((violation) =>
      violation.violatingResources.map(
        (resource) => `${violation.severity} ${violation.ruleName} at ${resource.constructPath}`,
      ),
    );
    expect(findings).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges nothing without a specific reason', () => {
    const all = acknowledgements(synthesised.app).filter((ack) => ack.id.startsWith('AwsSolutions-'));
    expect(all.length).toBeGreaterThan(0);
    for (const ack of all) {
      expect(ack.reason.length, `${ack.id} at ${ack.path}`).toBeGreaterThanOrEqual(40);
    }
  });

  it("stays within CloudFormation's limits in each template, nested stacks included", () => {
    // A deploy over a limit fails only at the very end, in CloudFormation. Each route adds about 7 resources
    // (function, role, policy, log group, permission, integration, route): when this fails, move a part of
    // the stack into a NestedStack, as the settlement and letter runs are.
    const templates = stackTemplates(synthesised.stack);
    expect(templates.length).toBeGreaterThan(1);
    for (const { name, template: found } of templates) {
      const template = found.toJSON();
      expect(Object.keys(template.Resources ?? {}).length, `${name}: resources`).toBeLessThanOrEqual(500);
      expect(Object.keys(template.Parameters ?? {}).length, `${name}: parameters`).toBeLessThanOrEqual(200);
      expect(Object.keys(template.Outputs ?? {}).length, `${name}: outputs`).toBeLessThanOrEqual(200);
    }
  });

  it('acknowledges no rule for the whole app or stack, only on the construct concerned', () => {
    const broad = acknowledgements(synthesised.app).filter(
      (ack) => ack.id.startsWith('AwsSolutions-') && ack.path.split('/').length < 2,
    );
    expect(broad).toEqual([]);
  });
});

it('synth fails on an unacknowledged cdk-nag error', () => {
  const { app, stack } = buildApp({
    context: { ...cdkContext(), stage: 'dev', 'aws:cdk:bundling-stacks': [] },
    outdir: temporaryOutdir('cdk-nag-'),
  });
  // No server access logging and no TLS-only policy: AwsSolutions-S1 and S10 errors.
  new Bucket(stack, 'Unchecked');
  expect(() => app.synth()).toThrow(/AwsSolutions-S(1|10)/);
});
