/**
 * Builds the static pages into a folder: each page's TypeScript is bundled and minified by esbuild, its
 * HTML and CSS copied beside it. Used by `npm start` (into web/dist) and by the CDK web construct at
 * synth time (into the asset folder it deploys to S3). Synchronous because CDK's local bundling is.
 *
 *   web/public/   -> /            the public site: partner shops (and later the balance check)
 *   web/scanner/  -> /scanner/    the merchant scanner
 *   web/admin/    -> /admin/      the staff page
 *   web/bon/      -> /bon/        a citizen's voucher: balance from the letter's QR code, partner shops
 *   web/demande/  -> /demande/    the application form of the on-application band (19-21)
 * (web/citizen/ and web/lib/ are code the pages share, not pages.)
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const WEB_ROOT = fileURLToPath(new URL('.', import.meta.url));

/** Page folder -> URL prefix (relative to the site root). */
export const PAGES: Readonly<Record<string, string>> = {
  public: '',
  scanner: 'scanner',
  admin: 'admin',
  bon: 'bon',
  demande: 'demande',
};

const STATIC_FILE = /\.(html|css|svg|png|ico|webmanifest|json)$/;

export function buildWebSync(outDir: string, options: { minify?: boolean } = {}): string[] {
  const minify = options.minify ?? true;
  const target = resolve(outDir);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  const built: string[] = [];
  for (const [page, prefix] of Object.entries(PAGES)) {
    const source = join(WEB_ROOT, page);
    if (!existsSync(join(source, 'index.html'))) continue;
    const destination = join(target, prefix);
    mkdirSync(destination, { recursive: true });
    for (const file of readdirSync(source)) {
      if (STATIC_FILE.test(file)) cpSync(join(source, file), join(destination, file));
    }
    if (existsSync(join(source, 'main.ts'))) {
      buildSync({
        entryPoints: [join(source, 'main.ts')],
        outdir: destination,
        entryNames: '[name]',
        chunkNames: 'chunks/[name]-[hash]',
        bundle: true,
        splitting: true,
        format: 'esm',
        platform: 'browser',
        target: ['es2022', 'chrome100', 'safari15'],
        minify,
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
      });
    }
    built.push(page);
  }
  return built;
}

// `npm run build:web` builds into web/dist.
if (import.meta.url === `file://${process.argv[1]}`) {
  const pages = buildWebSync(join(WEB_ROOT, 'dist'));
  console.log(`built ${pages.join(', ')} into web/dist`);
}
