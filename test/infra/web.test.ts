/** The pages: a private bucket that only CloudFront (through OAC) reads, HTTPS only, with security headers. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketPolicyStatements, logicalIdOf, resourcesOfType, type Synthesised, synthStack } from './synth.ts';

let dev: Synthesised;

beforeAll(() => {
  dev = synthStack('dev');
});

function distributionConfig(): Record<string, unknown> {
  const distributions = Object.values(resourcesOfType(dev.template, 'AWS::CloudFront::Distribution'));
  expect(distributions).toHaveLength(1);
  return (distributions[0]?.Properties?.DistributionConfig ?? {}) as Record<string, unknown>;
}

describe('the distribution', () => {
  it('reads the pages bucket through Origin Access Control, not a public website endpoint', () => {
    const config = distributionConfig();
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins).toHaveLength(1);
    const bucketId = logicalIdOf(dev.stack, dev.stack.web.bucket);
    expect(origins[0]).toMatchObject({
      DomainName: { 'Fn::GetAtt': [bucketId, 'RegionalDomainName'] },
      OriginAccessControlId: { 'Fn::GetAtt': [expect.any(String), 'Id'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    dev.template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
  });

  it('redirects to HTTPS, serves index.html at the root and sends security headers', () => {
    const config = distributionConfig();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      ResponseHeadersPolicyId: { Ref: expect.any(String) },
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    dev.template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 31536000 }),
        }),
      },
    });
  });

  it("lets the pages run their own scripts only, and call the API, sign-in and the documents bucket's presigned URLs", () => {
    const policies = Object.values(resourcesOfType(dev.template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    type Text = string | { 'Fn::Join': [string, unknown[]] };
    // Text, or a join of text around the Refs of the account and region when the stack has none of its own:
    // never a reference to a resource (the documents bucket's CORS names the distribution: that is a cycle).
    const render = (value: Text) => {
      if (typeof value === 'string') return value;
      return value['Fn::Join'][1]
        .map((part) => {
          if (typeof part === 'string') return part;
          const ref = (part as { Ref?: string }).Ref;
          if (ref === 'AWS::Region') return '<region>';
          if (ref === 'AWS::AccountId') return '<account>';
          throw new Error(`the CSP references ${JSON.stringify(part)}`);
        })
        .join('');
    };
    const config = policies[0]?.Properties?.ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: Text } };
    };
    const text = render(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    const documentsId = logicalIdOf(dev.stack, dev.stack.data.documentsBucket);
    const bucketName = render(
      resourcesOfType(dev.template, 'AWS::S3::Bucket')[documentsId]?.Properties?.BucketName as Text,
    );
    expect(bucketName).toMatch(/^voucherplatform-dev-documents-/);
    const region = dev.stack.region;
    expect(text).toContain("script-src 'self';");
    expect(text).not.toMatch(/unsafe-(inline|eval)/);
    expect(text).toContain(
      `connect-src 'self' https://*.execute-api.${region}.amazonaws.com https://cognito-idp.${region}.amazonaws.com https://${bucketName}.s3.${region}.amazonaws.com;`,
    );
  });

  it('writes standard logs to the access log bucket', () => {
    const logsId = logicalIdOf(dev.stack, dev.stack.data.accessLogsBucket);
    expect(distributionConfig().Logging).toMatchObject({
      Bucket: { 'Fn::GetAtt': [logsId, 'RegionalDomainName'] },
      Prefix: 'cloudfront/web/',
    });
  });
});

describe('the pages bucket', () => {
  it('is private and lets only this distribution read it', () => {
    const bucketId = logicalIdOf(dev.stack, dev.stack.web.bucket);
    const distributionId = logicalIdOf(dev.stack, dev.stack.web.distribution);
    const allows = bucketPolicyStatements(dev.template, bucketId).filter((statement) => statement.Effect === 'Allow');
    const readers = allows.filter((statement) => JSON.stringify(statement.Principal).includes('cloudfront'));
    expect(readers).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: {
          StringEquals: {
            'AWS:SourceArn': {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::',
                  { Ref: 'AWS::AccountId' },
                  ':distribution/',
                  { Ref: distributionId },
                ],
              ],
            },
          },
        },
      }),
    ]);
    // Besides CloudFront, only CDK's auto-delete function (which empties the bucket on stack deletion).
    const others = allows.filter((statement) => !readers.includes(statement));
    expect(others).toEqual([
      expect.objectContaining({
        Principal: { AWS: { 'Fn::GetAtt': [expect.stringMatching(/^CustomS3AutoDeleteObjects/), 'Arn'] } },
      }),
    ]);
    const bucket = resourcesOfType(dev.template, 'AWS::S3::Bucket')[bucketId];
    expect(bucket?.Properties?.WebsiteConfiguration).toBeUndefined();
    expect(bucket?.Properties?.PublicAccessBlockConfiguration).toMatchObject({ BlockPublicPolicy: true });
  });
});

describe('the deployment', () => {
  it('publishes the built pages and a config.json naming this stack’s API and user pools', () => {
    const deployments = Object.values(resourcesOfType(dev.template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(1);
    const properties = deployments[0]?.Properties ?? {};
    expect(properties.SourceObjectKeys).toHaveLength(2);
    const markers = JSON.stringify(properties.SourceMarkers);
    const pools = Object.values(dev.stack.auth.pools).flatMap((pool) => [pool.userPool, pool.userPoolClient]);
    for (const construct of [dev.stack.api.httpApi, ...pools]) {
      expect(markers).toContain(logicalIdOf(dev.stack, construct));
    }
    expect(properties.DistributionPaths).toEqual(['/*']);
  });

  it('the config.json has the shape the pages read (web/lib/runtime-config.ts)', () => {
    const config = JSON.parse(readFileSync(stagedFile('config.json'), 'utf8')) as Record<string, unknown>;
    // Deploy-time values are markers here; the custom resource substitutes them in AWS.
    expect(config).toEqual({
      apiUrl: expect.any(String),
      stage: 'dev',
      auth: {
        mode: 'cognito',
        region: 'eu-west-1',
        userPools: {
          staff: { userPoolId: expect.any(String), userPoolClientId: expect.any(String) },
          merchant: { userPoolId: expect.any(String), userPoolClientId: expect.any(String) },
        },
      },
    });
  });

  it('the pages are the ones web/build.ts built: HTML with its bundled script', () => {
    expect(readFileSync(stagedFile('index.html'), 'utf8')).toContain('<script type="module"');
    expect(existsSync(join(dirname(stagedFile('index.html')), 'main.js'))).toBe(true);
  });
});

/** A file in one of the assets staged into the cloud assembly (the deployment's sources). */
function stagedFile(name: string): string {
  const assembly = dev.app.synth().directory;
  for (const entry of readdirSync(assembly)) {
    const candidate = join(assembly, entry, name);
    if (entry.startsWith('asset.') && existsSync(candidate)) return candidate;
  }
  throw new Error(`no staged asset holds ${name}`);
}
