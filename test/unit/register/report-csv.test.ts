import { describe, expect, it } from 'vitest';
import type { Person } from '../../../shared/people/person.ts';
import { FRENCH_REGISTER_MESSAGES } from '../../../shared/register/register-messages.ts';
import { missingPeopleReport, rejectionReport, toCsv } from '../../../shared/register/report-csv.ts';

describe('import reports', () => {
  it('are UTF-8 with a BOM, `;`-separated, CRLF, with RFC 4180 quoting', () => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['Chaussée de Louvain; bloc B', 'Pieter "Piet"'],
        ['Rue du Moulin\nRésidence', 'Zoé'],
      ],
    );
    expect(csv).toBe(
      '\uFEFFa;b\r\n"Chaussée de Louvain; bloc B";"Pieter ""Piet"""\r\n"Rue du Moulin\nRésidence";Zoé\r\n',
    );
  });

  it('neutralise cells a spreadsheet would run as formulas', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://evil")'], ['+32 81'], ['@SUM(A1)']])).toBe(
      '\uFEFFx\r\n"\'=HYPERLINK(""http://evil"")"\r\n\'+32 81\r\n\'@SUM(A1)\r\n',
    );
  });

  it('list rejected lines and disagreeing duplicates in file order, identical duplicates not at all', () => {
    const report = rejectionReport(
      [
        { line: 12, code: 'BIRTH_DATE_MISMATCH', reason: 'date', issues: [] },
        { line: 8, code: 'NATIONAL_NUMBER_CHECK_DIGITS', reason: 'contrôle', issues: [] },
      ],
      [
        { line: 14, firstLine: 2, identical: true },
        { line: 9, firstLine: 4, identical: false },
      ],
    );
    const lines = report.slice(1).trimEnd().split('\r\n');
    expect(lines.map((line) => line.split(';')[0])).toEqual(['ligne', '8', '9', '12']);
    expect(lines[2]).toContain('ligne 4');
  });

  it('names missing people with their French column labels, sorted by name', () => {
    const person = (lastName: string, firstName: string) =>
      ({
        lastName,
        firstName,
        birthDate: '2012-03-11',
        address: { street: 'Rue Neuve', houseNumber: '3', box: null, postcode: '5000', locality: 'Namur' },
      }) as Person;
    const report = missingPeopleReport(
      [person('Peeters', 'Émile'), person("D'Hondt", 'Zoé')],
      FRENCH_REGISTER_MESSAGES,
    );
    expect(report.slice(1).split('\r\n').slice(0, 3)).toEqual([
      'nom;prénom;date de naissance;rue;numéro de maison;code postal;localité',
      "D'Hondt;Zoé;11/03/2012;Rue Neuve;3;5000;Namur",
      'Peeters;Émile;11/03/2012;Rue Neuve;3;5000;Namur',
    ]);
  });
});
