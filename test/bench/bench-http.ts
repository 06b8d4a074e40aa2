/**
 * The HTTP client of every timed request in the benches: node:http over keep-alive connections. It is the
 * stack the AWS SDK sends its DynamoDB requests through, so a ratio of a gateway figure to a raw DynamoDB
 * figure (`npm run bench -- redemption`) compares like with like, and what it measures is the gateway, the
 * handler and the use case, not the client. Node's fetch (undici, over WHATWG streams) spends 1 to 2.5 ms
 * more on its own side per JSON POST on this machine, which the same table would have charged to our path.
 * Calls that are not timed (set-up, polling a run) keep fetch, through bench-api.ts.
 */
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

/** Enough sockets for the benches' highest concurrency, so no timed request waits for a connection. */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 256 });

export interface BenchRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  /** Another agent (e.g. one without keep-alive, for a flood that opens connections of its own). */
  readonly agent?: Agent;
  /** The client address to send from (a flood from several addresses on 127.0.0.0/8). */
  readonly localAddress?: string;
}

export interface BenchResponse {
  readonly status: number;
  readonly body: Buffer;
}

/** One request, read to its end. Rejects on a connection error. */
export function send(url: string, init: BenchRequest = {}): Promise<BenchResponse> {
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: init.method ?? 'GET',
        agent: init.agent ?? keepAlive,
        ...(init.headers ? { headers: init.headers } : {}),
        ...(init.localAddress ? { localAddress: init.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    call.on('error', reject);
    call.end(init.body);
  });
}

/** A shop's `POST /merchant/redemptions` through the local gateway, under a new Idempotency-Key: its status. */
export async function redeemThroughGateway(
  apiUrl: string,
  token: string,
  body: { code: string; amountCents: number },
): Promise<number> {
  const response = await send(`${apiUrl}/merchant/redemptions`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify(body),
  });
  return response.status;
}
