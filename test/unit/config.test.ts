import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  awsClientOptions,
  ConfigurationError,
  commaSeparatedList,
  loadConfig,
  normalised,
} from '../../functions/runtime/config.ts';
import { normaliseIban } from '../../shared/iban/iban.ts';

describe('loadConfig', () => {
  it('names the missing variable', () => {
    expect(() => loadConfig({ TABLE_NAME: z.string().check(z.minLength(3)) }, {})).toThrow(ConfigurationError);
    expect(() => loadConfig({ TABLE_NAME: z.string().check(z.minLength(3)) }, {})).toThrow(/TABLE_NAME/);
    // In zod's English (shared/zod-messages.ts): zod mini alone would say a bare "Invalid input".
    expect(() => loadConfig({ TABLE_NAME: z.string().check(z.minLength(3)) }, {})).toThrow(
      'Invalid Lambda configuration: TABLE_NAME: Invalid input: expected string, received undefined',
    );
    expect(() => loadConfig({ TABLE_NAME: z.string().check(z.minLength(3)) }, { TABLE_NAME: 'T' })).toThrow(
      'TABLE_NAME: Too small: expected string to have >=3 characters',
    );
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

  it('reads a comma-separated list: items trimmed, empty ones dropped', () => {
    const config = loadConfig({ STAFF_EMAILS: commaSeparatedList }, { STAFF_EMAILS: ' a@town.be,, b@town.be , ' });
    expect(config.STAFF_EMAILS).toEqual(['a@town.be', 'b@town.be']);
    expect(loadConfig({ STAFF_EMAILS: commaSeparatedList }, { STAFF_EMAILS: '' }).STAFF_EMAILS).toEqual([]);
  });

  it('reads a setting through a normaliser, and reports what it refuses under the setting', () => {
    const schema = { TOWN_IBAN: normalised(normaliseIban) };
    expect(loadConfig(schema, { TOWN_IBAN: 'be68 5390 0754 7034' }).TOWN_IBAN).toBe('BE68539007547034');
    expect(() => loadConfig(schema, { TOWN_IBAN: 'BE68 5390 0754 7035' })).toThrow(ConfigurationError);
    expect(() => loadConfig(schema, { TOWN_IBAN: 'BE68 5390 0754 7035' })).toThrow(
      /^Invalid Lambda configuration: TOWN_IBAN: \S/,
    );
  });
});
