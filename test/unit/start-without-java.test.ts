/** `npm start` on a machine without Java explains how to install it and exits non-zero, starting nothing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/local/target.ts';

describe('npm start without Java', () => {
  it('says how to install Java 17+ and exits with a failure code', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'infra/local/start.ts')], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH: '/nonexistent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Java is not installed');
    expect(result.stderr).toContain('openjdk-17');
  }, 30_000);
});
