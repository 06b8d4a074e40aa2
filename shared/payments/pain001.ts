/**
 * The SEPA credit-transfer file finance uploads to the town's bank: ISO 20022 pain.001.001.09 as the EPC
 * customer-to-bank guidelines restrict it, one payment information block (one debit account, one date).
 */
import { normaliseIban } from '../iban/iban.ts';
import { formatDecimal, sumCents } from '../money/money.ts';
import type { Creditor, TownAccount } from '../settlement/settlement.ts';
import { brusselsTimestamp, type CalendarDate } from '../time/calendar-date.ts';
import { normaliseBic } from './bic.ts';
import { isEpcText, toEpcText } from './epc-text.ts';
import { isValidRfReference, parseStructuredCommunication } from './structured-communication.ts';

export const PAIN001_NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';

export type Remittance = { readonly structured: string } | { readonly rf: string } | { readonly unstructured: string };

export interface CreditTransfer {
  /** Carried to the shop's statement and back on a return: the settlement id. */
  readonly endToEndId: string;
  readonly amountCents: number;
  readonly creditor: Creditor;
  readonly remittance: Remittance;
}

export interface CreditTransferBatch {
  /** Unique per file (the bank refuses a second file with the same one): ≤ 35 EPC characters. */
  readonly messageId: string;
  readonly createdAt: Date;
  readonly requestedExecutionDate: CalendarDate;
  readonly initiatingPartyName: string;
  readonly debtor: TownAccount;
  readonly paymentInformationId: string;
  readonly transfers: ReadonlyArray<CreditTransfer>;
}

export const PAYMENT_FILE_ERROR_CODES = [
  'EMPTY_BATCH',
  'AMOUNT_INVALID',
  'INVALID_IBAN',
  'INVALID_BIC',
  'INVALID_IDENTIFIER',
  'DUPLICATE_END_TO_END_ID',
  'INVALID_REFERENCE',
  'INVALID_DATE',
] as const;
export type PaymentFileErrorCode = (typeof PAYMENT_FILE_ERROR_CODES)[number];

/** A batch the bank would refuse: better refused here, before finance uploads it. */
export class PaymentFileError extends Error {
  override readonly name = 'PaymentFileError';
  readonly code: PaymentFileErrorCode;

  constructor(code: PaymentFileErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

// EPC limits (the schema's Max140Text names are restricted to 70; an amount to 999 999 999,99).
const ID_MAX = 35;
const NAME_MAX = 70;
const STREET_MAX = 70;
const POSTCODE_MAX = 16;
const TOWN_MAX = 35;
const UNSTRUCTURED_MAX = 140;
const MAX_AMOUNT_CENTS = 99_999_999_999;
/** Creditor addresses carry no country: the town's partner shops are Belgian (EPC wants Ctry with TwnNm). */
const CREDITOR_COUNTRY = 'BE';

/** A tiny XML tree: an element has text, or children (undefined children are left out). */
type XmlNode = readonly [name: string, content: string | ReadonlyArray<XmlNode | undefined>, attributes?: string];

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

function render(node: XmlNode, depth: number, out: string[]): void {
  const [name, content, attributes] = node;
  const indent = '  '.repeat(depth);
  const open = attributes ? `${name} ${attributes}` : name;
  if (typeof content === 'string') {
    out.push(`${indent}<${open}>${escapeXml(content)}</${name}>`);
    return;
  }
  out.push(`${indent}<${open}>`);
  for (const child of content) if (child) render(child, depth + 1, out);
  out.push(`${indent}</${name}>`);
}

/** Identifiers are matched by the bank and by us later: refused when not clean, never silently altered. */
function identifier(value: string, what: string): string {
  if (!isEpcText(value, ID_MAX)) {
    throw new PaymentFileError(
      'INVALID_IDENTIFIER',
      `${what} "${value}" must be 1 to ${ID_MAX} SEPA characters (a-z A-Z 0-9 / - ? : ( ) . , ' + space), without a leading or double /`,
    );
  }
  return value;
}

/** A name: transliterated and cut to the EPC length, and never empty (the schema wants at least one character). */
function name(value: string): string {
  return toEpcText(value, NAME_MAX) || '?';
}

function iban(value: string, whose: string): string {
  try {
    return normaliseIban(value);
  } catch (error) {
    throw new PaymentFileError('INVALID_IBAN', `${whose}: ${(error as Error).message}`);
  }
}

function bic(value: string, whose: string): string {
  try {
    return normaliseBic(value);
  } catch (error) {
    throw new PaymentFileError('INVALID_BIC', `${whose}: ${(error as Error).message}`);
  }
}

function amount(cents: number, endToEndId: string): number {
  if (!Number.isSafeInteger(cents) || cents <= 0 || cents > MAX_AMOUNT_CENTS) {
    throw new PaymentFileError(
      'AMOUNT_INVALID',
      `Transfer ${endToEndId}: the amount must be a whole number of cents from 1 to ${MAX_AMOUNT_CENTS}, got ${String(cents)}`,
    );
  }
  return cents;
}

function executionDate(date: CalendarDate): CalendarDate {
  const parsed = new Date(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(date)) {
    throw new PaymentFileError('INVALID_DATE', `Requested execution date "${date}" is not a YYYY-MM-DD calendar date`);
  }
  return date;
}

function remittanceInformation(remittance: Remittance, endToEndId: string): XmlNode | undefined {
  if ('structured' in remittance) {
    const digits = parseStructuredCommunication(remittance.structured);
    if (!digits) {
      throw new PaymentFileError(
        'INVALID_REFERENCE',
        `Transfer ${endToEndId}: "${remittance.structured}" is not a Belgian structured communication`,
      );
    }
    return creditorReference('BBA', digits);
  }
  if ('rf' in remittance) {
    if (!isValidRfReference(remittance.rf)) {
      throw new PaymentFileError(
        'INVALID_REFERENCE',
        `Transfer ${endToEndId}: "${remittance.rf}" is not an RF reference`,
      );
    }
    return creditorReference('ISO', remittance.rf.replace(/\s/g, '').toUpperCase());
  }
  const text = toEpcText(remittance.unstructured, UNSTRUCTURED_MAX);
  return text === '' ? undefined : ['RmtInf', [['Ustrd', text]]];
}

/** Structured remittance: the issuer tells the shop's bank how to check the reference (BBA: Belgian, ISO: RF). */
function creditorReference(issuer: 'BBA' | 'ISO', reference: string): XmlNode {
  return [
    'RmtInf',
    [
      [
        'Strd',
        [
          [
            'CdtrRefInf',
            [
              [
                'Tp',
                [
                  ['CdOrPrtry', [['Cd', 'SCOR']]],
                  ['Issr', issuer],
                ],
              ],
              ['Ref', reference],
            ],
          ],
        ],
      ],
    ],
  ];
}

function creditorAddress(creditor: Creditor): XmlNode | undefined {
  const address = creditor.address;
  if (!address) return undefined;
  const street = toEpcText(address.street, STREET_MAX);
  const postcode = toEpcText(address.postcode, POSTCODE_MAX);
  const town = toEpcText(address.locality, TOWN_MAX);
  if (town === '') return undefined;
  return [
    'PstlAdr',
    [
      street ? ['StrtNm', street] : undefined,
      postcode ? ['PstCd', postcode] : undefined,
      ['TwnNm', town],
      ['Ctry', CREDITOR_COUNTRY],
    ],
  ];
}

function transaction(transfer: CreditTransfer): XmlNode {
  const endToEndId = identifier(transfer.endToEndId, 'EndToEndId');
  const creditorName = transfer.creditor.name;
  return [
    'CdtTrfTxInf',
    [
      [
        'PmtId',
        [
          ['InstrId', endToEndId],
          ['EndToEndId', endToEndId],
        ],
      ],
      ['Amt', [['InstdAmt', formatDecimal(amount(transfer.amountCents, endToEndId)), 'Ccy="EUR"']]],
      // Inside SEPA the IBAN is enough; a creditor agent is only sent when the shop gave its BIC.
      transfer.creditor.bic
        ? ['CdtrAgt', [['FinInstnId', [['BICFI', bic(transfer.creditor.bic, `Creditor of ${endToEndId}`)]]]]]
        : undefined,
      ['Cdtr', [['Nm', name(creditorName)], creditorAddress(transfer.creditor)]],
      ['CdtrAcct', [['Id', [['IBAN', iban(transfer.creditor.iban, `Creditor of ${endToEndId}`)]]]]],
      remittanceInformation(transfer.remittance, endToEndId),
    ],
  ];
}

/** The instant of creation in Brussels time, to the second (some banks refuse fractional seconds). */
function creationDateTime(createdAt: Date): string {
  return brusselsTimestamp(createdAt).replace(/\.\d{3}(?=[+-]|Z)/, '');
}

/**
 * The pain.001.001.09 document of one batch. Throws a PaymentFileError (with a code) for a batch a bank
 * would refuse: no transfer, an amount ≤ 0, an invalid IBAN/BIC/reference, a reused EndToEndId.
 */
export function buildPain001(batch: CreditTransferBatch): string {
  if (batch.transfers.length === 0) {
    throw new PaymentFileError('EMPTY_BATCH', 'A payment file needs at least one transfer');
  }
  const seen = new Set<string>();
  for (const transfer of batch.transfers) {
    if (seen.has(transfer.endToEndId)) {
      throw new PaymentFileError('DUPLICATE_END_TO_END_ID', `EndToEndId "${transfer.endToEndId}" appears twice`);
    }
    seen.add(transfer.endToEndId);
  }
  const transactions = batch.transfers.map(transaction);
  // Summed as integer cents, then formatted once: CtrlSum is exact where adding decimals would not be.
  const controlSum = formatDecimal(sumCents(batch.transfers.map((transfer) => transfer.amountCents)));
  const count = String(batch.transfers.length);
  const debtor = batch.debtor;

  const document: XmlNode = [
    'Document',
    [
      [
        'CstmrCdtTrfInitn',
        [
          [
            'GrpHdr',
            [
              ['MsgId', identifier(batch.messageId, 'MsgId')],
              ['CreDtTm', creationDateTime(batch.createdAt)],
              ['NbOfTxs', count],
              ['CtrlSum', controlSum],
              ['InitgPty', [['Nm', name(batch.initiatingPartyName)]]],
            ],
          ],
          [
            'PmtInf',
            [
              ['PmtInfId', identifier(batch.paymentInformationId, 'PmtInfId')],
              ['PmtMtd', 'TRF'],
              // One debit line per shop on the town's statement, each with its settlement id: the town's
              // accounts reconcile settlement by settlement, and a returned transfer matches its own line.
              ['BtchBookg', 'false'],
              ['NbOfTxs', count],
              ['CtrlSum', controlSum],
              ['PmtTpInf', [['SvcLvl', [['Cd', 'SEPA']]]]],
              ['ReqdExctnDt', [['Dt', executionDate(batch.requestedExecutionDate)]]],
              ['Dbtr', [['Nm', name(debtor.name)]]],
              ['DbtrAcct', [['Id', [['IBAN', iban(debtor.iban, 'Town account')]]]]],
              [
                'DbtrAgt',
                [
                  [
                    'FinInstnId',
                    [debtor.bic ? ['BICFI', bic(debtor.bic, 'Town account')] : ['Othr', [['Id', 'NOTPROVIDED']]]],
                  ],
                ],
              ],
              ['ChrgBr', 'SLEV'],
              ...transactions,
            ],
          ],
        ],
      ],
    ],
    `xmlns="${PAIN001_NAMESPACE}"`,
  ];
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(document, 0, lines);
  return `${lines.join('\n')}\n`;
}
