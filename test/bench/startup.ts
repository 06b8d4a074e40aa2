/**
 * Time from `npm start` to a healthy API, on an empty data folder (first start: table creation and seed)
 * and again on the data it left (the everyday restart), plus the time Ctrl-C takes to stop everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { waitUntil } from '../../infra/local/ports.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';

export interface StartedPlatform {
  readonly apiUrl: string;
  readonly webUrl: string;
  readonly readyMs: number;
  readonly child: ChildProcess;
  stop(): Promise<number>;
}

export async function startPlatform(dataDir: string): Promise<StartedPlatform> {
  const endpointsFile = join(dataDir, 'endpoints.json');
  rmSync(endpointsFile, { force: true });
  const started = performance.now();
  // The same command as `npm start`, on this Node 24, with its own data folder; unthrottled, since the
  // section times the gateway and handlers at a load above the public routes' limit (`abuse` checks the limits).
  const child = spawn(process.execPath, [join(REPO_ROOT, 'infra/local/start.ts'), '--data', dataDir, '--unthrottled'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let apiUrl = '';
  await waitUntil(
    'npm start to answer GET /health',
    async () => {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (!existsSync(endpointsFile)) return false;
      apiUrl = (JSON.parse(readFileSync(endpointsFile, 'utf8')) as { apiUrl: string }).apiUrl;
      return (await fetch(`${apiUrl}/health`)).ok;
    },
    120_000,
  );
  const readyMs = performance.now() - started;
  const { webUrl } = JSON.parse(readFileSync(endpointsFile, 'utf8')) as { webUrl: string };
  return {
    apiUrl,
    webUrl,
    readyMs,
    child,
    stop: async () => {
      const t0 = performance.now();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await exited;
      return performance.now() - t0;
    },
  };
}
