/**
 * The platform table for handlers that use it: configuration checked and the DynamoDB client built once
 * per cold start, shared by every store the handler creates.
 */
import * as z from 'zod/mini';
import { createDynamoDbClients } from '../../shared/aws/clients.ts';
import type { TableContext } from '../../shared/data/table.ts';
import { awsClientOptions, loadConfig } from './config.ts';
import { ENV } from './environment-variables.ts';

let table: TableContext | undefined;

export function tableFromEnvironment(): TableContext {
  if (!table) {
    const config = loadConfig({ [ENV.tableName]: z.string().check(z.minLength(3)) });
    table = { doc: createDynamoDbClients(awsClientOptions(config)).doc, tableName: config.TABLE_NAME };
  }
  return table;
}
