/**
 * Configuration of a Lambda, read from the environment once, at cold start, through one zod schema.
 * A missing or malformed variable stops the cold start with a message naming it, instead of surfacing
 * as `undefined` deep inside a request.
 */
import * as z from 'zod/mini';
import '../../shared/zod-messages.ts';
import type { AwsClientOptions } from '../../shared/aws/clients.ts';
import { ENV, LOCAL_ENDPOINT_VARIABLES } from './environment-variables.ts';

const localEndpoint = z.optional(
  z.url().check(
    z.refine((url) => /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/?$/.test(url), {
      message: 'local endpoints must be on 127.0.0.1 (the local target); in AWS leave it unset',
    }),
  ),
);

const L = LOCAL_ENDPOINT_VARIABLES;

export const BaseConfigSchema = z.object({
  [ENV.region]: z._default(z.string().check(z.minLength(1)), 'eu-west-1'),
  [ENV.stage]: z._default(z.string().check(z.minLength(1)), 'local'),
  /** Set only by the local target: where its emulators listen. */
  [L.dynamodb]: localEndpoint,
  [L.s3]: localEndpoint,
  [L.ses]: localEndpoint,
  [L.sfn]: localEndpoint,
  [L.lambda]: localEndpoint,
  [L.secrets]: localEndpoint,
});

/** A variable that holds a list, comma-separated (`a@town.be, b@town.be`): its items, trimmed, empty ones dropped. */
export const commaSeparatedList = z.pipe(
  z.string(),
  z.transform((list) =>
    list
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  ),
);

/**
 * A setting that a normaliser of ours reads (an IBAN, a BIC), as a zod schema: the normalised value, or the
 * normaliser's message as the issue, so a mistake is reported under the setting's name.
 */
export function normalised(normalise: (value: string) => string) {
  return z.pipe(
    z.string(),
    z.transform((value, context) => {
      try {
        return normalise(value);
      } catch (error) {
        context.issues.push({ code: 'custom', message: (error as Error).message, input: value });
        return z.NEVER;
      }
    }),
  );
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Parses `env` with the base schema plus the variables this function needs.
 * @example const config = loadConfig({ TABLE_NAME: z.string().check(z.minLength(3)) });
 */
export function loadConfig<Shape extends z.core.$ZodShape>(
  extra: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<ReturnType<typeof z.extend<typeof BaseConfigSchema, Shape>>> {
  const result = z.extend(BaseConfigSchema, extra).safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`Invalid Lambda configuration: ${problems}`);
  }
  return result.data;
}

/** The options for shared/aws/clients.ts that a loaded configuration implies. */
export function awsClientOptions(config: z.infer<typeof BaseConfigSchema>): AwsClientOptions {
  return {
    region: config[ENV.region],
    endpoints: {
      dynamodb: config[L.dynamodb],
      s3: config[L.s3],
      ses: config[L.ses],
      sfn: config[L.sfn],
      lambda: config[L.lambda],
      secrets: config[L.secrets],
    },
  };
}
