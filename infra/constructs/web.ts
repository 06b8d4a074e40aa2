/**
 * The static pages (public shop list, merchant scanner, staff admin): built by web/build.ts at synth time,
 * kept in a private bucket and served only through CloudFront with Origin Access Control.
 */
import {
  AssetHashType,
  type CfnElement,
  DefaultStackSynthesizer,
  DockerImage,
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
} from 'aws-cdk-lib';
import {
  Distribution,
  Function as EdgeFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyDocument, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { UserPoolName } from '../../shared/auth/user-pools.ts';
import { buildWebSync, WEB_ROOT } from '../../web/build.ts';
import { contentSecurityPolicy } from '../../web/content-security-policy.ts';
import type { CognitoPoolSettings, RuntimeConfig } from '../../web/lib/runtime-config.ts';

/** Where the pages find the API and the sign-in service in AWS; written into /config.json at deploy. */
export interface WebRuntimeConfig {
  readonly apiUrl: string;
  readonly region: string;
  /** Each user pool's id and app client: the admin page signs in to the staff pool, the scanner to the merchant pool. */
  readonly userPools: Readonly<Record<UserPoolName, CognitoPoolSettings>>;
  readonly stage: string;
}

export interface WebProps {
  /** Receives the bucket's server access logs and the distribution's standard logs. */
  readonly accessLogsBucket: IBucket;
  /**
   * The documents bucket's name: the pages upload to and download from it with presigned URLs (the CSP's
   * connect-src). A name, not the bucket: the bucket's CORS rule names this distribution.
   */
  readonly documentsBucketName: string;
}

// `/scanner/` must serve `/scanner/index.html`: an S3 REST origin has no index documents except at the root.
const INDEX_REWRITE = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) request.uri = uri + 'index.html';
  else if (uri.lastIndexOf('.') < uri.lastIndexOf('/')) {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: uri + '/' } } };
  }
  return request;
}`;

export class Web extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<id>.cloudfront.net`, without a trailing slash: the origin the API allows (CORS). */
  readonly url: string;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const region = Stack.of(this).region;

    this.bucket = new Bucket(this, 'Pages', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      // SSE-S3: CloudFront's OAC can read it without a KMS key policy; the pages are public content anyway.
      encryption: BucketEncryption.S3_MANAGED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 's3/web/',
      // Nothing here is data: every deployment rebuilds the pages from the repository.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });

    const securityHeaders = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'Security headers of the voucher platform pages',
      securityHeadersBehavior: {
        contentSecurityPolicy: {
          override: true,
          contentSecurityPolicy: contentSecurityPolicy({
            connect: [
              `https://*.execute-api.${region}.amazonaws.com`,
              `https://cognito-idp.${region}.amazonaws.com`,
              // Presigned uploads (registers, proofs) and downloads go straight to the documents bucket.
              `https://${props.documentsBucketName}.s3.${region}.amazonaws.com`,
            ],
          }),
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(365),
          includeSubdomains: true,
          override: true,
        },
      },
      customHeadersBehavior: {
        // The scanner needs the camera on this origin; nothing needs the microphone or location.
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(self), microphone=(), geolocation=()', override: true },
        ],
      },
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Voucher platform pages (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [
          {
            eventType: FunctionEventType.VIEWER_REQUEST,
            function: new EdgeFunction(this, 'IndexRewrite', {
              code: FunctionCode.fromInline(INDEX_REWRITE),
              runtime: FunctionRuntime.JS_2_0,
              comment: 'Serves index.html for folder URLs',
            }),
          },
        ],
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      // Users are in Belgium: the cheapest price class already has edge locations across Europe.
      priceClass: PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: props.accessLogsBucket,
      logFilePrefix: 'cloudfront/web/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses its default *.cloudfront.net certificate until the town gives it a domain ' +
        'name; a minimum TLS version can only be set with a custom certificate.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'No geo restriction: the pages are public information (partner shops) and residents may check ' +
        'their voucher from abroad; every personal or financial operation requires a Cognito token.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: the distribution serves static files only; the API has its own stage throttling and ' +
        'the application throttles failed voucher look-ups. A web ACL is a follow-up if abuse shows up.',
    });
  }

  /**
   * Deploys the built pages plus /config.json (written at deploy time, so it can hold the API URL and
   * the user pool ids) and invalidates the distribution's cache.
   */
  deployPages(config: WebRuntimeConfig): BucketDeployment {
    const pages = Source.asset(WEB_ROOT, {
      // Hash the built output, not web/: the pages also bundle browser-safe modules from shared/.
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        // Never pulled: local bundling below always succeeds or throws, and no Docker is needed.
        image: DockerImage.fromRegistry('local-only'),
        local: {
          tryBundle(outputDir: string): boolean {
            const built = buildWebSync(outputDir);
            // Deploying an empty site would replace the pages with nothing: fail the synth instead.
            if (built.length === 0) throw new Error(`web/build.ts built no page into ${outputDir}`);
            return true;
          },
        },
      },
    });

    // Our own role and log group instead of the AWSLambdaBasicExecutionRole managed policy (cdk-nag IAM4),
    // which would let CDK's deployment function write to every log group of the account.
    const logGroup = new LogGroup(this, 'DeploymentLogs', {
      retention: RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role = new Role(this, 'DeploymentRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built pages into the pages bucket and invalidates the CDN cache',
      inlinePolicies: {
        logs: new PolicyDocument({
          statements: [
            new PolicyStatement({
              actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
              resources: [logGroup.logGroupArn],
            }),
          ],
        }),
      },
    });
    const deployment = new BucketDeployment(this, 'Deployment', {
      sources: [pages, Source.jsonData('config.json', toPagesConfig(config))],
      destinationBucket: this.bucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // Browsers revalidate every file (cheap 304s) so a deployment is visible at once; CloudFront's
      // cache is invalidated by the deployment itself.
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
      role,
      logGroup,
    });
    acknowledgeDeploymentFindings(role, this.bucket);
    return deployment;
  }
}

/** The shape the pages read (web/lib/runtime-config.ts): the compiler keeps the two in step. */
function toPagesConfig(config: WebRuntimeConfig): RuntimeConfig {
  return {
    apiUrl: config.apiUrl,
    stage: config.stage,
    auth: {
      mode: 'cognito',
      region: config.region,
      userPools: config.userPools,
    },
  };
}

/**
 * The grants CDK's BucketDeployment gives its function, with why each wildcard is needed. They are CDK's
 * (grantRead on the asset, grantReadWrite on the pages bucket, cache invalidation), not ours to narrow.
 */
function acknowledgeDeploymentFindings(role: Role, pagesBucket: Bucket): void {
  const stack = Stack.of(role);
  const qualifier =
    (stack.synthesizer as DefaultStackSynthesizer).bootstrapQualifier ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const assetObjects = `arn:${stack.partition}:s3:::cdk-${qualifier}-assets-${stack.account}-${stack.region}/*`;
  const pagesArn = `<${stack.getLogicalId(pagesBucket.node.defaultChild as CfnElement)}.Arn>`;
  const findings: ReadonlyArray<readonly [string, string]> = [
    [
      'Action::s3:GetBucket*',
      'grantRead of the deployment asset and of the pages bucket (bucket location, versioning).',
    ],
    ['Action::s3:GetObject*', 'grantRead of the zipped pages in the CDK asset bucket (object, version, tags).'],
    ['Action::s3:List*', 'Lists the pages bucket to prune files that are no longer built.'],
    ['Action::s3:Abort*', 'Aborts its own multipart uploads into the pages bucket when a copy fails.'],
    ['Action::s3:DeleteObject*', 'Prunes pages that are no longer built from the pages bucket.'],
    [
      `Resource::${assetObjects}`,
      'The asset key is a content hash known only at publish time; read-only, in the CDK asset bucket.',
    ],
    [`Resource::${pagesArn}/*`, 'Writes and prunes any page object, but only in the pages bucket of this stack.'],
    ['Resource::*', 'cloudfront:CreateInvalidation/GetInvalidation as granted by CDK; invalidations touch no data.'],
  ];
  for (const [finding, reason] of findings) {
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason });
  }
  // The function is CDK's singleton, created at stack level and shared by every BucketDeployment with the
  // same settings: acknowledge on that one construct, not on the whole stack.
  const handlers = stack.node.children.filter((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
  if (handlers.length === 0) throw new Error('BucketDeployment created no handler at stack level: update web.ts');
  for (const handler of handlers) {
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "The runtime of CDK's BucketDeployment function is chosen by aws-cdk-lib, not by this project.",
    });
  }
}
