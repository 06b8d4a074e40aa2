/**
 * Matches a request against the route table the way API Gateway HTTP APIs do: exact method, path
 * templates with `{name}` segments (one segment each), most specific route first.
 */
import type { AnyRoute } from '../../../functions/routes/route.ts';

export interface RouteMatch {
  readonly route: AnyRoute;
  readonly pathParameters: Record<string, string>;
}

interface CompiledRoute {
  readonly route: AnyRoute;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  /** Literal segments first: `/campaigns/new` beats `/campaigns/{id}`. */
  readonly literalSegments: number;
}

function compile(route: AnyRoute): CompiledRoute {
  const names: string[] = [];
  let literalSegments = 0;
  const source = route.path
    .split('/')
    .map((segment) => {
      const parameter = /^\{([A-Za-z0-9_]+)\}$/.exec(segment);
      if (parameter?.[1]) {
        names.push(parameter[1]);
        return '([^/]+)';
      }
      if (segment) literalSegments += 1;
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`), names, literalSegments };
}

export function createRouteMatcher(routes: readonly AnyRoute[]) {
  const compiled = routes.map(compile).sort((a, b) => b.literalSegments - a.literalSegments);
  return {
    match(method: string, path: string): RouteMatch | undefined {
      for (const candidate of compiled) {
        if (candidate.route.method !== method) continue;
        const found = candidate.pattern.exec(path);
        if (!found) continue;
        const pathParameters: Record<string, string> = {};
        candidate.names.forEach((name, position) => {
          const raw = found[position + 1] ?? '';
          // API Gateway hands handlers percent-decoded path parameters.
          pathParameters[name] = safeDecode(raw);
        });
        return { route: candidate.route, pathParameters };
      }
      return undefined;
    },
    /** Methods that exist for this path (for CORS preflight answers). */
    methodsFor(path: string): string[] {
      return compiled.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.route.method);
    },
  };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
