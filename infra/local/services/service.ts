/** What every local service returns once it is up. */
export interface RunningService {
  /** Base URL on 127.0.0.1. */
  readonly endpoint: string;
  stop(): Promise<void>;
}
