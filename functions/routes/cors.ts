/** The API's CORS policy, read by the CDK HTTP API and the local gateway alike (bearer tokens, never cookies). */
export const CORS_POLICY = {
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
  exposeHeaders: ['x-correlation-id', 'retry-after'],
  /** How long a browser may reuse a preflight answer. */
  maxAgeSeconds: 3600,
} as const;
