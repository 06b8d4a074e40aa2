/**
 * Puts letters into envelopes and envelopes into mailing order. Minors of one household share an envelope
 * addressed to their parents; everyone from 18 on gets their own. Envelopes are sorted by postcode, street,
 * house number and box, the order a postal round (and bpost's sorting discount) wants.
 */
import { ageOn } from '../eligibility/age.ts';
import type { CalendarDate } from '../time/calendar-date.ts';
import type { EnvelopeMember, LetterAddress, PersonName, RecipientKind } from './letter-input.ts';

export type EnvelopeRecipient =
  | { readonly kind: 'parentsOf'; readonly children: readonly PersonName[] }
  | { readonly kind: 'beneficiary'; readonly person: PersonName };

export interface Envelope<M extends EnvelopeMember = EnvelopeMember> {
  /** 1-based, in mailing order: printed on each letter and in the print shop's manifest. */
  readonly number: number;
  readonly recipient: EnvelopeRecipient;
  readonly address: LetterAddress;
  /** The first letter's page carries the window address; the others follow it in the same envelope. */
  readonly letters: readonly M[];
}

/**
 * A DL window envelope takes about five A4 sheets folded in three before it no longer closes flat or
 * jams a folder-inserter; a larger household gets several envelopes.
 */
export const DEFAULT_MAX_LETTERS_PER_ENVELOPE = 5;

export const ADULT_AGE = 18;

/** Parents receive a minor's letter; from 18 on, the beneficiary receives their own. */
export function recipientFor(birthDate: CalendarDate, letterDate: CalendarDate): RecipientKind {
  return ageOn(birthDate, letterDate) >= ADULT_AGE ? 'beneficiary' : 'parentsOf';
}

// Numeric-aware, accent- and case-insensitive: 2 < 10 < 10A, "Rue Émile" next to "Rue Emile".
const collator = new Intl.Collator('fr-BE', { numeric: true, sensitivity: 'base' });

/** Mailing order: postcode, street, house number (2 < 10 < 10A), box (none first). */
export function compareAddresses(a: LetterAddress, b: LetterAddress): number {
  return (
    collator.compare(a.postcode, b.postcode) ||
    collator.compare(a.street, b.street) ||
    collator.compare(a.houseNumber, b.houseNumber) ||
    collator.compare(a.box ?? '', b.box ?? '')
  );
}

function compareNames(a: PersonName, b: PersonName): number {
  return collator.compare(a.firstName, b.firstName) || collator.compare(a.lastName, b.lastName);
}

/** Letters to the same household at the same address share an envelope (a register mistake must not
 * send a child's letter to another address than its own). */
function householdKey(member: EnvelopeMember): string {
  const { address } = member;
  return [member.householdRef, address.postcode, address.street, address.houseNumber, address.box ?? ''].join('\u0000');
}

function nameOf(member: PersonName): PersonName {
  return { firstName: member.firstName, lastName: member.lastName };
}

export function groupIntoEnvelopes<M extends EnvelopeMember>(
  members: Iterable<M>,
  options: { readonly maxLettersPerEnvelope?: number } = {},
): Envelope<M>[] {
  const maxLetters = options.maxLettersPerEnvelope ?? DEFAULT_MAX_LETTERS_PER_ENVELOPE;
  if (!Number.isInteger(maxLetters) || maxLetters < 1) throw new RangeError('maxLettersPerEnvelope must be >= 1');

  const households = new Map<string, M[]>();
  const unnumbered: Omit<Envelope<M>, 'number'>[] = [];
  for (const member of members) {
    if (member.recipient === 'beneficiary') {
      unnumbered.push({
        recipient: { kind: 'beneficiary', person: nameOf(member) },
        address: member.address,
        letters: [member],
      });
      continue;
    }
    const key = householdKey(member);
    const children = households.get(key);
    if (children) children.push(member);
    else households.set(key, [member]);
  }
  for (const children of households.values()) {
    children.sort(compareNames);
    for (let start = 0; start < children.length; start += maxLetters) {
      const letters = children.slice(start, start + maxLetters);
      const first = letters[0];
      if (!first) continue;
      unnumbered.push({
        recipient: { kind: 'parentsOf', children: letters.map(nameOf) },
        address: first.address,
        letters,
      });
    }
  }
  unnumbered.sort(
    (a, b) =>
      compareAddresses(a.address, b.address) ||
      compareNames(firstName(a), firstName(b)) ||
      collator.compare(a.letters[0]?.householdRef ?? '', b.letters[0]?.householdRef ?? ''),
  );
  return unnumbered.map((envelope, index) => ({ number: index + 1, ...envelope }));
}

function firstName(envelope: Omit<Envelope, 'number'>): PersonName {
  return envelope.recipient.kind === 'beneficiary'
    ? envelope.recipient.person
    : (envelope.recipient.children[0] ?? { firstName: '', lastName: '' });
}
