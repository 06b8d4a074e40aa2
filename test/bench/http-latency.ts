/** Latency of one API route through the local gateway, at several concurrency levels. */
import { send } from './bench-http.ts';
import { loadTest, summarise } from './stats.ts';

export async function measureRoute(url: string, concurrency: number, total: number) {
  // Warm the handler module (the cold start is measured separately, per bundle).
  for (let i = 0; i < 5; i += 1) await send(url);
  let failures = 0;
  const { samples, wallMs } = await loadTest(total, concurrency, async () => {
    const response = await send(url);
    if (response.status >= 300) failures += 1;
  });
  return { ...summarise(samples), throughput: (total / wallMs) * 1000, failures };
}
