/**
 * Serves the built pages (web/dist) the way CloudFront serves the web bucket in AWS, plus the runtime
 * `config.json` that the CDK web construct writes at deploy time (here: the local API's URL).
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { contentSecurityPolicy } from '../../../web/content-security-policy.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The same security headers as the CloudFront response headers policy. */
const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

export interface WebServerOptions {
  readonly root: string;
  /** Served at /config.json. */
  readonly runtimeConfig: Record<string, unknown>;
  /** Origins the pages may call (the CSP's connect-src): the local API and the local S3. */
  readonly connectOrigins: readonly string[];
}

export function createWebServer(options: WebServerOptions): Server {
  const root = resolve(options.root);
  const headers = {
    ...SECURITY_HEADERS,
    'content-security-policy': contentSecurityPolicy({ connect: options.connectOrigins }),
  };
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (url.pathname === '/config.json') {
      response
        .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', ...headers })
        .end(JSON.stringify(options.runtimeConfig));
      return;
    }
    resolveFile(root, decodeURIComponent(url.pathname))
      .then(async (file) => {
        if (!file) {
          response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
          return;
        }
        const body = await readFile(file);
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-cache',
          'content-length': String(body.length),
          ...headers,
        });
        response.end(request.method === 'HEAD' ? undefined : body);
      })
      .catch(() => response.writeHead(500).end());
  });
}

/** The file for a URL path (a folder means its index.html), never outside the root. */
async function resolveFile(root: string, pathname: string): Promise<string | undefined> {
  const candidate = normalize(join(root, pathname));
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined;
  for (const file of [candidate, join(candidate, 'index.html')]) {
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
  }
  return undefined;
}
