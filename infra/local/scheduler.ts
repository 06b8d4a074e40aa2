/**
 * The local stand-in for EventBridge Scheduler: fires each schedule daily at a Brussels wall-clock time, DST
 * included, never runs a schedule twice at once, and reports errors instead of throwing them.
 */
import { addDays, brusselsDateOf, TOWN_TIME_ZONE } from '../../shared/time/calendar-date.ts';

export interface DailyTime {
  readonly hour: number;
  readonly minute: number;
}

export interface LocalSchedule {
  readonly name: string;
  /** Brussels wall-clock time of the daily run. */
  readonly dailyAt: DailyTime;
  run(): Promise<void>;
}

export interface LocalSchedulerOptions {
  /** Where "now" comes from (tests); the timers themselves always run in real time. */
  readonly now?: () => Date;
  /** A failed run, or a fire skipped because the previous run still runs. Default: console.error. */
  readonly onError?: (name: string, error: unknown) => void;
}

export interface LocalScheduler {
  /** When the schedule fires next. */
  next(name: string): Date;
  /** Cancels every timer and waits for the runs in progress. */
  stop(): Promise<void>;
}

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TOWN_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The Brussels hour and minute shown at `instant`. */
function wallTimeOf(instant: number): string {
  return wallClock.format(instant);
}

/**
 * The first instant after `after` at which Brussels clocks show `at`. As EventBridge Scheduler does, a time
 * the spring change skips does not fire that day, and a time the autumn change repeats fires once (the first).
 */
export function nextDailyRun(after: Date, at: DailyTime): Date {
  const wanted = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`;
  // From the day before (when `after` is just past midnight UTC it can still be that day in Brussels).
  let date = addDays(brusselsDateOf(after), -1);
  for (let day = 0; day < 5; day++, date = addDays(date, 1)) {
    const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
    const asUtc = Date.UTC(year, month - 1, dayOfMonth, at.hour, at.minute);
    // Brussels is one or two hours ahead of UTC: the wall time is one of these instants, or none (skipped).
    const candidates = [asUtc - 2 * 3_600_000, asUtc - 3_600_000].filter(
      (instant) => brusselsDateOf(new Date(instant)) === date && wallTimeOf(instant) === wanted,
    );
    const first = candidates[0];
    if (first !== undefined && first > after.getTime()) return new Date(first);
  }
  throw new Error(`No Brussels ${wanted} in the days after ${after.toISOString()}`);
}

// setTimeout fires at once beyond this delay; a longer wait re-arms when the timer ends early.
const MAX_TIMER_MS = 2_147_483_647;

interface Entry {
  readonly schedule: LocalSchedule;
  next: Date;
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
}

export function startLocalScheduler(
  schedules: readonly LocalSchedule[],
  options: LocalSchedulerOptions = {},
): LocalScheduler {
  const now = options.now ?? (() => new Date());
  const report = options.onError ?? ((name, error) => console.error(`[scheduler] ${name} failed:`, error));
  const entries = new Map<string, Entry>();
  for (const schedule of schedules) {
    if (entries.has(schedule.name)) throw new Error(`Two schedules are named ${schedule.name}`);
    entries.set(schedule.name, { schedule, next: nextDailyRun(now(), schedule.dailyAt) });
  }
  let stopped = false;

  const wait = (entry: Entry) => {
    if (stopped) return;
    const delay = Math.min(Math.max(0, entry.next.getTime() - now().getTime()), MAX_TIMER_MS);
    entry.timer = setTimeout(() => fire(entry), delay);
    // The scheduler alone must not keep a process alive (tests, scripts): the servers do that for npm start.
    entry.timer.unref();
  };

  const fire = (entry: Entry) => {
    if (stopped) return;
    const { name } = entry.schedule;
    // A timer can end early (the delay was capped, or `now` is not the timers' clock): wait on.
    if (now().getTime() < entry.next.getTime()) return wait(entry);
    if (entry.running) {
      report(name, new Error(`skipped the run due ${entry.next.toISOString()}: the previous run is not over`));
    } else {
      const running: Promise<void> = Promise.resolve()
        .then(() => entry.schedule.run())
        .catch((error: unknown) => report(name, error))
        .finally(() => {
          if (entry.running === running) delete entry.running;
        });
      entry.running = running;
    }
    // From now, not from the missed instant: like EventBridge, a machine that slept through days does not catch up.
    entry.next = nextDailyRun(new Date(Math.max(now().getTime(), entry.next.getTime())), entry.schedule.dailyAt);
    wait(entry);
  };

  for (const entry of entries.values()) wait(entry);

  return {
    next(name) {
      const entry = entries.get(name);
      if (!entry) throw new Error(`No schedule named ${name}`);
      return entry.next;
    },
    async stop() {
      stopped = true;
      for (const entry of entries.values()) clearTimeout(entry.timer);
      await Promise.allSettled([...entries.values()].flatMap((entry) => (entry.running ? [entry.running] : [])));
    },
  };
}
