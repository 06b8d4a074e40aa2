/**
 * How every Lambda bundle is built: by ProjectFunction when CDK stages its code, and by the bench and the
 * tests that build, measure and run a bundle, with the same options, so that what is measured is deployed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';
import { LOCAL_FUNCTIONS } from '../local/local-functions.ts';

/** esbuild's options for a Lambda bundle (SDK included: it carries the version the tests ran against). */
export function lambdaBuildOptions(repoRoot: string): BuildOptions {
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    mainFields: ['module', 'main'],
    minify: true,
    // Some dependencies are CommonJS and call `require` (e.g. for Node built-ins): an ESM bundle has none.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    // Paths relative to the repository root (absWorkingDir). The SDK's credential chain becomes the one link
    // that can answer in Lambda: see functions/runtime/lambda-credentials.ts.
    alias: { '@aws-sdk/credential-provider-node': './functions/runtime/lambda-credentials.ts' },
  };
}

/** Where the bundles of one repository were built in this process, by entry (relative to the repository). */
const builtBundles = new Map<string, Map<string, string>>();

/**
 * The folder holding the Lambda bundle of `entry` (absolute path of a TypeScript module exporting `handler`)
 * as `index.mjs`, with its source map `index.mjs.map`. The first entry asked for is built on its own (a
 * stack of one function needs no more). The next one builds every function the stack deploys
 * (infra/local/local-functions.ts) that is not built yet, in one esbuild run, each entry its own
 * self-contained bundle: the modules they share are parsed once, so a synth bundles its 60-odd functions in
 * about 12 s rather than the 80 s that one esbuild process per function takes. The bundles are the same,
 * byte for byte. An entry the stack does not deploy is built on its own.
 */
export function lambdaBundleFolder(repoRoot: string, entry: string): string {
  const bundles = builtBundles.get(repoRoot) ?? new Map<string, string>();
  builtBundles.set(repoRoot, bundles);
  const relativeEntry = relative(repoRoot, entry);
  const known = bundles.get(relativeEntry);
  if (known) return known;
  const deployed = LOCAL_FUNCTIONS.map((fn) => fn.entry);
  const batch =
    deployed.includes(relativeEntry) && bundles.size > 0
      ? deployed.filter((path) => !bundles.has(path))
      : [relativeEntry];
  const outdir = mkdtempSync(join(tmpdir(), 'lambda-bundles-'));
  process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
  // One output folder per entry, named after the entry's path: `<path without .ts>/index.mjs`.
  const folderOf = (path: string) => path.replace(/\.ts$/, '');
  buildSync({
    ...lambdaBuildOptions(repoRoot),
    entryPoints: Object.fromEntries(batch.map((path) => [`${folderOf(path)}/index`, join(repoRoot, path)])),
    outdir,
    outExtension: { '.js': '.mjs' },
    // Stack traces in the logs point at the TypeScript sources (NODE_OPTIONS=--enable-source-maps).
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'error',
  });
  for (const path of batch) bundles.set(path, join(outdir, folderOf(path)));
  return join(outdir, folderOf(relativeEntry));
}
