/** The API's CORS policy, read by the CDK HTTP API and the local gateway alike (bearer tokens, never cookies). */
export const CORS_POLICY = {
  allowHeaders: ['authorization', 'content-type', 'idempotency-key', 'x-correlation-id'],
  exposeHeaders: ['x-correlation-id', 'retry-after'],
  /** How long a browser may reuse a preflight answer. */
  maxAgeSeconds: 3600,
} as const;

/**
 * What the pages may do on the documents bucket straight from the browser: PUT a register file or a proof
 * to a presigned URL, and GET a presigned download. Read by the CDK bucket and the local S3 alike; the
 * allowed origin is the pages' own (the CloudFront site in AWS, the local web server locally).
 */
export const BROWSER_UPLOAD_CORS = {
  methods: ['PUT', 'GET'],
  // The presigned PUT signs content-type (and content-length, which the browser sets itself).
  allowHeaders: ['content-type', 'content-length'],
  maxAgeSeconds: CORS_POLICY.maxAgeSeconds,
} as const;
