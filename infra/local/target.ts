/**
 * Starts the whole local target: DynamoDB Local, s3rver, the SES emulator, the Lambda Invoke endpoint of the
 * background jobs, the Step Functions endpoint, the daily scheduler and the API gateway + web server, on free
 * ports, and stops them all. Used by `npm start`, the integration/e2e global setup and the benchmarks.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JOB_LIST } from '../../functions/jobs/job-table.ts';
import { JOB_LEASE_VARIABLE } from '../../functions/runtime/job-lease.ts';
import { STREAM_CONSUMER_LIST } from '../../functions/streams/stream-consumers.ts';
import { createLambdaClient, createSfnClient } from '../../shared/aws/clients.ts';
import type { JobName } from '../../shared/services/jobs.ts';
import { buildWebSync } from '../../web/build.ts';
import { WORKFLOW_LIST, workflowMachines } from '../workflows/workflow-table.ts';
import { LocalIdentityProvider } from './auth/local-identity.ts';
import { installGrantChecks } from './function-grants.ts';
import { createApiServer } from './gateway/api-server.ts';
import { createWebServer } from './gateway/web-server.ts';
import { localSchedules } from './local-schedules.ts';
import { freePort } from './ports.ts';
import { handlerEnvironment, LOCAL_RESOURCES, type RunningEndpoints } from './resources.ts';
import { type LocalScheduler, startLocalScheduler } from './scheduler.ts';
import { ensureTable, localDynamoDbClient, startDynamoDb } from './services/dynamodb.ts';
import { type FailedInvocation, type LocalLambdaService, startLambda } from './services/lambda.ts';
import { startS3 } from './services/s3.ts';
import { startSecrets } from './services/secrets.ts';
import type { RunningService } from './services/service.ts';
import { startSes } from './services/ses.ts';
import { startStepFunctions } from './services/stepfunctions.ts';
import { type LocalStreamPoller, startStreamPoller } from './services/streams.ts';
import { realClock } from './stepfunctions/clocks.ts';
import type { RunnerClock } from './stepfunctions/local-runner.ts';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface LocalTargetOptions {
  /** Persistent data folder (`.data`); everything is in memory / temporary when absent. */
  readonly dataDir?: string;
  /** Ports to prefer (used when free); any free port otherwise. */
  readonly preferredPorts?: Partial<Record<'api' | 'web' | 'mail', number>>;
  /** Where the local identity provider keeps its key and users; defaults to `<dataDir>/local-auth`, else memory. */
  readonly identityDir?: string;
  /** Powertools log level for the handlers. */
  readonly logLevel?: string;
  readonly onRequest?: Parameters<typeof createApiServer>[0]['onRequest'];
  /**
   * Each route's request limits, the same as the AWS stage's (functions/routes/throttle.ts); the benchmarks
   * that time handlers, and the shared target of the test suites, turn them off.
   * @default true
   */
  readonly throttle?: boolean;
  /** The clock of the state machines' Wait states: real time by default (realClock({ maxWaitMs }) shortens them). */
  readonly workflowClock?: RunnerClock;
  /**
   * Fire the daily schedules (purge, settlement) at their Brussels time; tests turn them off so that a run
   * at 02:00 never settles another test's purchases.
   * @default true
   */
  readonly schedules?: boolean;
  /**
   * Poll the table's stream and run its consumers (the dashboard's aggregator), as Lambda's event source
   * mappings do in AWS.
   * @default true
   */
  readonly streams?: boolean;
  /**
   * Run each background job invocation in a sandbox of its own (a worker thread) that `crashJob` can kill
   * mid-run, as a timeout or out-of-memory death kills a Lambda sandbox.
   * @default false
   */
  readonly jobSandboxes?: boolean;
  /**
   * How long a job worker's heartbeat holds its run (JOB_LEASE_SECONDS): tests that wait for a lost worker's
   * lease to run out make it short.
   * @default DEFAULT_JOB_LEASE_SECONDS (shared/jobs/job-lease.ts)
   */
  readonly jobLeaseSeconds?: number;
}

export interface LocalTarget {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly mailUrl: string;
  readonly endpoints: RunningEndpoints;
  readonly tableName: string;
  readonly buckets: typeof LOCAL_RESOURCES.buckets;
  readonly identity: LocalIdentityProvider;
  /** The environment handlers run with (also what tests use to build their own clients). */
  readonly environment: Readonly<Record<string, string>>;
  /** Fires the daily schedules (purge, ...) at their Brussels time. */
  readonly scheduler: LocalScheduler;
  /** Resolves once no background job (import, issuance run) is running. */
  jobsIdle(): Promise<void>;
  /** Kills the job's running invocations mid-run (needs `jobSandboxes`); returns how many. */
  crashJob(job: JobName): number;
  /** Job invocations that failed or died: what AWS sends to the jobs' on-failure queue. */
  failedJobInvocations(): readonly FailedInvocation[];
  /** Resolves once no state machine execution is running (one sleeping in a Wait is running: see stepfunctions.ts). */
  workflowsIdle(): Promise<void>;
  /** The stream consumers' poller (pause/resume: the benchmark's aggregator off and on); absent with `streams: false`. */
  readonly streams?: LocalStreamPoller;
  /** Resolves once the stream consumers have handled every change made before the call. */
  streamsIdle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startLocalTarget(options: LocalTargetOptions = {}): Promise<LocalTarget> {
  // Before any handler builds its clients: each function may touch only what its role allows in AWS.
  installGrantChecks();
  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const scratch = mkdtempSync(join(tmpdir(), 'voucher-local-'));
  const started: Array<{ stop(): Promise<void> }> = [];
  const stopAll = async () => {
    for (const service of started.reverse()) await service.stop().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  };

  try {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    // The pages' address first: the local S3 accepts the pages' uploads from it, the API allows it as its
    // CORS origin, and the letters' QR codes lead to its /bon/ page.
    const [apiPort, webPort] = [
      await freePort(options.preferredPorts?.api),
      await freePort(options.preferredPorts?.web),
    ];
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webUrl = `http://127.0.0.1:${webPort}`;
    const [dynamoPort, s3Port] = [await freePort(), await freePort()];
    const dynamodbDir = dataDir ? join(dataDir, 'dynamodb') : undefined;
    if (dynamodbDir) mkdirSync(dynamodbDir, { recursive: true });
    // allSettled, not all: when one service fails, the others must still be tracked so they get stopped.
    const services = await Promise.allSettled([
      startDynamoDb({ port: dynamoPort, ...(dynamodbDir ? { dataDir: dynamodbDir } : {}) }),
      startS3({
        port: s3Port,
        buckets: Object.values(LOCAL_RESOURCES.buckets),
        uploadOrigins: [webUrl],
        ...(dataDir ? { dataDir: join(dataDir, 's3') } : {}),
      }),
      freePort(options.preferredPorts?.mail).then((port) => startSes({ port })),
      freePort().then((port) =>
        startSecrets({
          port,
          generate: Object.values(LOCAL_RESOURCES.secrets),
          ...(dataDir ? { file: join(dataDir, 'secrets.json') } : {}),
        }),
      ),
    ]);
    for (const service of services) if (service.status === 'fulfilled') started.push(service.value);
    const failed = services.find((service) => service.status === 'rejected');
    if (failed) throw failed.reason;
    const [dynamodb, s3, ses, secrets] = services.map(
      (service) => (service as PromiseFulfilledResult<RunningService>).value,
    ) as [RunningService, RunningService, RunningService, RunningService];

    const admin = localDynamoDbClient(dynamodb.endpoint);
    const { streamEnabledNow } = await ensureTable(admin, LOCAL_RESOURCES.tableName);
    if (streamEnabledNow) {
      console.warn(
        'The table had no stream: the dashboard counts changes from now on (`npm start -- --reset` for all).',
      );
    }
    admin.destroy();

    // Background jobs run in this process, like the route handlers, and stop before the services they use.
    const lambda: LocalLambdaService = await startLambda({
      port: await freePort(),
      repoRoot: REPO_ROOT,
      functions: Object.fromEntries(
        JOB_LIST.map((job) => [
          LOCAL_RESOURCES.jobs[job.name],
          { entry: job.entry, timeoutSeconds: job.timeoutSeconds },
        ]),
      ),
      onAsyncError: (name, error) => console.error(`[lambda] ${name} failed:`, error),
      sandboxes: options.jobSandboxes ?? false,
    });
    started.push(lambda);

    // State machines run in this process too; started after the Lambda endpoint, so they stop before it.
    const workflows = await startStepFunctions({
      port: await freePort(),
      repoRoot: REPO_ROOT,
      machines: workflowMachines(WORKFLOW_LIST),
      clock: options.workflowClock ?? realClock(),
      onExecutionError: (arn, error) => console.error(`[sfn] ${arn} failed:`, error),
    });
    started.push(workflows);

    const endpoints: RunningEndpoints = {
      dynamodb: dynamodb.endpoint,
      s3: s3.endpoint,
      ses: ses.endpoint,
      secrets: secrets.endpoint,
      lambda: lambda.endpoint,
      sfn: workflows.endpoint,
    };
    const environment = {
      ...handlerEnvironment(endpoints, options.logLevel ?? 'WARN', webUrl),
      ...(options.jobLeaseSeconds ? { [JOB_LEASE_VARIABLE]: String(options.jobLeaseSeconds) } : {}),
    };
    // Handlers read their configuration from process.env at cold start, as in Lambda.
    Object.assign(process.env, environment);

    // The schedules call the local endpoints with the SDK, as EventBridge Scheduler calls Lambda/Step Functions.
    const targets = {
      lambda: createLambdaClient({ region: 'eu-west-1', endpoints }),
      sfn: createSfnClient({ region: 'eu-west-1', endpoints }),
    };
    const scheduler = startLocalScheduler(options.schedules === false ? [] : localSchedules(targets));
    started.push({
      stop: async () => {
        await scheduler.stop();
        targets.lambda.destroy();
        targets.sfn.destroy();
      },
    });

    // After the handlers' environment is set: the consumers' modules read it when first loaded.
    const streams =
      options.streams === false
        ? undefined
        : await startStreamPoller({
            endpoint: dynamodb.endpoint,
            tableName: LOCAL_RESOURCES.tableName,
            repoRoot: REPO_ROOT,
            consumers: STREAM_CONSUMER_LIST,
            onFailure: (consumer, records, error) =>
              console.error(`[streams] ${consumer} gave up on ${records.length} record(s):`, error),
            onError: (error) => console.error('[streams] reading the stream failed:', error),
          });
    if (streams) started.push(streams);

    const identity = await LocalIdentityProvider.open(
      options.identityDir ?? (dataDir ? join(dataDir, 'local-auth') : undefined),
    );

    const webRoot = dataDir ? join(REPO_ROOT, 'web', 'dist') : join(scratch, 'web');
    buildWebSync(webRoot);
    const apiServer = createApiServer({
      repoRoot: REPO_ROOT,
      identity,
      allowedOrigins: [webUrl],
      throttle: options.throttle ?? true,
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
    });
    const webServer = createWebServer({
      root: webRoot,
      runtimeConfig: { apiUrl, stage: 'local', auth: { mode: 'local', tokenUrl: `${apiUrl}/auth/local/token` } },
      // The pages call the API, and upload/download documents on the local S3 through presigned URLs.
      connectOrigins: [apiUrl, s3.endpoint],
    });
    started.push(await listen(apiServer, apiPort), await listen(webServer, webPort));

    return {
      apiUrl,
      webUrl,
      mailUrl: ses.endpoint,
      endpoints,
      tableName: LOCAL_RESOURCES.tableName,
      buckets: LOCAL_RESOURCES.buckets,
      identity,
      environment,
      scheduler,
      jobsIdle: () => lambda.idle(),
      crashJob: (job) => lambda.crash(LOCAL_RESOURCES.jobs[job]),
      failedJobInvocations: () => lambda.failedInvocations(),
      workflowsIdle: () => workflows.idle(),
      ...(streams ? { streams } : {}),
      streamsIdle: () => streams?.idle() ?? Promise.resolve(),
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function listen(server: Server, port: number): Promise<{ stop(): Promise<void> }> {
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolveListen({
        stop: () =>
          new Promise<void>((resolveClose) => {
            server.closeAllConnections();
            server.close(() => resolveClose());
          }),
      }),
    );
  });
}
