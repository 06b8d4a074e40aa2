/**
 * Builds something once, on first use, and keeps it for the life of the container; a failed build (e.g. a
 * secret that could not be read) is forgotten, so the next request tries again instead of failing forever.
 */
export function once<T>(build: () => Promise<T>): () => Promise<T> {
  let built: Promise<T> | undefined;
  return () => {
    built ??= build().catch((error: unknown) => {
      built = undefined;
      throw error;
    });
    return built;
  };
}
