/**
 * The settlement run's dependencies in a handler, read once per cold start: the town's settings (who pays,
 * who is told), the SES sender, the table and the documents bucket, and the CloudWatch metrics.
 */
import * as z from 'zod/mini';
import { normaliseIban } from '../../shared/iban/iban.ts';
import { normaliseBic } from '../../shared/payments/bic.ts';
import type { SettlementConfig, SettlementDependencies } from '../../shared/services/settlement-dependencies.ts';
import { FRENCH_SETTLEMENT_TEXTS } from '../../shared/settlement/i18n/fr.ts';
import { commaSeparatedList, loadConfig, normalised } from './config.ts';
import { documentsFromEnvironment } from './documents.ts';
import { ENV } from './environment-variables.ts';
import { mailerFromEnvironment } from './mailer.ts';
import { MetricUnit, metrics } from './observability.ts';
import { tableFromEnvironment } from './table-access.ts';

const emails = z.pipe(commaSeparatedList, z.array(z.email()).check(z.minLength(1)));

/** The town's settings, checked at cold start: a wrong IBAN fails here, never inside a payment file. */
export function settlementConfigFromEnvironment(): SettlementConfig {
  const config = loadConfig({
    [ENV.townName]: z.string().check(z.minLength(1)),
    [ENV.townIban]: normalised(normaliseIban),
    [ENV.townBic]: z.optional(normalised(normaliseBic)),
    [ENV.financeEmails]: emails,
    [ENV.adminEmails]: emails,
    [ENV.approvalPollSeconds]: z._default(z.coerce.number().check(z.int(), z.minimum(1)), 900),
  });
  const bic = config[ENV.townBic];
  return {
    townName: config[ENV.townName],
    townAccount: { name: config[ENV.townName], iban: config[ENV.townIban], ...(bic ? { bic } : {}) },
    financeEmails: config[ENV.financeEmails],
    adminEmails: config[ENV.adminEmails],
    approvalPollSeconds: config[ENV.approvalPollSeconds],
    texts: FRENCH_SETTLEMENT_TEXTS,
  };
}

/** Stands for a dependency a step was not granted: any use fails loudly, naming it. */
function notGranted<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get: () => () => {
      throw new Error(
        `This settlement step has no access to ${what}: grant it in infra/workflows/settlement-workflow.ts`,
      );
    },
  });
}

/** Everything a settlement step needs; the documents bucket and mail only for the steps granted them. */
export function settlementDependencies(granted: { documents?: boolean; mail?: boolean } = {}): SettlementDependencies {
  return {
    table: tableFromEnvironment(),
    documents: granted.documents ? documentsFromEnvironment() : notGranted('the documents bucket'),
    sendMail: granted.mail
      ? mailerFromEnvironment()
      : () => Promise.reject(new Error('This settlement step may not send mail')),
    now: () => new Date(),
    config: settlementConfigFromEnvironment(),
    metric: (name, value = 1) => metrics.addMetric(name, MetricUnit.Count, value),
  };
}
