/**
 * How every Lambda bundle is built: read by ProjectFunction (CDK runs esbuild with these options) and by the
 * bench and the test that build, measure and run a bundle, so that what is measured is what is deployed.
 */
import type { BuildOptions } from 'esbuild';

/**
 * esbuild emits ESM, but some dependencies are CommonJS and call `require` (e.g. for Node built-ins): an ESM
 * bundle has no `require`, so the banner gives it one.
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Modules replaced in the bundle, paths relative to the repository root (esbuild resolves an alias in its
 * working directory, which CDK sets to the project root). The SDK's credential chain becomes the one link
 * that can answer in Lambda: see functions/runtime/lambda-credentials.ts.
 */
export const BUNDLE_ALIASES: Readonly<Record<string, string>> = {
  '@aws-sdk/credential-provider-node': './functions/runtime/lambda-credentials.ts',
};

/** The esbuild options CDK is given (project-function.ts), as esbuild's own build options. */
export function lambdaBuildOptions(repoRoot: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: CREATE_REQUIRE_BANNER },
    alias: { ...BUNDLE_ALIASES },
    minify: true,
  };
}
