/** The route table is the contract of the API: consistent, complete, and every entry really exists. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FALLBACK_ROUTE, ROUTE_LIST, ROUTES } from '../../functions/routes/index.ts';
import { PROBLEMS } from '../../functions/runtime/problem-details.ts';
import { REPO_ROOT } from '../../infra/local/target.ts';
import { ROLES } from '../../shared/auth/roles.ts';
import { ERROR_CODES } from '../../shared/errors/domain-error.ts';

describe('route table', () => {
  it('has unique operation ids and unique method + path pairs', () => {
    const ids = ROUTE_LIST.map((route) => route.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = ROUTE_LIST.map((route) => `${route.method} ${route.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [key, route] of Object.entries(ROUTES)) expect(route.operationId).toBe(key);
  });

  it("keeps every handler to its own area's routes: only the OpenAPI document reads the whole table", () => {
    for (const route of ROUTE_LIST) {
      if (route.operationId === 'getOpenApi') continue;
      const source = readFileSync(join(REPO_ROOT, route.entry), 'utf8');
      expect(source, route.entry).not.toMatch(/routes\/index\.ts/);
    }
  });

  it('uses API Gateway path syntax with a schema for every path parameter', () => {
    for (const route of ROUTE_LIST) {
      expect(route.path, route.operationId).toMatch(/^\/([a-z0-9.-]+|\{[A-Za-z]+\})(\/([a-z0-9.-]+|\{[A-Za-z]+\}))*$/);
      const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
      if (names.length > 0) {
        const shape = (route.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
        expect(Object.keys(shape).sort(), route.operationId).toEqual([...names].sort());
      }
    }
  });

  it('gives every route an existing handler module and a known set of roles', () => {
    for (const route of [...ROUTE_LIST, FALLBACK_ROUTE]) {
      expect(existsSync(join(REPO_ROOT, route.entry)), route.entry).toBe(true);
    }
    for (const route of ROUTE_LIST) {
      if (route.access === 'public') continue;
      expect(route.access.length, route.operationId).toBeGreaterThan(0);
      for (const role of route.access) expect(ROLES).toContain(role);
    }
  });

  it('maps every error code to an HTTP status, once', () => {
    expect(Object.keys(PROBLEMS).sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) expect(PROBLEMS[code].status).toBeGreaterThanOrEqual(400);
  });
});
