/**
 * Starts test/bench/target-process.ts as a child process and hands back its endpoints, its pid (benches
 * read the handlers' memory from /proc/<pid>), a way to send it commands (see target-process.ts) and to stop it.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { MeterSnapshot } from './cost-meter.ts';
import type { BenchTarget } from './target-process.ts';

export type TargetCommand = 'streams pause' | 'streams resume' | 'streams idle';

export interface RunningBenchTarget extends BenchTarget {
  readonly pid: number;
  /** Sends a command over the target's stdin and waits for its `ok` (rejects on any other answer). */
  command(line: TargetCommand): Promise<void>;
  /** The cost meter's counters so far (needs `meter`: see cost-meter.ts). */
  meter(): Promise<MeterSnapshot>;
  stop(): Promise<void>;
}

/**
 * Unknown commands, pause and resume are answered at once: silence means a target that takes no commands.
 * `streams idle` answers once the aggregator has caught up, which takes as long as its backlog.
 */
const COMMAND_TIMEOUT_MS = 30_000;

/**
 * `throttle`: the per-route request limits of the AWS stage, as `npm start` has them (off by default).
 * `meter`: the cost bench's counters (cost-meter.ts) on in the target.
 */
export async function startBenchTarget(
  options: { throttle?: boolean; meter?: boolean } = {},
): Promise<RunningBenchTarget> {
  const script = fileURLToPath(new URL('./target-process.ts', import.meta.url));
  const flags = [...(options.throttle ? ['--throttle'] : []), ...(options.meter ? ['--meter'] : [])];
  const child = spawn(process.execPath, [script, ...flags], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const info = await new Promise<BenchTarget>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line) as BenchTarget));
  });
  // The target answers its commands in order, one line each.
  const waiting: Array<(answer: string) => void> = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  return {
    ...info,
    pid: child.pid ?? Number.NaN,
    command: (line) =>
      new Promise<void>((resolve, reject) => {
        const silent =
          line === 'streams idle'
            ? undefined
            : setTimeout(() => reject(new Error(`bench target: no answer to "${line}"`)), COMMAND_TIMEOUT_MS);
        waiting.push((answer) => {
          clearTimeout(silent);
          if (answer === `ok ${line}`) resolve();
          else reject(new Error(`bench target: "${line}" answered "${answer}"`));
        });
        child.stdin.write(`${line}\n`);
      }),
    meter: () =>
      new Promise<MeterSnapshot>((resolve, reject) => {
        const silent = setTimeout(() => reject(new Error('bench target: no answer to "meter"')), COMMAND_TIMEOUT_MS);
        waiting.push((answer) => {
          clearTimeout(silent);
          if (answer.startsWith('meter ')) resolve(JSON.parse(answer.slice('meter '.length)) as MeterSnapshot);
          else reject(new Error(`bench target: "meter" answered "${answer.slice(0, 200)}"`));
        });
        child.stdin.write('meter\n');
      }),
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
