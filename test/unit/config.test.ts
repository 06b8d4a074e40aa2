import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { awsClientOptions, ConfigurationError, loadConfig } from '../../functions/runtime/config.ts';

describe('loadConfig', () => {
  it('names the missing variable', () => {
    expect(() => loadConfig({ TABLE_NAME: z.string().min(3) }, {})).toThrow(ConfigurationError);
    expect(() => loadConfig({ TABLE_NAME: z.string().min(3) }, {})).toThrow(/TABLE_NAME/);
  });

  it('accepts local endpoints only on the loopback address', () => {
    const config = loadConfig({}, { LOCAL_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' });
    expect(awsClientOptions(config).endpoints?.dynamodb).toBe('http://127.0.0.1:8000');
    expect(() => loadConfig({}, { LOCAL_S3_ENDPOINT: 'https://s3.eu-west-1.amazonaws.com' })).toThrow(
      /LOCAL_S3_ENDPOINT/,
    );
  });

  it('leaves endpoints unset in AWS', () => {
    const config = loadConfig({ TABLE_NAME: z.string() }, { TABLE_NAME: 'Table-ABC', AWS_REGION: 'eu-central-1' });
    expect(awsClientOptions(config)).toEqual({
      region: 'eu-central-1',
      endpoints: { dynamodb: undefined, s3: undefined, ses: undefined, sfn: undefined, secrets: undefined },
    });
  });
});
