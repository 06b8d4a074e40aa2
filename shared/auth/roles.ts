/**
 * Who may do what. Users belong to one or more groups (Cognito groups in AWS, the local user file
 * locally); a merchant user also carries the id of its shop.
 */
export const ROLES = ['admin', 'staff', 'finance', 'merchant'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** The signed-in user, as the handlers see it, whatever the identity provider. */
export interface Principal {
  /** Stable subject id (`sub`). */
  readonly userId: string;
  readonly username: string;
  readonly roles: readonly Role[];
  /** Set for merchant users: the only shop whose data they may see. */
  readonly merchantId?: string;
}

/** Claim names shared by the Cognito ID token and the local tokens, so handlers read both the same way. */
export const CLAIMS = {
  subject: 'sub',
  username: 'cognito:username',
  groups: 'cognito:groups',
  merchantId: 'custom:merchantId',
} as const;
