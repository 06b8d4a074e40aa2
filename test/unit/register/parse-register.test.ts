// The whole import on realistic exports: people, rejected lines, duplicates, counts, file-level failures.
import { describe, expect, it } from 'vitest';
import { eligibilityOf } from '../../../shared/eligibility/eligibility.ts';
import type { OpenRegisterFile } from '../../../shared/register/csv-source.ts';
import { type RegisterEvent, readRegister } from '../../../shared/register/parse-register.ts';
import { RegisterFileError } from '../../../shared/register/register-messages.ts';
import { bytesSource, type ExportStyle, exportBytes, fixtureText } from '../../fixtures/register/register-files.ts';

const TODAY = '2026-11-15';

async function collect(open: OpenRegisterFile) {
  const events: RegisterEvent[] = [];
  for await (const event of readRegister(open, { today: TODAY })) events.push(event);
  const of = <T extends RegisterEvent['type']>(type: T) =>
    events.filter((event): event is Extract<RegisterEvent, { type: T }> => event.type === type);
  const [end] = of('end');
  return {
    events,
    file: of('file')[0]?.file,
    people: of('person').map((event) => event.person),
    rejected: of('rejected').map((event) => event.rejection),
    duplicates: of('duplicate').map((event) => event.duplicate),
    summary: end?.summary,
  };
}

const population = fixtureText('population-fr.csv');

describe('readRegister on a French export', () => {
  const reference = collect(bytesSource(exportBytes(population)));

  it('imports the valid people, in file order, with the line each starts on', async () => {
    const { people } = await reference;
    expect(people.map((person) => [person.line, person.firstName, person.lastName])).toEqual([
      [2, 'Zoé', 'Dubois'],
      [3, 'Léna', 'Müller-Lüdenscheidt'],
      [4, 'Amélie', "D'Hondt"],
      [5, 'Pieter "Piet"', 'Van den Bossche'],
      [6, 'Noé', 'Lefèvre'],
      [9, 'Zofia', 'Nowak'],
      [18, 'Jean-Pierre', 'Dupont'],
      [19, 'Sarah', 'Dupont'],
      [20, 'Hugo', 'Renard'],
      [21, 'Julie', 'Simon'],
    ]);
    const amelie = people.find((person) => person.lastName === "D'Hondt");
    expect(amelie?.address).toEqual({
      street: 'Chaussée de Louvain; bloc B',
      houseNumber: '7',
      box: 'A',
      postcode: '5000',
      locality: 'Namur',
    });
    expect(people.find((person) => person.firstName === 'Léna')?.birthDate).toBe('2008-02-29');
    expect(people.find((person) => person.firstName === 'Zofia')?.nationalNumberKind).toBe('BIS');
    expect(people.find((person) => person.firstName === 'Noé')?.address.street).toBe(
      'Rue du Moulin Résidence Les Tilleuls',
    );
  });

  it('rejects each bad line with its line number and reason', async () => {
    const { rejected } = await reference;
    expect(rejected.map((row) => [row.line, row.code])).toEqual([
      [8, 'NATIONAL_NUMBER_CHECK_DIGITS'],
      [10, 'BIRTH_DATE_IMPOSSIBLE'],
      [11, 'BIRTH_DATE_IN_FUTURE'],
      [12, 'BIRTH_DATE_MISMATCH'],
      [13, 'FIRST_NAME_MISSING'],
    ]);
  });

  it('reports repeated people as duplicates, telling identical lines from conflicting ones', async () => {
    const { duplicates, summary, file } = await reference;
    expect(duplicates).toEqual([
      { line: 14, firstLine: 2, identical: true },
      { line: 15, firstLine: 4, identical: false },
    ]);
    expect(summary).toEqual({ rows: { total: 17, valid: 12, invalid: 5 }, people: 10, duplicates: 2, emptyRows: 1 });
    expect(file).toMatchObject({ encoding: { encoding: 'utf-8', bom: false }, delimiter: ';' });
    expect(file?.columns.headers).toMatchObject({ nationalNumber: 'NISS', houseNumber: 'Numéro', box: 'Boîte' });
  });

  it.each<[string, ExportStyle, number]>([
    ['Windows-1252 with CRLF', { encoding: 'windows-1252', eol: '\r\n' }, 64 * 1024],
    ['UTF-8 with BOM and CRLF, byte by byte', { encoding: 'utf-8-bom', eol: '\r\n' }, 1],
    ['Windows-1252, 3-byte chunks', { encoding: 'windows-1252' }, 3],
  ])('gives the same result from %s', async (_name, style, chunkSize) => {
    const variant = await collect(bytesSource(exportBytes(population, style), chunkSize));
    const expected = await reference;
    expect(variant.events.slice(1)).toEqual(expected.events.slice(1));
    expect(variant.file?.encoding.encoding).toBe(style.encoding === 'windows-1252' ? 'windows-1252' : 'utf-8');
  });

  it('sorts the people into the campaign bands (0-18 automatic, 19-21 on application, on 1 December 2026)', async () => {
    const { people } = await reference;
    const campaign = {
      referenceDate: '2026-12-01',
      eligibility: { automatic: { minAge: 0, maxAge: 18 }, onApplication: { minAge: 19, maxAge: 21 } },
    };
    const byOutcome = Object.groupBy(people, (person) => eligibilityOf(person.birthDate, campaign));
    expect(byOutcome.AUTOMATIC?.map((person) => person.firstName)).toEqual(['Zoé', 'Léna', 'Amélie', 'Noé', 'Zofia']);
    expect(byOutcome.ON_APPLICATION?.map((person) => person.firstName)).toEqual(['Pieter "Piet"', 'Julie']);
    expect(byOutcome.NOT_ELIGIBLE?.map((person) => person.firstName)).toEqual(['Jean-Pierre', 'Sarah', 'Hugo']);
  });
});

describe('readRegister on other exports', () => {
  it('reads a Dutch, tab-separated, Windows-1252 export', async () => {
    const { people, file, summary } = await collect(
      bytesSource(exportBytes(fixtureText('bevolking-nl.tsv'), { encoding: 'windows-1252', eol: '\r\n' })),
    );
    expect(file).toMatchObject({ delimiter: '\t', encoding: { encoding: 'windows-1252' } });
    expect(people.map((person) => `${person.firstName} ${person.lastName}`)).toEqual([
      'François Van den Bossche',
      'Selin Öztürk',
    ]);
    expect(people[1]?.address).toMatchObject({ street: 'Sint-Pietersnieuwstraat', box: '0.2', locality: 'Gent' });
    expect(summary?.rows).toEqual({ total: 2, valid: 2, invalid: 0 });
  });

  it('reads an English, comma-separated export with quoted cells', async () => {
    const text = [
      'National number,Last name,First name,Date of birth,Street,Number,Box,Postcode,City,Household,Phone',
      '"10.05.14-152.90","Dubois","Zoé","2010-05-14","Rue de la Station, côté gare","12","","5000","Namur","M-1","+32 81 00 00 00"',
    ].join('\r\n');
    const { people } = await collect(bytesSource(exportBytes(text)));
    expect(people[0]?.address.street).toBe('Rue de la Station, côté gare');
  });

  it('fails the whole file when a required column is missing, naming it, and closes the file', async () => {
    let closed = false;
    const text = 'NISS;Nom;Prénom;Rue;Numéro;Code postal;Localité;Ménage\n10051415290;Dubois;Zoé;Rue;1;5000;Namur;M\n';
    const open = () =>
      (async function* () {
        try {
          yield exportBytes(text);
        } finally {
          closed = true;
        }
      })();
    const error = await collect(open).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RegisterFileError);
    expect((error as RegisterFileError).code).toBe('MISSING_COLUMNS');
    expect((error as RegisterFileError).message).toMatch(/date de naissance \(en-têtes acceptés/);
    expect(closed).toBe(true);
  });

  it('rejects a line whose cells moved (unquoted delimiter) but tolerates trailing delimiters', async () => {
    const header = 'NISS;Nom;Prénom;Date de naissance;Rue;Numéro;Boîte;Code postal;Localité;Ménage';
    const text = [
      header,
      '10051415290;Dubois;Zoé;14/05/2010;Rue de la Station; côté gare;12;;5000;Namur;M-1',
      '15113021186;D’Hondt;Amélie;30/11/2015;Chaussée de Louvain;7;;5000;Namur;M-3;;',
      '05070103719;Van den Bossche;Pieter;01/07/2005;Rue Émile Cuvelier;3;;5000;Namur',
    ].join('\n');
    const { rejected, people } = await collect(bytesSource(exportBytes(text)));
    expect(rejected.map((row) => [row.line, row.code])).toEqual([
      [2, 'FIELD_COUNT'],
      [4, 'FIELD_COUNT'],
    ]);
    expect(rejected[0]?.reason).toMatch(/11 colonne\(s\) alors que l'en-tête en a 10/);
    expect(people.map((person) => person.lastName)).toEqual(['D’Hondt']);
  });
});
