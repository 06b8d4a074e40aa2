/**
 * Every request schema of the route table refuses keys it does not know (`z.strictObject`), all the way
 * down: a misspelt field (`ammountCents`) or a smuggled one (`status`, `balanceCents`) is a 400 that names
 * it, never silently dropped.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { ROUTE_LIST } from '../../../functions/routes/index.ts';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.core.$ZodType>;
  readonly catchall?: z.core.$ZodType;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly out?: z.core.$ZodType;
  readonly options?: readonly z.core.$ZodType[];
  readonly left?: z.core.$ZodType;
  readonly right?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
}

/** Paths of the object schemas inside `schema` that would accept (and drop) an unknown key. */
function lenientObjects(schema: z.core.$ZodType, path: string, seen = new Set<z.core.$ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const inner = (child: z.core.$ZodType | undefined, at = path) => (child ? lenientObjects(child, at, seen) : []);
  switch (def.type) {
    case 'object': {
      const own =
        def.catchall && (def.catchall as unknown as { _zod: { def: Def } })._zod.def.type === 'never' ? [] : [path];
      return [...own, ...Object.entries(def.shape ?? {}).flatMap(([key, child]) => inner(child, `${path}.${key}`))];
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return [...inner(def.in), ...inner(def.out)];
    case 'union':
      return (def.options ?? []).flatMap((option) => inner(option));
    case 'intersection':
      return [...inner(def.left), ...inner(def.right)];
    case 'array':
      return inner(def.element, `${path}[]`);
    default:
      return [];
  }
}

describe('request schemas', () => {
  it('refuse unknown keys in every path, query and body of the route table', () => {
    const lenient = ROUTE_LIST.flatMap((route) =>
      (['params', 'query', 'body'] as const).flatMap((part) => {
        const schema = route[part];
        return schema ? lenientObjects(schema, `${route.operationId}.${part}`) : [];
      }),
    );
    expect(lenient).toEqual([]);
  });
});
