/**
 * Clocks for the Wait states of locally run state machines: real time (optionally capped for demos), and a
 * virtual clock that a test moves by hand, waking sleeping executions one instant at a time.
 */

/** What the local runner hands each Wait state under a controllable clock (see local-runner.ts). */
export interface ControllableClock {
  now(): Date;
  /**
   * Resolves at `instant` (at once when it has passed); rejects with the signal's reason when it aborts.
   * `label` names the sleeper (the runner passes the Wait state's name) for assertions and error messages.
   */
  sleepUntil(instant: Date, signal?: AbortSignal, label?: string): Promise<void>;
  /** Told of every execution the runner starts with this clock (the virtual clock waits for them to go quiet). */
  track?(execution: ClockedExecution): void;
}

/** One execution as the runner reports it; read afresh on every poll. */
export interface ClockedExecution {
  readonly name: string;
  /** Ended: succeeded, failed or aborted. */
  readonly finished: boolean;
  /** Task handlers of the execution running now. */
  readonly busy: number;
  /** Wait states of the execution sleeping on the clock now. */
  readonly sleeping: number;
  /** Grows with every step (event, task start or end): unchanged between two polls means nothing moved. */
  readonly progress: number;
}

// setTimeout fires at once (with a warning) beyond this delay, so longer sleeps are taken in pieces.
const MAX_TIMER_MS = 2_147_483_647;

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The sleep was aborted', 'AbortError');
}

/** Sleeps `ms` of real time, in timer-sized pieces; rejects when the signal aborts. */
function sleepFor(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const end = Date.now() + ms;
    let timer: NodeJS.Timeout | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    };
    const arm = () => {
      const left = end - Date.now();
      if (left <= 0) {
        signal?.removeEventListener('abort', onAbort);
        resolve();
        return;
      }
      timer = setTimeout(arm, Math.min(left, MAX_TIMER_MS));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    arm();
  });
}

export interface RealClockOptions {
  /** Longest real sleep of one Wait (ms): a demo can shorten a 10-day wait. Tasks after it see the real time. */
  readonly maxWaitMs?: number;
}

/** Real time: a Wait sleeps until its instant, or at most `maxWaitMs`. */
export function realClock(options: RealClockOptions = {}): ControllableClock {
  const cap = options.maxWaitMs ?? Number.POSITIVE_INFINITY;
  return {
    now: () => new Date(),
    sleepUntil: (instant, signal) => sleepFor(Math.min(Math.max(0, instant.getTime() - Date.now()), cap), signal),
  };
}

interface Sleeper {
  readonly until: number;
  readonly order: number;
  readonly label: string | undefined;
  wake(): void;
}

export interface VirtualClockOptions {
  /** How long (real ms) advancing waits for the executions to go quiet before it fails. Default 30 s. */
  readonly quietTimeoutMs?: number;
}

/**
 * Time that moves only when the test says so. Executions started by the runner with this clock are tracked:
 * each advance first lets them run until every one is quiet (finished, or only sleeping on this clock with no
 * task running), then wakes the sleepers due by the target instant in time order, setting `now()` to each
 * sleeper's instant before waking it and letting the executions go quiet again before the next.
 */
export class VirtualClock implements ControllableClock {
  #now: number;
  #order = 0;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #sleepers: Sleeper[] = [];
  readonly #executions = new Set<ClockedExecution>();
  readonly #quietTimeoutMs: number;

  constructor(start: Date | string, options: VirtualClockOptions = {}) {
    this.#now = new Date(start).getTime();
    if (Number.isNaN(this.#now)) throw new RangeError(`VirtualClock: invalid start instant ${String(start)}`);
    this.#quietTimeoutMs = options.quietTimeoutMs ?? 30_000;
  }

  now(): Date {
    return new Date(this.#now);
  }

  sleepUntil(instant: Date, signal?: AbortSignal, label?: string): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortReason(signal));
      if (instant.getTime() <= this.#now) return resolve();
      const onAbort = () => {
        this.#remove(sleeper);
        reject(abortReason(signal as AbortSignal));
      };
      const sleeper: Sleeper = {
        until: instant.getTime(),
        order: this.#order++,
        label,
        wake: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.push(sleeper);
    });
  }

  track(execution: ClockedExecution): void {
    this.#executions.add(execution);
  }

  /** Who sleeps until when, earliest first (ties in the order they fell asleep). */
  sleepers(): ReadonlyArray<{ readonly until: Date; readonly label?: string }> {
    return this.#sorted().map((sleeper) =>
      sleeper.label === undefined
        ? { until: new Date(sleeper.until) }
        : { until: new Date(sleeper.until), label: sleeper.label },
    );
  }

  /** Resolves once every tracked execution is quiet; time does not move. */
  quiet(): Promise<void> {
    return this.#serially(() => this.#settle());
  }

  /** Moves time forward to `instant`, waking every sleeper due by then (see the class comment). */
  advanceTo(instant: Date | string): Promise<void> {
    const target = new Date(instant).getTime();
    return this.#serially(() => this.#advance(target));
  }

  /** advanceTo(now + ms), `now` taken once the advances queued before this one are done. */
  advanceBy(ms: number): Promise<void> {
    return this.#serially(() => this.#advance(this.#now + ms));
  }

  #serially(step: () => Promise<void>): Promise<void> {
    const run = this.#queue.then(step);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #advance(target: number): Promise<void> {
    if (Number.isNaN(target)) throw new RangeError('VirtualClock: invalid instant');
    if (target < this.#now) {
      throw new RangeError(
        `VirtualClock: cannot go back from ${this.now().toISOString()} to ${new Date(target).toISOString()}`,
      );
    }
    // Executions just started must reach their Wait before time moves, or they would sleep past it.
    await this.#settle();
    for (let next = this.#sorted()[0]; next && next.until <= target; next = this.#sorted()[0]) {
      this.#remove(next);
      this.#now = Math.max(this.#now, next.until);
      next.wake();
      await this.#settle();
    }
    this.#now = target;
  }

  #sorted(): Sleeper[] {
    return [...this.#sleepers].sort((a, b) => a.until - b.until || a.order - b.order);
  }

  #remove(sleeper: Sleeper): void {
    const index = this.#sleepers.indexOf(sleeper);
    if (index >= 0) this.#sleepers.splice(index, 1);
  }

  /**
   * Polls until every tracked execution is quiet on two polls in a row with no progress in between. The first
   * polls use setImmediate (state transitions are promise continuations, done by then); later ones back off
   * to short timers while a task does I/O. Fails after the deadline, naming the executions still busy.
   */
  async #settle(): Promise<void> {
    const deadline = Date.now() + this.#quietTimeoutMs;
    let previous: number | undefined;
    for (let poll = 0; ; poll++) {
      await new Promise<void>((resolve) => {
        if (poll < 10) setImmediate(resolve);
        else setTimeout(resolve, Math.min(poll - 9, 20));
      });
      let progress = this.#sleepers.length;
      const busy: string[] = [];
      for (const execution of this.#executions) {
        if (execution.finished) {
          this.#executions.delete(execution);
          continue;
        }
        progress += execution.progress;
        if (execution.busy > 0 || execution.sleeping === 0) busy.push(execution.name);
      }
      if (busy.length === 0 && progress === previous) return;
      previous = busy.length === 0 ? progress : undefined;
      if (Date.now() > deadline) {
        throw new Error(
          `VirtualClock: executions still busy after ${this.#quietTimeoutMs} ms: ${busy.join(', ') || '(progressing)'}`,
        );
      }
    }
  }
}
