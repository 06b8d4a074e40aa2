/**
 * Every AWS client gives up on an attempt that does not answer (issue 13, item 7): against a service that
 * accepts the connection and never answers, a call fails after the SDK's attempts of `requestTimeout`
 * each, instead of hanging as long as the socket lives. The AWS clients are built with limits whose
 * attempts fit in the functions' 10 s (S3, used for streams by the jobs, wider).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AWS_REQUEST_TIMEOUTS,
  createDynamoDbClients,
  createS3Client,
  S3_REQUEST_TIMEOUTS,
} from '../../../shared/aws/clients.ts';
import { getItem } from '../../../shared/data/table.ts';

let silent: Server;
const sockets: Socket[] = [];
let endpoint = '';

beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.push(socket); // accepted, never answered
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

describe('AWS client request timeouts', () => {
  it('fail a call to a service that never answers after its attempts, not never', async () => {
    const { doc } = createDynamoDbClients({
      region: 'eu-west-1',
      endpoints: { dynamodb: endpoint },
      requestTimeouts: { connectionTimeout: 200, requestTimeout: 200 },
    });
    const started = Date.now();
    await expect(getItem({ doc, tableName: 'table' }, { pk: 'a', sk: 'b' })).rejects.toThrow();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(3 * 200);
    expect(took).toBeLessThan(5_000);
  });

  it('are set on the AWS clients so that three attempts fit in a 10 s function', async () => {
    expect(3 * (AWS_REQUEST_TIMEOUTS.requestTimeout + AWS_REQUEST_TIMEOUTS.connectionTimeout)).toBeLessThan(10_000);
    const clients = [
      [createDynamoDbClients({ region: 'eu-west-1' }).raw, AWS_REQUEST_TIMEOUTS],
      [createS3Client({ region: 'eu-west-1' }), S3_REQUEST_TIMEOUTS],
    ] as const;
    for (const [client, expected] of clients) {
      const handler = client.config.requestHandler as unknown as {
        httpHandlerConfigs(): Record<string, unknown>;
        configProvider?: Promise<Record<string, unknown>>;
      };
      const configs = await (handler.configProvider ?? Promise.resolve(handler.httpHandlerConfigs()));
      expect(configs).toMatchObject({ ...expected, throwOnRequestTimeout: true });
    }
  });
});
