/** The mail sender of the handlers granted `mail`: SES, from the town's verified sender, built per call site. */
import * as z from 'zod/mini';
import { createSesClient } from '../../shared/aws/clients.ts';
import { createSesMailer } from '../../shared/aws/ses-mailer.ts';
import type { SendMail } from '../../shared/services/mailer.ts';
import { awsClientOptions, loadConfig } from './config.ts';
import { ENV } from './environment-variables.ts';

/** Sends through SES from the town's verified sender. */
export function mailerFromEnvironment(): SendMail {
  const config = loadConfig({
    [ENV.mailFrom]: z.string().check(z.minLength(3)),
    [ENV.mailConfigurationSet]: z.optional(z.string()),
  });
  const configurationSet = config[ENV.mailConfigurationSet];
  return createSesMailer({
    ses: createSesClient(awsClientOptions(config)),
    from: config[ENV.mailFrom],
    ...(configurationSet ? { configurationSet } : {}),
  });
}
