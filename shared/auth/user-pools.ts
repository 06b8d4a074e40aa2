/**
 * Which sign-in pool holds each role's accounts. In AWS they are two Cognito user pools, because MFA is a
 * pool setting: the town's staff (who see personal data and approve payouts) must use TOTP, shopkeepers
 * sign in with a password on a till. The CDK app, its authorizers and the pages all read this one table.
 */
import type { Role } from './roles.ts';

export const USER_POOLS = ['staff', 'merchant'] as const;
export type UserPoolName = (typeof USER_POOLS)[number];

export const USER_POOL_OF_ROLE: Readonly<Record<Role, UserPoolName>> = {
  admin: 'staff',
  staff: 'staff',
  finance: 'staff',
  merchant: 'merchant',
};

/** The roles whose accounts live in `pool` (the pool's groups). */
export function rolesOfUserPool(pool: UserPoolName): Role[] {
  return (Object.keys(USER_POOL_OF_ROLE) as Role[]).filter((role) => USER_POOL_OF_ROLE[role] === pool);
}

/** The pools whose tokens a route accepts, given the roles it allows, in USER_POOLS order. */
export function userPoolsOf(roles: readonly Role[]): UserPoolName[] {
  const pools = new Set(roles.map((role) => USER_POOL_OF_ROLE[role]));
  return USER_POOLS.filter((pool) => pools.has(pool));
}
