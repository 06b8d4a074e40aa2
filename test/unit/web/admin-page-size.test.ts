/**
 * The admin page's first download stays small: its JavaScript before the charts within the goal
 * (80 KiB gzip), and the chart library in a chunk of its own that the page imports only dynamically.
 */
import { describe, expect, it } from 'vitest';
import { measureAdminPageJs } from '../../bench/admin-page.ts';

describe('the admin page build', () => {
  it('keeps Chart.js out of the initial JavaScript, which stays within 80 KiB gzip', async () => {
    const figures = await measureAdminPageJs();
    expect(figures.initialFiles).toContain('main.js');
    expect(figures.initialGzipBytes).toBeLessThanOrEqual(80 * 1024);
    expect(figures.chartsFiles.length).toBeGreaterThan(0);
    expect(figures.chartsFiles.some((file) => figures.initialFiles.includes(file))).toBe(false);
    // The chart library itself (tens of KiB) is in the lazy part, not a stub of it.
    expect(figures.chartsGzipBytes).toBeGreaterThan(30 * 1024);
  }, 60_000);
});
