/** Follows a background task (import, issuance, letters, settlement) until it ends, reporting each reading. */

/** Reads `read` every `intervalMs` until `done` holds; each reading goes to `onReading`. Rejects on the first error. */
export async function follow<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  onReading: (value: T) => void,
  intervalMs = 1000,
): Promise<T> {
  for (;;) {
    const value = await read();
    onReading(value);
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
