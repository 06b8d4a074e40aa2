/**
 * A local SES (aws-ses-v2-local): accepts SES v1/v2 SendEmail calls and keeps the mail in memory.
 * A person reads it in the viewer at the service's root URL; tests read `GET /store`.
 */
import type { Server } from 'node:http';
import sesLocal from 'aws-ses-v2-local';
import type { RunningService } from './service.ts';

export async function startSes(options: { readonly port: number }): Promise<RunningService> {
  // The package is CommonJS with an ES default export: Node's ESM loader puts the function on `.default`,
  // bundlers and Vite unwrap it. Accept both.
  const module = sesLocal as unknown as typeof sesLocal.default | { default: typeof sesLocal.default };
  const start = typeof module === 'function' ? module : module.default;
  const server: Server = await start({ host: '127.0.0.1', port: options.port });
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
