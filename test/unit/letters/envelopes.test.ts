import { describe, expect, it } from 'vitest';
import { recipientLine, windowLines } from '../../../shared/letters/address-block.ts';
import { compareAddresses, groupIntoEnvelopes, recipientFor } from '../../../shared/letters/envelopes.ts';
import { letterTexts } from '../../../shared/letters/i18n/catalogue.ts';
import { address, letter } from './letter-fixtures.ts';

const fr = letterTexts('fr');
/** Names are glued with non-breaking spaces (a wrapped line breaks between names): compare as plain text. */
const plain = (text: string | undefined) => text?.replace(/\u00a0/g, ' ');

describe('envelopes', () => {
  it('puts the minors of one household in one envelope addressed to their parents, in name order', () => {
    const home = address('Rue de la Gare', '10');
    const envelopes = groupIntoEnvelopes([
      letter('Zoé', 'Dupont', 'parentsOf', 'H1', home),
      letter('Léa', 'Dupont', 'parentsOf', 'H1', home),
      letter('Tom', 'Dupont', 'parentsOf', 'H1', home),
    ]);
    expect(envelopes).toHaveLength(1);
    const [envelope] = envelopes;
    expect(envelope?.letters.map((l) => l.firstName)).toEqual(['Léa', 'Tom', 'Zoé']);
    expect(plain(envelope && recipientLine(envelope.recipient, fr))).toBe('Aux parents de Léa, Tom et Zoé Dupont');
    expect(envelope && windowLines(envelope, fr)).toEqual([
      ['Aux parents de Léa, Tom et Zoé\u00a0Dupont', 'Rue de la Gare 10', '7300 Boussu'],
    ]);
  });

  it('names every child in full when their family names differ, in each language', () => {
    const home = address('Rue Neuve', '4', '7300', '2');
    const [envelope] = groupIntoEnvelopes([
      letter('Léa', 'Dupont', 'parentsOf', 'H1', home),
      letter('Tom', 'Martin', 'parentsOf', 'H1', home),
    ]);
    if (!envelope) throw new Error('no envelope');
    expect(plain(recipientLine(envelope.recipient, fr))).toBe('Aux parents de Léa Dupont et Tom Martin');
    expect(plain(recipientLine(envelope.recipient, letterTexts('nl')))).toBe(
      'Aan de ouders van Léa Dupont en Tom Martin',
    );
    expect(plain(recipientLine(envelope.recipient, letterTexts('de')))).toBe(
      'An die Eltern von Léa Dupont und Tom Martin',
    );
    expect(plain(recipientLine(envelope.recipient, fr, true))).toBe('Aux parents de Léa et Tom');
    expect(windowLines(envelope, fr)[0]?.[1]).toBe('Rue Neuve 4 bte 2');
    expect(windowLines(envelope, letterTexts('nl'))[0]?.[1]).toBe('Rue Neuve 4 bus 2');
    expect(windowLines(envelope, letterTexts('de'))[0]?.[1]).toBe('Rue Neuve 4 Box 2');
  });

  it('elides "de" before a vowel or a mute h in French', () => {
    const home = address('Rue de la Gare', '10');
    const [anais] = groupIntoEnvelopes([letter('Anaïs', 'Lefèvre', 'parentsOf', 'H1', home)]);
    const [hugo] = groupIntoEnvelopes([letter('Hugo', 'Lefèvre', 'parentsOf', 'H2', home)]);
    expect(plain(anais && recipientLine(anais.recipient, fr))).toBe('Aux parents d’Anaïs Lefèvre');
    expect(plain(hugo && recipientLine(hugo.recipient, fr))).toBe('Aux parents d’Hugo Lefèvre');
  });

  it('gives an adult their own envelope, even in a household with minors', () => {
    const home = address('Rue de la Gare', '10');
    const envelopes = groupIntoEnvelopes([
      letter('Léa', 'Dupont', 'parentsOf', 'H1', home),
      letter('Marc', 'Dupont', 'beneficiary', 'H1', home),
      letter('Tom', 'Dupont', 'parentsOf', 'H1', home),
      letter('Anne', 'Dupont', 'beneficiary', 'H1', home),
    ]);
    expect(envelopes.map((e) => e.letters.map((l) => l.firstName))).toEqual([['Anne'], ['Léa', 'Tom'], ['Marc']]);
    const adult = envelopes[0];
    expect(adult?.recipient).toEqual({ kind: 'beneficiary', person: { firstName: 'Anne', lastName: 'Dupont' } });
    expect(plain(adult && recipientLine(adult.recipient, fr))).toBe('Anne Dupont');
  });

  it('does not put children of one household registered at different addresses together', () => {
    const envelopes = groupIntoEnvelopes([
      letter('Léa', 'Dupont', 'parentsOf', 'H1', address('Rue de la Gare', '10')),
      letter('Tom', 'Dupont', 'parentsOf', 'H1', address('Rue de la Gare', '12')),
    ]);
    expect(envelopes).toHaveLength(2);
  });

  it('splits a large household into envelopes of at most five letters', () => {
    const home = address('Rue de la Gare', '10');
    const names = ['Ana', 'Ben', 'Cleo', 'Dan', 'Eva', 'Finn', 'Gil'];
    const envelopes = groupIntoEnvelopes(names.map((name) => letter(name, 'Dupont', 'parentsOf', 'H1', home)));
    expect(envelopes.map((e) => e.letters.length)).toEqual([5, 2]);
    expect(plain(envelopes[1] && recipientLine(envelopes[1].recipient, fr))).toBe('Aux parents de Finn et Gil Dupont');
    expect(
      groupIntoEnvelopes(
        names.map((name) => letter(name, 'X', 'parentsOf', 'H', home)),
        { maxLettersPerEnvelope: 3 },
      ),
    ).toHaveLength(3);
  });

  it('sorts envelopes by postcode, street, house number (2 < 10 < 10A < 10B) and box, and numbers them', () => {
    const people = [
      letter('A', 'X', 'beneficiary', 'H1', address('Rue de la Gare', '10A')),
      letter('B', 'X', 'beneficiary', 'H2', address('Rue de la Gare', '10')),
      letter('C', 'X', 'beneficiary', 'H3', address('Rue de la Gare', '2')),
      letter('D', 'X', 'beneficiary', 'H4', address('Avenue Foch', '99', '7301')),
      letter('E', 'X', 'beneficiary', 'H5', address('Rue de la Gare', '10', '7300', '12')),
      letter('F', 'X', 'beneficiary', 'H6', address('Rue de la Gare', '10', '7300', '3')),
      letter('G', 'X', 'beneficiary', 'H7', address('Avenue Foch', '1', '7080')),
      letter('H', 'X', 'beneficiary', 'H8', address('Rue de la Gare', '10B')),
      letter('I', 'X', 'beneficiary', 'H9', address('Place Émile Vandervelde', '1')),
    ];
    const envelopes = groupIntoEnvelopes(people);
    expect(envelopes.map((e) => e.letters[0]?.firstName)).toEqual(['G', 'I', 'C', 'B', 'F', 'E', 'A', 'H', 'D']);
    expect(envelopes.map((e) => e.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('compares streets without regard to accents or case', () => {
    const a = address('Rue Émile Cuvelier', '1');
    const b = address('rue emile cuvelier', '1');
    expect(compareAddresses(a, b)).toBe(0);
  });

  it('writes to the parents until the 18th birthday, to the beneficiary from that day', () => {
    expect(recipientFor('2009-01-16', '2027-01-15')).toBe('parentsOf');
    expect(recipientFor('2009-01-15', '2027-01-15')).toBe('beneficiary');
    expect(recipientFor('2000-06-01', '2027-01-15')).toBe('beneficiary');
  });
});
