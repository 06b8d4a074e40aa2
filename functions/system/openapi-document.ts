/**
 * Generates the OpenAPI 3.1 document from the route table and its zod schemas, so the published
 * contract can never disagree with what the handlers validate.
 *
 * The schemas are zod's own JSON Schema (draft 2020-12, which OpenAPI 3.1 uses as is): every schema with a
 * `meta({ id })` becomes a component that others `$ref`; each operation's unnamed schemas (a path's params,
 * a query, the Idempotency-Key header) are written inline. Requests are described as clients send them
 * (zod's input side: `limit` is a string of digits) and answers as clients receive them (the output side).
 */
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathsObject,
  ResponsesObject,
  SchemaObject,
} from 'openapi3-ts/oas31';
import * as z from 'zod/mini';
import { ProblemSchema } from '../../shared/api/problem.ts';
import type { ErrorCode } from '../../shared/errors/domain-error.ts';
import { ROUTE_LIST } from '../routes/index.ts';
import type { AnyRoute } from '../routes/route.ts';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from '../runtime/problem-details.ts';

type Schema = z.core.$ZodType;
type Io = 'input' | 'output';

const COMPONENTS = '#/components/schemas/';

const IDEMPOTENCY_KEY_DESCRIPTION = 'Unique per intended operation; reuse it on retry.';
const IdempotencyKeySchema = z
  .string()
  .check(z.minLength(8), z.maxLength(128), z.meta({ description: IDEMPOTENCY_KEY_DESCRIPTION }));

/** Problem codes any route may answer with, on top of those it lists itself. */
function frameworkErrors(route: AnyRoute): ErrorCode[] {
  const codes: ErrorCode[] = ['INTERNAL'];
  if (route.params || route.query || route.body || route.idempotencyKey) codes.push('VALIDATION_FAILED');
  if (route.body) codes.push('MALFORMED_JSON', 'UNSUPPORTED_MEDIA_TYPE');
  if (route.idempotencyKey) codes.push('IDEMPOTENCY_KEY_REQUIRED');
  if (route.access !== 'public') codes.push('UNAUTHENTICATED', 'FORBIDDEN');
  return codes;
}

/**
 * JSON Schemas of one side (requests or answers): the named schemas, and the unnamed ones passed in under
 * their own keys. It converts them all in one pass of `z.toJSONSchema` over a registry, so a named schema is a
 * `$ref` to its component wherever it appears, however deep.
 */
function jsonSchemas(io: Io, unnamed: ReadonlyMap<string, Schema>): Record<string, SchemaObject> {
  const registry = z.registry<{ id: string }>();
  // Every named schema the route modules declared (zod's global registry holds each `meta({ id })`).
  for (const [id, schema] of z.globalRegistry._idmap) registry.add(schema, { id });
  for (const [key, schema] of unnamed) registry.add(schema, { id: key });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `${COMPONENTS}${id}`,
    // A transform's output cannot be described: it is never in an answer, and `{}` (any) if it ever were.
    unrepresentable: 'any',
    // zod closes every object on its output side (it strips unknown members). An answer is left open, as a
    // client must expect: a member added to an answer is not a breaking change. A strict request stays closed.
    override: ({ zodSchema, jsonSchema }) => {
      const { def } = zodSchema._zod;
      if (io === 'output' && def.type === 'object' && def.catchall?._zod.def.type !== 'never') {
        delete jsonSchema.additionalProperties;
      }
    },
  });
  // A named schema that is not the registered schema of its id (zod puts it under `__shared`): `z.meta` is a
  // check, and checks carry over to a schema derived with z.extend or .check(...), which then takes the id over.
  const { __shared: stray, ...named } = schemas;
  if (stray) {
    throw new Error(
      `Another schema took the id of ${Object.keys(stray.$defs ?? {}).join(', ')}: derive new schemas from an unnamed base (its .shape), and name each with z.meta({ id }) once`,
    );
  }
  const plain: Record<string, SchemaObject> = {};
  for (const [key, schema] of Object.entries(named)) {
    const { $id: _id, $schema: _dialect, id: _metaId, ...rest } = schema as Record<string, unknown>;
    plain[key] = rest as SchemaObject;
  }
  return plain;
}

/** The members of an object's JSON Schema as OpenAPI parameters (a path's params, a query's members). */
function parameters(
  location: 'path' | 'query',
  schema: SchemaObject | undefined,
  named: Record<string, SchemaObject>,
): ParameterObject[] {
  if (!schema?.properties) return [];
  return Object.entries(schema.properties).map(([name, member]) => {
    // A member that is a named schema (a CalendarDate) is described by that schema.
    const { description } =
      '$ref' in member && member.$ref ? (named[member.$ref.slice(COMPONENTS.length)] ?? {}) : member;
    return {
      name,
      in: location,
      required: location === 'path' || (schema.required ?? []).includes(name),
      ...(description ? { description } : {}),
      schema: member,
    };
  });
}

function errorResponses(route: AnyRoute): ResponsesObject {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of new Set([...route.errors, ...frameworkErrors(route)])) {
    const { status } = PROBLEMS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: ResponsesObject = {};
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${PROBLEMS[code].title}`).join('; '),
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: `${COMPONENTS}${idOf(ProblemSchema)}` } } },
    };
  }
  return responses;
}

/**
 * The components the paths refer to, directly or through other components: a request's from the input side,
 * an answer's from the output side. A named schema used on both sides must read the same on both (this
 * refuses one that does not), so which side it is taken from does not matter.
 */
function components(
  paths: PathsObject,
  input: Record<string, SchemaObject>,
  output: Record<string, SchemaObject>,
): Record<string, SchemaObject> {
  const found: Record<string, SchemaObject> = {};
  const visit = (node: unknown, side: Record<string, SchemaObject>): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, side);
    else if (node && typeof node === 'object') {
      const ref = (node as { $ref?: unknown }).$ref;
      const id = typeof ref === 'string' && ref.startsWith(COMPONENTS) ? ref.slice(COMPONENTS.length) : undefined;
      if (id && side[id] && !(id in found)) {
        found[id] = side[id];
        visit(side[id], side);
      } else if (id && side[id] && JSON.stringify(found[id]) !== JSON.stringify(side[id])) {
        throw new Error(
          `The schema ${id} reads differently in requests and in answers (a default or a transform): give each its own.`,
        );
      }
      for (const value of Object.values(node)) visit(value, side);
    }
  };
  for (const item of Object.values(paths)) {
    for (const operation of Object.values(item) as OperationObject[]) {
      visit([operation.parameters, operation.requestBody], input);
      visit(operation.responses, output);
    }
  }
  return Object.fromEntries(Object.entries(found).sort(([a], [b]) => a.localeCompare(b)));
}

function idOf(schema: Schema): string | undefined {
  return z.globalRegistry.get(schema)?.id;
}

/** The document of the route table (or of the routes given, for tests), with its server URL when known. */
export function buildOpenApiDocument(serverUrl?: string, routes: readonly AnyRoute[] = ROUTE_LIST): OpenAPIObject {
  // Each operation's schemas, under keys of its own; a named schema is referred to by its id instead.
  const requests = new Map<string, Schema>();
  const answers = new Map<string, Schema>();
  const keyOf = (route: AnyRoute, part: string) => `${route.operationId}.${part}`;
  for (const route of routes) {
    if (route.params) requests.set(keyOf(route, 'params'), route.params);
    if (route.query) requests.set(keyOf(route, 'query'), route.query);
    if (route.body && !idOf(route.body)) requests.set(keyOf(route, 'body'), route.body);
    if (!idOf(route.success.schema)) answers.set(keyOf(route, 'answer'), route.success.schema);
  }
  if (routes.some((route) => route.idempotencyKey)) requests.set('Idempotency-Key', IdempotencyKeySchema);
  const input = jsonSchemas('input', requests);
  const output = jsonSchemas('output', answers);
  const schemaOf = (side: Record<string, SchemaObject>, schema: Schema, key: string): SchemaObject => {
    const id = idOf(schema);
    return id ? { $ref: `${COMPONENTS}${id}` } : (side[key] ?? {});
  };

  const paths: PathsObject = {};
  for (const route of routes) {
    const operation: OperationObject = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public'
        ? {}
        : { security: [{ bearerAuth: [] }], description: `Roles: ${route.access.join(', ')}.` }),
      parameters: [
        ...parameters('path', input[keyOf(route, 'params')], input),
        ...parameters('query', input[keyOf(route, 'query')], input),
        ...(route.idempotencyKey
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header' as const,
                required: true,
                description: IDEMPOTENCY_KEY_DESCRIPTION,
                schema: input['Idempotency-Key'] ?? {},
              },
            ]
          : []),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaOf(input, route.body, keyOf(route, 'body')) } },
            },
          }
        : {}),
      responses: {
        [String(route.success.status)]: {
          description: route.success.description,
          content: {
            'application/json': { schema: schemaOf(output, route.success.schema, keyOf(route, 'answer')) },
          },
        },
        ...errorResponses(route),
      },
    };
    if (operation.parameters?.length === 0) delete operation.parameters;
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Local-commerce voucher platform API',
      version: '1.0.0',
      description:
        'Amounts are integer cents; dates are YYYY-MM-DD in Europe/Brussels; errors are RFC 9457 problem documents with a stable `code`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A Cognito ID token in AWS; a token from POST /auth/local/token on the local target.',
        },
      },
      schemas: components(paths, input, output),
    },
  };
}
