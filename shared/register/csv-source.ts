/**
 * Turns the register file's bytes into CSV records, as a stream: encoding and delimiter detected, line
 * endings unified, RFC 4180 quoting left to csv-parse, and each record tagged with its physical line.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type Info, parse } from 'csv-parse';
import { FRENCH_REGISTER_MESSAGES, type RegisterMessages, registerFileError } from './register-messages.ts';

export type RegisterEncoding = 'utf-8' | 'windows-1252';
export type Delimiter = ';' | ',' | '\t';

/**
 * Opens the file from its first byte (e.g. an S3 GetObject body, `fs.createReadStream`). Called once when
 * the file starts with a UTF-8 BOM or the caller gives the encoding, twice otherwise: the encoding check
 * (the whole file for UTF-8, up to the first accent for Windows-1252), then the read (see detectEncoding).
 */
export type OpenRegisterFile = () => AsyncIterable<Uint8Array> | Promise<AsyncIterable<Uint8Array>>;

export interface EncodingDetection {
  readonly encoding: RegisterEncoding;
  readonly bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

interface Sniffed {
  readonly detection: EncodingDetection;
  /** With a BOM, the opened file, positioned after the chunks in `head`: read on, no second open. */
  readonly rest?: { readonly head: readonly Uint8Array[]; readonly iterator: AsyncIterator<Uint8Array> };
}

async function sniff(open: OpenRegisterFile): Promise<Sniffed> {
  const iterator = (await open())[Symbol.asyncIterator]();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const isValidSoFar = (chunk?: Uint8Array): boolean => {
    try {
      if (chunk) decoder.decode(chunk, { stream: true });
      else decoder.decode();
      return true;
    } catch {
      return false;
    }
  };
  const head: Uint8Array[] = [];
  let headBytes = 0;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    const chunk = next.value;
    if (headBytes < UTF8_BOM.length) {
      head.push(chunk);
      headBytes += chunk.length;
      const start = head.flatMap((part) => [...part.subarray(0, UTF8_BOM.length)]);
      if (headBytes >= UTF8_BOM.length && UTF8_BOM.every((byte, index) => start[index] === byte)) {
        return { detection: { encoding: 'utf-8', bom: true }, rest: { head, iterator } };
      }
    }
    if (!isValidSoFar(chunk)) {
      await iterator.return?.();
      return { detection: { encoding: 'windows-1252', bom: false } };
    }
  }
  return { detection: { encoding: isValidSoFar() ? 'utf-8' : 'windows-1252', bom: false } };
}

/**
 * Which encoding the file is in, decided before a single record is handed out, so a person is never
 * imported under a name decoded the wrong way (Zoé as ZoÃ©, or a row first read one way then another).
 * - A UTF-8 BOM (Excel's "CSV UTF-8") settles it at once, and the same read goes on: one read in all.
 * - Otherwise the whole file is decoded as strict UTF-8, keeping nothing. The first invalid byte means
 *   Windows-1252 (Excel's plain "CSV" on a Belgian Windows) and stops the scan there; the file is then
 *   opened again to be read. Windows-1252 text with accents is practically never valid UTF-8 (é alone is
 *   0xE9, a lead byte that needs two continuation bytes), while any byte string is "valid" Windows-1252,
 *   so only this order of tests works. Looking at the start only is not enough: a file can be plain ASCII
 *   for 50 000 lines and then hold "Zoé". A plain-ASCII file reads the same in both: UTF-8 is returned.
 */
export async function detectEncoding(open: OpenRegisterFile): Promise<EncodingDetection> {
  const { detection, rest } = await sniff(open);
  await rest?.iterator.return?.();
  return detection;
}

/**
 * Decodes chunks to text with `\n` line ends (CRLF and lone CR unified: csv-parse's line count is only
 * reliable on a one-character line end, and a CRLF inside a quoted cell means no more than a LF).
 * Invalid UTF-8 (after a BOM, or a file changed between the two reads) makes the file unreadable rather
 * than fill names with replacement characters; the decoder marks it with U+FFFD, which also gives its line.
 */
async function* decodeToText(
  source: AsyncIterable<Uint8Array>,
  encoding: RegisterEncoding,
  messages: RegisterMessages,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding);
  let newlines = 0;
  let pendingCr = false;
  const countNewlines = (text: string, end = text.length): number => {
    let count = 0;
    for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count++;
    return count;
  };
  const normalise = (decoded: string): string => {
    let text = pendingCr ? `\r${decoded}` : decoded;
    // A CR ending the chunk may be the first half of a CRLF: hold it until the next chunk shows.
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    text = text.replace(/\r\n?/g, '\n');
    const invalid = encoding === 'utf-8' ? text.indexOf('\ufffd') : -1;
    if (invalid !== -1) {
      throw registerFileError(messages, 'INVALID_UTF8', { line: newlines + countNewlines(text, invalid) + 1 });
    }
    newlines += countNewlines(text);
    return text;
  };
  for await (const chunk of source) {
    const text = normalise(decoder.decode(chunk, { stream: true }));
    if (text !== '') yield text;
  }
  const rest = normalise(decoder.decode());
  // A CR at the very end was a line end: it stands for the \n it could not yet be merged with.
  if (rest !== '' || pendingCr) yield `${rest}${pendingCr ? '\n' : ''}`;
}

const DELIMITERS: readonly Delimiter[] = [';', '\t', ','];

/**
 * The delimiter is the one of `;`, tab and `,` seen most often outside quotes in the header line; on a tie,
 * `;` (what Excel writes in Belgium) then tab then `,`. `null` when there is none: a one-column file
 * cannot be a register export, and guessing would only move the error to "missing columns".
 */
export function detectDelimiter(headerLine: string): Delimiter | null {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: Delimiter | null = null;
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (best === null ? 0 : (counts.get(best) ?? 0))) best = delimiter;
  }
  return best;
}

export interface CsvRecord {
  /** Physical line where the record starts (a quoted cell may span lines), 1 being the file's first. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface RegisterCsv {
  readonly encoding: EncodingDetection;
  readonly delimiter: Delimiter;
  readonly header: CsvRecord;
  /** The records after the header. Close it (`return()`, or break out of `for await`) to stop reading. */
  readonly records: AsyncGenerator<CsvRecord, void, undefined>;
}

export interface OpenRegisterCsvOptions {
  /** Skips detection (and the second read) when the caller knows the encoding. */
  readonly encoding?: RegisterEncoding;
  readonly messages?: RegisterMessages;
}

// A register line is well under 1 KiB: a "record" this long means an unclosed quote swallowing the file.
const MAX_RECORD_CHARS = 64 * 1024;

/** Opens the file, finds its encoding, delimiter and header, and streams its records. */
export async function openRegisterCsv(
  open: OpenRegisterFile,
  options: OpenRegisterCsvOptions = {},
): Promise<RegisterCsv> {
  const messages = options.messages ?? FRENCH_REGISTER_MESSAGES;
  const sniffed: Sniffed = options.encoding
    ? { detection: { encoding: options.encoding, bom: false } }
    : await sniff(open);
  const encoding = sniffed.detection;
  const text = decodeToText(sniffed.rest ? replay(sniffed.rest) : await open(), encoding.encoding, messages);

  // Read up to the first line that has content, to pick the delimiter before csv-parse starts.
  let buffered = '';
  let firstLine: string | undefined;
  while (firstLine === undefined) {
    const next = await text.next();
    if (next.done) {
      firstLine = buffered.split('\n').find((line) => line.trim() !== '');
      if (firstLine === undefined) throw registerFileError(messages, 'EMPTY_FILE', {});
      break;
    }
    buffered += next.value;
    firstLine = buffered.split('\n').find((line, index, lines) => index < lines.length - 1 && line.trim() !== '');
    // No line end in sight: not a register (or one cell swallowing the file); judge the start we have.
    if (firstLine === undefined && buffered.length > MAX_RECORD_CHARS) firstLine = buffered.slice(0, 200);
  }
  const delimiter = detectDelimiter(firstLine);
  if (delimiter === null) {
    await text.return(undefined);
    throw registerFileError(messages, 'NO_DELIMITER', { header: firstLine.slice(0, 200) });
  }

  const records = readRecords(buffered, text, delimiter, messages);
  const header = await records.next();
  if (header.done) throw registerFileError(messages, 'EMPTY_FILE', {});
  return { encoding, delimiter, header: header.value, records };
}

async function* replay({ head, iterator }: NonNullable<Sniffed['rest']>): AsyncGenerator<Uint8Array> {
  try {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  } finally {
    await iterator.return?.();
  }
}

async function* readRecords(
  buffered: string,
  rest: AsyncGenerator<string>,
  delimiter: Delimiter,
  messages: RegisterMessages,
): AsyncGenerator<CsvRecord, void, undefined> {
  // csv-parse stops at an unclosed quote (at the end of the file, or once the swallowed "cell" passes
  // MAX_RECORD_CHARS). An error event would drop the records parsed before it but not yet consumed, so the
  // parser is told to skip instead, and the skip is turned into an error after those records.
  let broken: { readonly recordsBefore: number } | undefined;
  const parser = parse({
    delimiter,
    info: true,
    // Rows whose cell count differs from the header are reported per row (parse-register), not fatal here.
    relax_column_count: true,
    // `Jean "Jeannot" Dupont` unquoted is common in hand-edited exports: keep the quotes as text.
    relax_quotes: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_CHARS,
    skip_records_with_error: true,
    on_skip: () => {
      broken ??= { recordsBefore: parser.info.records };
      return undefined;
    },
  });
  async function* chunks() {
    yield buffered;
    yield* rest;
  }
  // Errors of the source (decoding) destroy the parser, so they surface in the loop below; the promise
  // itself is only awaited there to not leave a rejection unhandled when the consumer stops early.
  const feeding = pipeline(Readable.from(chunks()), parser);
  feeding.catch(() => undefined);
  let lastLine = 0;
  let count = 0;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: Info }>) {
      if (broken && count >= broken.recordsBefore) break;
      const { record, info } = item;
      // info.lines is the line where the record ends; quoted line breaks inside it move its start up.
      let embedded = 0;
      for (const field of record) {
        for (let at = field.indexOf('\n'); at !== -1; at = field.indexOf('\n', at + 1)) embedded++;
      }
      lastLine = info.lines;
      count++;
      yield { line: info.lines - embedded, fields: record };
    }
    if (broken) throw registerFileError(messages, 'UNREADABLE_CSV', { afterLine: lastLine });
    await feeding;
  } finally {
    parser.destroy();
  }
}
