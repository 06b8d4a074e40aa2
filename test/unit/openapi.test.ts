import SwaggerParser from '@apidevtools/swagger-parser';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ROUTE_LIST } from '../../functions/routes/index.ts';
import { defineRoute } from '../../functions/routes/route.ts';
import { buildOpenApiDocument } from '../../functions/system/openapi-document.ts';

/** A public POST route of its own, for the tests that feed the generator schemas of their own. */
function testRoute(body: z.core.$ZodType, answer: z.core.$ZodType) {
  return defineRoute({
    operationId: 'testNote',
    method: 'POST',
    path: '/test-notes',
    entry: 'functions/test-note.ts',
    access: 'public',
    summary: 'A test route',
    tag: 'test',
    body,
    success: { status: 201, description: 'Stored', schema: answer },
    errors: [],
    permissions: {},
  });
}

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();
  // The schemas a test names stay in zod's global registry: take their ids out again.
  afterEach(() => {
    for (const id of [...z.globalRegistry._idmap.keys()]) if (id.startsWith('Test')) z.globalRegistry._idmap.delete(id);
  });

  it('is a valid OpenAPI 3.1 document, and every $ref in it resolves', async () => {
    // The validator dereferences what it is given: a copy, so the tests below read the document as served.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

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

  it('describes a request as clients send it: a query member as its input, optional unless required', () => {
    const parameters = document.paths?.['/merchants']?.get?.parameters ?? [];
    // `limit` is a string of digits that the handler turns into a number.
    expect(parameters).toContainEqual(
      expect.objectContaining({
        name: 'limit',
        in: 'query',
        required: false,
        schema: expect.objectContaining({ type: 'string', pattern: '^[1-9][0-9]{0,4}$' }),
      }),
    );
    const path = document.paths?.['/campaigns/{campaignId}']?.get?.parameters ?? [];
    expect(path).toContainEqual(expect.objectContaining({ name: 'campaignId', in: 'path', required: true }));
    // A member that is a named schema gets that schema's description.
    const range = document.paths?.['/merchant/redemptions']?.get?.parameters ?? [];
    expect(range).toContainEqual(
      expect.objectContaining({ in: 'query', description: expect.stringContaining('YYYY-MM-DD') }),
    );
    const redeem = document.paths?.['/merchant/redemptions']?.post;
    expect(redeem?.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    );
  });

  it('keeps a strict request closed and leaves an answer open to new members', () => {
    const schemas = document.components?.schemas ?? {};
    expect(schemas.RedeemRequest).toMatchObject({ additionalProperties: false });
    expect(schemas.Redemption).not.toHaveProperty('additionalProperties');
    expect(schemas.Redemption).toMatchObject({ required: expect.arrayContaining(['balanceAfterCents']) });
  });

  it('lists only the components the paths use, and each $ref points at one', () => {
    const refs = new Set([...JSON.stringify(document).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]));
    expect([...refs].sort()).toEqual(Object.keys(document.components?.schemas ?? {}).sort());
  });

  it('refuses a named schema that would read differently in a request and in an answer', () => {
    const Note = z.object({ text: z._default(z.string(), '') }).check(z.meta({ id: 'TestNote' }));
    const route = testRoute(Note, Note);
    expect(() => buildOpenApiDocument(undefined, [route])).toThrow(/TestNote reads differently/);
  });

  it('refuses a schema that took over the id of the schema it was derived from', () => {
    const Base = z.object({ text: z.string() }).check(z.meta({ id: 'TestBase' }));
    // z.meta is a check, and z.extend keeps the checks: Derived registers 'TestBase' again, then its own id.
    const Derived = z.extend(Base, { author: z.string() }).check(z.meta({ id: 'TestDerived' }));
    expect(() => buildOpenApiDocument(undefined, [testRoute(Base, Derived)])).toThrow(
      /Another schema took the id of TestBase/,
    );
  });
});
