import { defineConfig } from 'vitest/config';

// Four tiers, each with its own script (npm run test:<tier>); `npm test` runs them all.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          globalSetup: ['test/support/document-tools-setup.ts'],
          environment: 'node',
          env: { POWERTOOLS_LOG_LEVEL: 'SILENT' },
        },
      },
      {
        test: {
          name: 'infra',
          include: ['test/infra/**/*.test.ts'],
          // Synthesising the stack bundles every Lambda (about 60, in one esbuild run: about 12 s alone, more
          // when two files bundle at once on a loaded 2-core runner).
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/support/document-tools-setup.ts', 'test/support/local-target-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/local-target-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
          // A page's answer waits on the whole local target sharing two cores: wait for it as a person would
          // (vitest's default of 1 s made assertions that hold fail on a loaded runner).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
