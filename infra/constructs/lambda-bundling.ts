/**
 * How every Lambda bundle is built: read by ProjectFunction (CDK runs esbuild with these options) and by the
 * bench and the test that build, measure and run a bundle, so that what is measured is what is deployed.
 */
import type { BuildOptions } from 'esbuild';

export const LAMBDA_BUNDLE = {
  // ESM (the format is set where each tool names it: OutputFormat.ESM for CDK, 'esm' for esbuild).
  target: 'node24',
  mainFields: ['module', 'main'],
  minify: true,
  /**
   * esbuild emits ESM, but some dependencies are CommonJS and call `require` (e.g. for Node built-ins): an ESM
   * bundle has no `require`, so the banner gives it one.
   */
  banner:
    "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  /**
   * Modules replaced in the bundle, paths relative to the repository root (esbuild resolves an alias in its
   * working directory, which CDK sets to the project root). The SDK's credential chain becomes the one link
   * that can answer in Lambda: see functions/runtime/lambda-credentials.ts.
   */
  aliases: {
    '@aws-sdk/credential-provider-node': './functions/runtime/lambda-credentials.ts',
  },
} as const;

/** The same bundle as CDK builds it, as esbuild's own build options (for the bench and the bundle test). */
export function lambdaBuildOptions(repoRoot: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: LAMBDA_BUNDLE.target,
    mainFields: [...LAMBDA_BUNDLE.mainFields],
    banner: { js: LAMBDA_BUNDLE.banner },
    alias: { ...LAMBDA_BUNDLE.aliases },
    minify: LAMBDA_BUNDLE.minify,
  };
}
