/** GET /audit-events: a day of the audit log, filtered, newest first. */
import { createStaffLookupService } from '../../shared/services/staff-lookup-service.ts';
import { staffLookupRoutes } from '../routes/staff-lookups.ts';
import { httpHandler } from '../runtime/http-handler.ts';
import { tableFromEnvironment } from '../runtime/table-access.ts';

const service = createStaffLookupService({ table: tableFromEnvironment(), now: () => new Date() });

export const handler = httpHandler(staffLookupRoutes.listAuditEvents, ({ query }) => service.auditLog(query));
