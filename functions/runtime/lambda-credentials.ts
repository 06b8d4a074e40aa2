/**
 * What the SDK clients of a Lambda bundle use for `@aws-sdk/credential-provider-node` (an esbuild alias, see
 * infra/constructs/lambda-bundling.ts): the execution role's keys, which Lambda puts in the environment
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) before the handler is loaded.
 *
 * The SDK's default chain looks there first too, so in Lambda it finds the same keys. The rest of the chain
 * (profiles, SSO, web identity, the container and instance metadata services) can never answer in a
 * function, but brings two nested clients (STS, SSO) and their XML protocol into every bundle: about 130 KB
 * of the 520 KB the redemption function weighed, and their parsing at each cold start.
 *
 * Outside a bundle (tests, the local target) the SDK keeps its whole chain: this module is not loaded there.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** The one export of `@aws-sdk/credential-provider-node` that the generated clients import. */
export const defaultProvider: typeof fromEnv = fromEnv;
