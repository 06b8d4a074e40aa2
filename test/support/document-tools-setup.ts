/**
 * Vitest global setup for the tiers that check the town's documents the way finance and a reader would:
 * xmllint validates payment files against the SEPA XSD, pdftotext/pdftoppm read letters and summaries, and
 * zbarimg decodes the printed QR codes. These are Debian tools, not npm packages: when one is missing the
 * run stops at once with the one command that installs them, instead of failing tests one by one with ENOENT.
 */
import { spawnSync } from 'node:child_process';

/** Each tool, and the Debian package that ships it. */
const TOOLS: Readonly<Record<string, string>> = {
  xmllint: 'libxml2-utils',
  pdftotext: 'poppler-utils',
  pdftoppm: 'poppler-utils',
  zbarimg: 'zbar-tools',
};

const onPath = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

export default function setup(): void {
  const missing = Object.keys(TOOLS).filter((tool) => !onPath(tool));
  if (missing.length === 0) return;
  const packages = [...new Set(missing.map((tool) => TOOLS[tool]))].join(' ');
  throw new Error(`Missing ${missing.join(', ')}: install with \`sudo apt-get install -y ${packages}\``);
}
