// Bytes to CSV records: encoding and delimiter detection, CRLF, RFC 4180 quoting, line numbers, file errors.
import { describe, expect, it } from 'vitest';
import {
  type CsvRecord,
  detectDelimiter,
  detectEncoding,
  type OpenRegisterFile,
  openRegisterCsv,
} from '../../../shared/register/csv-source.ts';
import { RegisterFileError } from '../../../shared/register/register-messages.ts';
import { bytesSource, type ExportStyle, exportBytes, fixtureText } from '../../fixtures/register/register-files.ts';

async function readAll(open: OpenRegisterFile, options: Parameters<typeof openRegisterCsv>[1] = {}) {
  const csv = await openRegisterCsv(open, options);
  const records: CsvRecord[] = [];
  for await (const record of csv.records) records.push(record);
  return { ...csv, records };
}

async function fileError(promise: Promise<unknown>): Promise<RegisterFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(RegisterFileError);
  return error as RegisterFileError;
}

const population = fixtureText('population-fr.csv');

describe('detectEncoding', () => {
  it('trusts a UTF-8 byte order mark without reading further', async () => {
    expect(await detectEncoding(bytesSource(exportBytes(population, { encoding: 'utf-8-bom' }), 1))).toEqual({
      encoding: 'utf-8',
      bom: true,
    });
  });

  it('reads valid UTF-8 without BOM as UTF-8 and accented Windows-1252 as Windows-1252', async () => {
    expect(await detectEncoding(bytesSource(exportBytes(population)))).toEqual({ encoding: 'utf-8', bom: false });
    expect(await detectEncoding(bytesSource(exportBytes(population, { encoding: 'windows-1252' }), 5))).toEqual({
      encoding: 'windows-1252',
      bom: false,
    });
  });

  it('finds Windows-1252 even when the first accent comes after thousands of plain-ASCII lines', async () => {
    const asciiLines = 'NISS;Nom\n'.concat('10051415290;Dubois\n'.repeat(5000));
    const bytes = exportBytes(`${asciiLines}10051415290;Zoé\n`, { encoding: 'windows-1252' });
    expect((await detectEncoding(bytesSource(bytes))).encoding).toBe('windows-1252');
  });

  it('reads a file that ends in the middle of a UTF-8 sequence as Windows-1252', async () => {
    expect((await detectEncoding(bytesSource(Uint8Array.of(0x61, 0x3b, 0x62, 0x0a, 0xc3)))).encoding).toBe(
      'windows-1252',
    );
  });
});

describe('openRegisterCsv', () => {
  const reference = readAll(bytesSource(exportBytes(population)));

  it.each<[string, ExportStyle, number]>([
    ['UTF-8, LF', { encoding: 'utf-8' }, 64 * 1024],
    ['UTF-8 with BOM, CRLF, one byte at a time', { encoding: 'utf-8-bom', eol: '\r\n' }, 1],
    ['Windows-1252, CRLF, 7-byte chunks', { encoding: 'windows-1252', eol: '\r\n' }, 7],
    ['Windows-1252, old Mac CR', { encoding: 'windows-1252', eol: '\r' }, 64 * 1024],
    ['UTF-8, CRLF, 2-byte chunks', { encoding: 'utf-8', eol: '\r\n' }, 2],
  ])('reads %s to the same records and line numbers', async (_name, style, chunkSize) => {
    const { header, records } = await readAll(bytesSource(exportBytes(population, style), chunkSize));
    const expected = await reference;
    expect(header).toEqual(expected.header);
    expect(records).toEqual(expected.records);
    expect(records.map((record) => record.fields[2])).toContain('Zoé');
    expect(records.map((record) => record.fields[1])).toContain('Müller-Lüdenscheidt');
  });

  it('keeps RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes', async () => {
    const { header, records } = await reference;
    expect(header).toMatchObject({ line: 1, fields: expect.arrayContaining(['NISS', 'Prénom']) });
    const byLine = new Map(records.map((record) => [record.line, record.fields]));
    expect(byLine.get(4)?.[4]).toBe('Chaussée de Louvain; bloc B');
    expect(byLine.get(4)?.[1]).toBe("D'Hondt");
    expect(byLine.get(5)?.[2]).toBe('Pieter "Piet"');
    expect(byLine.get(6)?.[4]).toBe('Rue du Moulin\nRésidence Les Tilleuls');
    // The quoted line break moves every later record one physical line down.
    expect(byLine.get(8)?.[1]).toBe('Martin');
    expect(byLine.get(18)?.[2]).toBe('Jean-Pierre');
    expect(byLine.has(7)).toBe(false);
    expect(byLine.has(16)).toBe(false);
    expect(byLine.get(17)).toEqual(Array(11).fill(''));
  });

  it('reads the file once with a BOM or a known encoding, twice otherwise (check, then read)', async () => {
    const bom = bytesSource(exportBytes(population, { encoding: 'utf-8-bom' }));
    await readAll(bom);
    expect(bom.opened).toBe(1);
    const plain = bytesSource(exportBytes(population));
    await readAll(plain);
    expect(plain.opened).toBe(2);
    const known = bytesSource(exportBytes(population, { encoding: 'windows-1252' }));
    expect((await readAll(known, { encoding: 'windows-1252' })).records[0]?.fields[2]).toBe('Zoé');
    expect(known.opened).toBe(1);
  });

  it('keeps characters Windows-1252 does not have when the file is UTF-8', async () => {
    const { records } = await readAll(bytesSource(exportBytes('Nom;Prénom\nÖztürk;Ayşe\nNguyễn;Thị\n')));
    expect(records.map((record) => record.fields)).toEqual([
      ['Öztürk', 'Ayşe'],
      ['Nguyễn', 'Thị'],
    ]);
  });

  it('detects tab and comma delimiters from the header line', async () => {
    const tab = await readAll(bytesSource(exportBytes(fixtureText('bevolking-nl.tsv'), { encoding: 'windows-1252' })));
    expect(tab.delimiter).toBe('\t');
    expect(tab.encoding.encoding).toBe('windows-1252');
    expect(tab.records[1]?.fields.slice(1, 3)).toEqual(['Öztürk', 'Selin']);
    const comma = await readAll(
      bytesSource(exportBytes('National number,Last name,First name\n"85073003328","Smith, Jr",Ann\n')),
    );
    expect(comma.delimiter).toBe(',');
    expect(comma.records[0]?.fields).toEqual(['85073003328', 'Smith, Jr', 'Ann']);
  });

  it('stops reading the source when the consumer stops', async () => {
    let closed = false;
    const open = () =>
      (async function* () {
        try {
          yield exportBytes('a;b\n1;2\n');
          yield exportBytes('3;4\n'.repeat(1000));
        } finally {
          closed = true;
        }
      })();
    const csv = await openRegisterCsv(open, { encoding: 'utf-8' });
    for await (const record of csv.records) {
      expect(record.fields).toEqual(['1', '2']);
      break;
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(closed).toBe(true);
  });

  it('refuses an empty file, a file without delimiter, and UTF-8 with a BOM but invalid bytes', async () => {
    expect((await fileError(readAll(bytesSource(new Uint8Array(0))))).code).toBe('EMPTY_FILE');
    expect((await fileError(readAll(bytesSource(exportBytes('\n  \n\n'))))).code).toBe('EMPTY_FILE');
    const noDelimiter = await fileError(readAll(bytesSource(exportBytes('NISS Nom Prénom\n1 2 3\n'))));
    expect(noDelimiter.code).toBe('NO_DELIMITER');
    expect(noDelimiter.message).toContain('NISS Nom Prénom');
    const broken = Uint8Array.from([...exportBytes('a;b\n1;2\n3;4\n', { encoding: 'utf-8-bom' }), 0xe9, 0x0a]);
    const invalid = await fileError(readAll(bytesSource(broken)));
    expect(invalid.code).toBe('INVALID_UTF8');
    expect(invalid.message).toContain('à la ligne 4');
  });

  it('reports an unclosed quote with the last line that could be read', async () => {
    const text = `a;b;c\n1;2;3\n4;"never closed;6\n${'7;8;9\n'.repeat(20_000)}`;
    const error = await fileError(readAll(bytesSource(exportBytes(text))));
    expect(error.code).toBe('UNREADABLE_CSV');
    expect(error.message).toContain('après la ligne 2');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['NISS;Nom;Prénom', ';'],
    ['NISS\tNom\tPrénom', '\t'],
    ['NISS,Nom,Prénom', ','],
    ['"Nom, prénom";NISS;Rue', ';'],
    ['"a;b;c",d,e', ','],
    ['a;b,c', ';'],
    ['a\tb,c', '\t'],
    ['NISS', null],
  ])('finds %j -> %j', (line, expected) => {
    expect(detectDelimiter(line)).toBe(expected);
  });
});
