import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticBelgianIban } from '../../../infra/local/seed/demo-merchants.ts';
import { formatDecimal } from '../../../shared/money/money.ts';
import {
  buildPain001,
  type CreditTransfer,
  type CreditTransferBatch,
  PaymentFileError,
} from '../../../shared/payments/pain001.ts';
import { rfReferenceFor, structuredCommunicationFor } from '../../../shared/payments/structured-communication.ts';

const SCHEMA = join(import.meta.dirname, '../../fixtures/standards/pain.001.001.09.xsd');
const directory = mkdtempSync(join(tmpdir(), 'pain001-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

let written = 0;
function writeDocument(xml: string): string {
  written += 1;
  const file = join(directory, `pain-${written}.xml`);
  writeFileSync(file, xml, 'utf8');
  return file;
}

/** xmllint's verdict against the schema copy in test/fixtures (the file CI has). */
function validate(file: string): { ok: boolean; output: string } {
  const result = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

/** `//A/B[2]/@C` with every element step namespace-agnostic (the document has a default namespace). */
function agnostic(path: string): string {
  return path
    .split('/')
    .map((step) => {
      const element = /^([A-Za-z]+)(\[\d+\])?$/.exec(step);
      return element ? `*[local-name()='${element[1]}']${element[2] ?? ''}` : step;
    })
    .join('/');
}

/** One value read by a real XML parse (xmllint's XPath). */
function xpath(file: string, path: string): string {
  return execFileSync('xmllint', ['--xpath', `string(${agnostic(path)})`, file], { encoding: 'utf8' }).trim();
}

function count(file: string, path: string): number {
  return Number(execFileSync('xmllint', ['--xpath', `count(${agnostic(path)})`, file], { encoding: 'utf8' }).trim());
}

const AWKWARD_NAMES = [
  'Boulangerie Dupré & Fils',
  'Bäckerei Müller <GmbH>',
  'Łódź Deli "Smaki"',
  'Ørsted Smørrebrød Ærø',
  '王记面馆',
  '//Slash Shop//',
  "Bakkerij 't Hoekske",
  'A very long shop name that goes on and on well past the seventy characters a SEPA name may have',
];

function transfer(index: number, overrides: Partial<CreditTransfer> = {}): CreditTransfer {
  const settlementId = `STL${index.toString().padStart(6, '0')}`;
  return {
    endToEndId: settlementId,
    amountCents: 1_000 + index,
    creditor: {
      name: AWKWARD_NAMES[index % AWKWARD_NAMES.length] ?? 'Shop',
      iban: syntheticBelgianIban(990, 1_000_000 + index * 7919),
      ...(index % 3 === 0 ? { bic: 'GEBABEBB' } : {}),
      ...(index % 2 === 0
        ? { address: { street: 'Chaussée de Louvain 12 & 14', postcode: '5000', locality: 'Namur-Saint-Servais' } }
        : {}),
    },
    remittance:
      index % 3 === 0
        ? { structured: structuredCommunicationFor(settlementId) }
        : index % 3 === 1
          ? { rf: rfReferenceFor(settlementId) }
          : { unstructured: `Remboursement chèques commerces — règlement ${settlementId} « été »` },
    ...overrides,
  };
}

function batch(transfers: CreditTransfer[], overrides: Partial<CreditTransferBatch> = {}): CreditTransferBatch {
  return {
    messageId: 'RUN-2026-11-26-01',
    createdAt: new Date('2026-11-26T17:04:05.123Z'),
    requestedExecutionDate: '2026-11-30',
    initiatingPartyName: 'Ville de Namur – Service des Finances',
    debtor: { name: 'Ville de Namur', iban: 'BE68539007547034', bic: 'GKCCBEBB' },
    paymentInformationId: 'RUN-2026-11-26-01-P1',
    transfers,
    ...overrides,
  };
}

describe('pain.001.001.09 payment file', () => {
  it('validates against the schema with one transfer of 1 cent', () => {
    const file = writeDocument(buildPain001(batch([transfer(0, { amountCents: 1 })])));
    expect(validate(file)).toEqual({ ok: true, output: expect.stringContaining('validates') });
    expect(xpath(file, '/Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum')).toBe('0.01');
    expect(xpath(file, '//CdtTrfTxInf/Amt/InstdAmt')).toBe('0.01');
    expect(xpath(file, '//CdtTrfTxInf/Amt/InstdAmt/@Ccy')).toBe('EUR');
  });

  it('validates with 300 transfers of awkward names, control sums exact', () => {
    const transfers = Array.from({ length: 300 }, (_, index) =>
      transfer(index, index === 299 ? { amountCents: 99_999_999 } : {}),
    );
    const file = writeDocument(buildPain001(batch(transfers)));
    const verdict = validate(file);
    expect(verdict.output).toContain('validates');
    expect(verdict.ok).toBe(true);

    const expectedSum = transfers.reduce((total, each) => total + each.amountCents, 0);
    for (const header of ['/Document/CstmrCdtTrfInitn/GrpHdr', '/Document/CstmrCdtTrfInitn/PmtInf']) {
      expect(xpath(file, `${header}/NbOfTxs`)).toBe('300');
      expect(xpath(file, `${header}/CtrlSum`)).toBe(formatDecimal(expectedSum));
    }
    expect(count(file, '//CdtTrfTxInf')).toBe(300);
    expect(xpath(file, '//CdtTrfTxInf[300]/Amt/InstdAmt')).toBe('999999.99');
  });

  it('writes names, references and agents the way the EPC expects', () => {
    const transfers = [0, 1, 2, 3, 4, 5].map((index) => transfer(index));
    const xml = buildPain001(batch(transfers));
    const file = writeDocument(xml);
    expect(validate(file).ok).toBe(true);

    const nthName = (n: number) => xpath(file, `//CdtTrfTxInf[${n}]/Cdtr/Nm`);
    expect(nthName(1)).toBe('Boulangerie Dupre + Fils');
    expect(nthName(2)).toBe('Backerei Muller GmbH');
    expect(nthName(3)).toBe("Lodz Deli 'Smaki'");
    expect(nthName(4)).toBe('Orsted Smorrebrod AEro');
    expect(nthName(5)).toBe('?');
    expect(nthName(6)).toBe('Slash Shop/');

    // Belgian structured communication: SCOR, issuer BBA, the 12 digits.
    const structured = structuredCommunicationFor('STL000000').replace(/\D/g, '');
    expect(xpath(file, '//CdtTrfTxInf[1]/RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd')).toBe('SCOR');
    expect(xpath(file, '//CdtTrfTxInf[1]/RmtInf/Strd/CdtrRefInf/Tp/Issr')).toBe('BBA');
    expect(xpath(file, '//CdtTrfTxInf[1]/RmtInf/Strd/CdtrRefInf/Ref')).toBe(structured);
    // RF reference: SCOR, issuer ISO.
    expect(xpath(file, '//CdtTrfTxInf[2]/RmtInf/Strd/CdtrRefInf/Tp/Issr')).toBe('ISO');
    expect(xpath(file, '//CdtTrfTxInf[2]/RmtInf/Strd/CdtrRefInf/Ref')).toBe(rfReferenceFor('STL000001'));
    // Unstructured: transliterated, at most 140 characters.
    expect(xpath(file, '//CdtTrfTxInf[3]/RmtInf/Ustrd')).toBe(
      "Remboursement cheques commerces - reglement STL000002 ' ete '",
    );

    // A creditor agent only when the BIC is known; the debtor's BIC when configured.
    expect(xpath(file, '//CdtTrfTxInf[1]/CdtrAgt/FinInstnId/BICFI')).toBe('GEBABEBB');
    expect(count(file, '//CdtTrfTxInf[2]/CdtrAgt')).toBe(0);
    expect(xpath(file, '//PmtInf/DbtrAgt/FinInstnId/BICFI')).toBe('GKCCBEBB');
    expect(xpath(file, '//CdtTrfTxInf[1]/Cdtr/PstlAdr/StrtNm')).toBe('Chaussee de Louvain 12 + 14');
    expect(xpath(file, '//CdtTrfTxInf[1]/Cdtr/PstlAdr/Ctry')).toBe('BE');
    expect(xpath(file, '//CdtTrfTxInf[1]/PmtId/EndToEndId')).toBe('STL000000');

    expect(xpath(file, '//GrpHdr/CreDtTm')).toBe('2026-11-26T18:04:05+01:00');
    expect(xpath(file, '//PmtInf/ReqdExctnDt/Dt')).toBe('2026-11-30');
    expect(xpath(file, '//PmtInf/ChrgBr')).toBe('SLEV');
    expect(xpath(file, '//PmtInf/PmtTpInf/SvcLvl/Cd')).toBe('SEPA');
    expect(xpath(file, '//InitgPty/Nm')).toBe('Ville de Namur - Service des Finances');
    // Nothing outside the EPC set reached the file (the XML declaration and markup aside).
    const texts = [...xml.matchAll(/>([^<\n]+)</g)].map((match) => match[1] ?? '');
    expect(texts.length).toBeGreaterThan(50);
    for (const text of texts) expect(text.replaceAll('&apos;', "'")).toMatch(/^[a-zA-Z0-9/\-?:().,'+ ]+$/);
  });

  it('is checked by a validator that does fail on a document the EPC refuses', () => {
    const xml = buildPain001(batch([transfer(1)]));
    const verdict = validate(writeDocument(xml.replace('<ChrgBr>SLEV</ChrgBr>', '<ChrgBr>SHAR</ChrgBr>')));
    expect(verdict.ok).toBe(false);
    expect(verdict.output).toContain('ChrgBr');
  });

  it('writes NOTPROVIDED for the debtor agent when the town gave no BIC', () => {
    const file = writeDocument(
      buildPain001(batch([transfer(1)], { debtor: { name: 'Ville de Namur', iban: 'BE68539007547034' } })),
    );
    expect(validate(file).ok).toBe(true);
    expect(xpath(file, '//PmtInf/DbtrAgt/FinInstnId/Othr/Id')).toBe('NOTPROVIDED');
    expect(count(file, '//PmtInf/DbtrAgt/FinInstnId/BICFI')).toBe(0);
  });

  it('escapes XML in every text', () => {
    const xml = buildPain001(batch([transfer(1, { remittance: { unstructured: "l'été <b>&</b>" } })]));
    expect(xml).toContain('<Ustrd>l&apos;ete b + /b</Ustrd>');
    expect(validate(writeDocument(xml)).ok).toBe(true);
  });

  it.each<[string, () => CreditTransferBatch, string]>([
    ['an empty batch', () => batch([]), 'EMPTY_BATCH'],
    ['a zero amount', () => batch([transfer(1, { amountCents: 0 })]), 'AMOUNT_INVALID'],
    ['a negative amount', () => batch([transfer(1, { amountCents: -500 })]), 'AMOUNT_INVALID'],
    ['a fractional amount', () => batch([transfer(1, { amountCents: 12.5 })]), 'AMOUNT_INVALID'],
    [
      'an invalid creditor IBAN',
      () => batch([transfer(1, { creditor: { name: 'X', iban: 'BE69539007547034' } })]),
      'INVALID_IBAN',
    ],
    [
      'an invalid debtor IBAN',
      () => batch([transfer(1)], { debtor: { name: 'Ville', iban: 'BE00000000000000' } }),
      'INVALID_IBAN',
    ],
    [
      'an invalid BIC',
      () => batch([transfer(1, { creditor: { name: 'X', iban: 'BE68539007547034', bic: 'NOPE' } })]),
      'INVALID_BIC',
    ],
    ['a message id too long', () => batch([transfer(1)], { messageId: 'M'.repeat(36) }), 'INVALID_IDENTIFIER'],
    ['an EndToEndId with accents', () => batch([transfer(1, { endToEndId: 'STLé' })]), 'INVALID_IDENTIFIER'],
    ['a reused EndToEndId', () => batch([transfer(1), transfer(1)]), 'DUPLICATE_END_TO_END_ID'],
    [
      'a wrong structured communication',
      () => batch([transfer(1, { remittance: { structured: '+++090/9337/55494+++' } })]),
      'INVALID_REFERENCE',
    ],
    [
      'a wrong RF reference',
      () => batch([transfer(1, { remittance: { rf: 'RF19539007547034' } })]),
      'INVALID_REFERENCE',
    ],
    ['an impossible date', () => batch([transfer(1)], { requestedExecutionDate: '2026-02-30' }), 'INVALID_DATE'],
  ])('refuses %s', (_case, make, code) => {
    expect.assertions(3);
    try {
      buildPain001(make());
    } catch (error) {
      expect(error).toBeInstanceOf(PaymentFileError);
      expect((error as PaymentFileError).code).toBe(code);
      expect((error as PaymentFileError).message.length).toBeGreaterThan(10);
    }
  });
});
