/** Starts test/bench/target-process.ts as a child process and hands back its endpoints, and a way to stop it. */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { BenchTarget } from './target-process.ts';

export async function startBenchTarget(): Promise<BenchTarget & { stop(): Promise<void> }> {
  const child = spawn(process.execPath, [fileURLToPath(new URL('./target-process.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<BenchTarget>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as BenchTarget));
  });
  return {
    ...info,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
