/**
 * The town's mail sender in SES: its verified identity (an address of a domain the town controls) and the
 * configuration set that records deliveries, bounces and complaints. Every function that mails sends from it.
 */
import { ConfigurationSet, EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';
import type { MailResources } from './grants.ts';

export interface MailProps {
  /** The From address, e.g. `cheques-commerces@town.example`; SES must have its domain verified. */
  readonly from: string;
}

export class Mail extends Construct {
  readonly resources: MailResources;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    const configurationSet = new ConfigurationSet(this, 'Configuration');
    const identity = new EmailIdentity(this, 'Sender', { identity: Identity.email(props.from), configurationSet });
    this.resources = { identity, from: props.from, configurationSet };
  }
}
