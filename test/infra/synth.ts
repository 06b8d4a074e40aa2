/**
 * Synthesises the platform stack the way `cdk synth` does (cdk.json's context and feature flags, the
 * cdk-nag plugin) into a temporary folder, and offers the template lookups the infra tests share.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll } from 'vitest';
import { buildApp } from '../../infra/app.ts';
import { REPO_ROOT } from '../../infra/constructs/project-function.ts';
import type { StageName, VoucherPlatformStack } from '../../infra/stacks/voucher-platform-stack.ts';

export interface Synthesised {
  readonly app: App;
  readonly stack: VoucherPlatformStack;
  readonly template: Template;
}

/** cdk.json's context: without its feature flags the test would check a different template than the CLI's. */
export function cdkContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> };
  return cdkJson.context;
}

const outdirs: string[] = [];

/** A cloud assembly folder, removed after the test file (each holds every bundled function). */
export function temporaryOutdir(prefix: string): string {
  const outdir = mkdtempSync(join(tmpdir(), prefix));
  outdirs.push(outdir);
  return outdir;
}

// Registered when a test file imports this module, so it runs after that file's tests.
afterAll(() => {
  for (const outdir of outdirs.splice(0)) rmSync(outdir, { recursive: true, force: true });
});

export interface SynthOptions {
  /**
   * Bundle the functions and build the pages, as `cdk synth` does. Tests that only read the template can
   * skip it (CDK's own `aws:cdk:bundling-stacks` switch): the template is the same but for asset hashes.
   * @default true
   */
  readonly bundle?: boolean;
}

/** Throws as `cdk synth` fails when cdk-nag reports an unacknowledged error. */
export function synthStack(stage: StageName, options: SynthOptions = {}): Synthesised {
  const outdir = temporaryOutdir(`cdk-${stage}-`);
  const context: Record<string, unknown> = { ...cdkContext(), stage };
  if (options.bundle === false) context['aws:cdk:bundling-stacks'] = [];
  const { app, stack } = buildApp({ context, outdir });
  app.synth();
  return { app, stack, template: Template.fromStack(stack) };
}

export type Resources = Record<string, { Type: string; Properties?: Record<string, unknown>; [key: string]: unknown }>;

export function resourcesOfType(template: Template, type: string): Resources {
  return template.findResources(type) as Resources;
}

/** The logical id of a construct's L1 resource, e.g. a function's `AWS::Lambda::Function`. */
export function logicalIdOf(stack: Stack, construct: { node: { defaultChild?: unknown } }): string {
  const child = construct.node.defaultChild;
  if (!child) throw new Error('construct has no default child');
  return stack.getLogicalId(child as Parameters<Stack['getLogicalId']>[0]);
}

export interface PolicyStatementJson {
  readonly Effect: string;
  readonly Action: string | string[];
  readonly Resource?: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** Every Allow statement of a role, from its inline policies and from the policies attached to it. */
export function statementsOfRole(template: Template, roleLogicalId: string): PolicyStatementJson[] {
  const role = resourcesOfType(template, 'AWS::IAM::Role')[roleLogicalId];
  if (!role) throw new Error(`no role ${roleLogicalId}`);
  const documents = ((role.Properties?.Policies ?? []) as { PolicyDocument: unknown }[]).map(
    (policy) => policy.PolicyDocument,
  );
  for (const policy of Object.values(resourcesOfType(template, 'AWS::IAM::Policy'))) {
    const roles = (policy.Properties?.Roles ?? []) as { Ref?: string }[];
    if (roles.some((ref) => ref.Ref === roleLogicalId)) documents.push(policy.Properties?.PolicyDocument);
  }
  return documents.flatMap(statementsOf).filter((statement) => statement.Effect === 'Allow');
}

/** Every action allowed to a role. */
export function actionsOfRole(template: Template, roleLogicalId: string): Set<string> {
  return new Set(statementsOfRole(template, roleLogicalId).flatMap((statement) => [statement.Action].flat()));
}

function statementsOf(document: unknown): PolicyStatementJson[] {
  const statements = (document as { Statement?: PolicyStatementJson[] } | undefined)?.Statement;
  if (!statements) throw new Error('policy document without statements');
  return statements;
}

/** The statements of a bucket's bucket policy, or an error if it has none. */
export function bucketPolicyStatements(template: Template, bucketLogicalId: string): Record<string, unknown>[] {
  const policy = Object.values(resourcesOfType(template, 'AWS::S3::BucketPolicy')).find(
    (candidate) => (candidate.Properties?.Bucket as { Ref?: string } | undefined)?.Ref === bucketLogicalId,
  );
  if (!policy) throw new Error(`no bucket policy for ${bucketLogicalId}`);
  return statementsOf(policy.Properties?.PolicyDocument) as unknown as Record<string, unknown>[];
}
