/**
 * The runtime configuration every page loads first: written by the CDK web construct at deploy time in
 * AWS, served by the local web server locally. Pages never hard-code the API's address.
 */
import type { UserPoolName } from '../../shared/auth/user-pools.ts';

export interface CognitoPoolSettings {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

export interface RuntimeConfig {
  readonly apiUrl: string;
  readonly stage: string;
  readonly auth:
    | { readonly mode: 'local'; readonly tokenUrl: string }
    | {
        readonly mode: 'cognito';
        readonly region: string;
        /** Staff (TOTP required) and shopkeepers sign in to different pools (shared/auth/user-pools.ts). */
        readonly userPools: Readonly<Record<UserPoolName, CognitoPoolSettings>>;
      };
}

let loaded: Promise<RuntimeConfig> | undefined;

export function runtimeConfig(): Promise<RuntimeConfig> {
  loaded ??= fetch('/config.json', { cache: 'no-cache' }).then(async (response) => {
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    const config = (await response.json()) as RuntimeConfig;
    return { ...config, apiUrl: config.apiUrl.replace(/\/$/, '') };
  });
  return loaded;
}
