/**
 * The resident memory and CPU time of other processes (the bench target, where the handlers run, and its
 * DynamoDB Local), read from /proc: Linux only, which is where the benchmarks run.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** USER_HZ: the unit of /proc/<pid>/stat's times, 100 on every Linux the benchmarks run on. */
const CLOCK_TICKS = 100;

/** User + system CPU seconds the process has used so far. */
export function cpuSeconds(pid: number): number {
  // After the command name (which may hold spaces and parentheses) comes field 3 (state); utime is 14, stime 15.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The first child of `pid` whose command line contains `marker` (e.g. DynamoDB Local's `DynamoDBLocal.jar`). */
export function childProcess(pid: number, marker: string): number | undefined {
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    const children = readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean);
    for (const child of children.map(Number)) {
      const commandLine = readFileSync(`/proc/${child}/cmdline`, 'utf8');
      if (commandLine.includes(marker)) return child;
    }
  }
  return undefined;
}

export interface ResidentMemory {
  /** VmRSS: resident now. */
  readonly rssMb: number;
  /** VmHWM: the highest resident size since the process started. */
  readonly peakMb: number;
}

export function residentMemory(pid: number): ResidentMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kib('VmRSS') / 1024, peakMb: kib('VmHWM') / 1024 };
}

export interface RssSampler {
  /** The highest VmRSS sampled since the last mark (or the start), then starts a new span. */
  mark(): number;
  /** Stops sampling; the highest VmRSS of the span still open. */
  stop(): number;
}

/**
 * Samples VmRSS every `everyMs`: the peak of a span of the run, where VmHWM only knows the whole life of
 * the process (its start-up and earlier phases included).
 */
export function sampleRss(pid: number, everyMs = 100): RssSampler {
  let peak = residentMemory(pid).rssMb;
  const sample = () => {
    peak = Math.max(peak, residentMemory(pid).rssMb);
  };
  const timer = setInterval(sample, everyMs);
  const mark = () => {
    sample();
    const spanPeak = peak;
    peak = residentMemory(pid).rssMb;
    return spanPeak;
  };
  return {
    mark,
    stop: () => {
      clearInterval(timer);
      return mark();
    },
  };
}
