/**
 * Public requests from a chosen client address (127.0.0.0/8 is all loopback on Linux): the public routes
 * count attempts per address, so each test keeps to addresses of its own.
 */
import { request } from 'node:http';
import { localTarget } from './local-target.ts';

export interface PublicAnswer<T> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: T;
}

/** A fresh loopback address for one test's client. */
export function clientAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 250);
  return `127.${byte()}.${byte()}.${byte()}`;
}

export function publicGet<T>(path: string, sourceAddress: string): Promise<PublicAnswer<T>> {
  const url = new URL(`${localTarget().apiUrl}${path}`);
  return new Promise((resolve, reject) => {
    const call = request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, localAddress: sourceAddress },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (text ? JSON.parse(text) : {}) as T,
          });
        });
      },
    );
    call.on('error', reject);
    call.end();
  });
}
