/**
 * The pages' Content-Security-Policy, one policy for CloudFront (infra/constructs/web.ts) and the local web
 * server alike. Pages load their own scripts and styles only (no inline code, no eval); they call the API
 * and the sign-in service, and upload/download documents through presigned URLs on the documents bucket.
 * The scanner draws camera frames on a canvas and decodes them in a worker.
 */
export interface PolicySources {
  /** Origins the pages may fetch from: the API, the sign-in service, the documents bucket. */
  readonly connect: readonly string[];
}

export function contentSecurityPolicy(sources: PolicySources): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "worker-src 'self' blob:",
    `connect-src ${["'self'", ...sources.connect].join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
