import { describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../../functions/routes/index.ts';
import { buildOpenApiDocument } from '../../functions/system/openapi-document.ts';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('has one operation per route, with its id', () => {
    for (const route of ROUTE_LIST) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation?.operationId, route.operationId).toBe(route.operationId);
    }
  });

  it('documents bearer auth and 401/403 on protected routes only', () => {
    for (const route of ROUTE_LIST) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      if (route.access === 'public') {
        expect(operation?.security, route.operationId).toBeUndefined();
        expect(operation?.responses?.['401'], route.operationId).toBeUndefined();
      } else {
        expect(operation?.security).toEqual([{ bearerAuth: [] }]);
        expect(operation?.responses?.['401']).toBeDefined();
        expect(operation?.responses?.['403']).toBeDefined();
      }
    }
  });

  it('describes errors as problem documents and names schemas from the zod metadata', () => {
    const campaign = document.paths?.['/campaigns/{campaignId}']?.get;
    expect(Object.keys(campaign?.responses?.['404']?.content ?? {})).toEqual(['application/problem+json']);
    expect(document.components?.schemas).toHaveProperty('Problem');
    expect(document.components?.schemas).toHaveProperty('PublicMerchant');
  });
});
