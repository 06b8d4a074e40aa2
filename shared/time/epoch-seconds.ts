/** Whole seconds since 1970: what DynamoDB's TTL reads, and what leases and windows compare in conditions. */
export const epochSeconds = (at: Date): number => Math.floor(at.getTime() / 1000);
