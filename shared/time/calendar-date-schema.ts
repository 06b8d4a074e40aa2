/** The zod schema of a calendar date, for API schemas (kept apart so pages can use calendar-date.ts without zod). */
import * as z from 'zod/mini';

export const CalendarDateSchema = z.iso
  .date()
  .check(z.meta({ id: 'CalendarDate', description: 'YYYY-MM-DD, Europe/Brussels' }));
