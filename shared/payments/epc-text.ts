/**
 * Text for SEPA payment files: the EPC basic Latin set (`a-z A-Z 0-9 / - ? : ( ) . , ' +` and space) that
 * every bank in the chain must carry. Names are transliterated, never dropped: a shop must recognise itself.
 */

const EPC_CHARACTER = /[a-zA-Z0-9/\-?:().,'+ ]/;

// Letters and signs that NFKD does not decompose into a base letter plus combining marks.
const TRANSLITERATIONS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'n',
  Ŋ: 'N',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ſ: 's',
  '&': '+',
  '"': "'",
  '‘': "'",
  '’': "'",
  '‚': "'",
  '‛': "'",
  '′': "'",
  '`': "'",
  '´': "'",
  '“': "'",
  '”': "'",
  '„': "'",
  '«': "'",
  '»': "'",
  '‹': "'",
  '›': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '−': '-',
  _: '-',
  ';': ',',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '€': 'EUR',
};

/**
 * `input` in the EPC character set, at most `maxLength` characters: accents stripped, other letters
 * transliterated (ß → ss, ł → l), anything else a space; whitespace collapsed; never a leading `/` nor a
 * `//` (the EPC forbids both in references and identifiers, and some banks in names too). A non-blank input
 * never comes out empty: what cannot be written at all becomes `?`. A blank input stays blank.
 */
export function toEpcText(input: string, maxLength: number): string {
  if (!Number.isInteger(maxLength) || maxLength < 1) {
    throw new RangeError(`maxLength must be a positive integer, got ${String(maxLength)}`);
  }
  if (input.trim() === '') return '';
  let text = '';
  // NFKD splits é into e + U+0301 (the mark is then dropped) and also unfolds compatibility forms:
  // the Dutch ĳ ligature into ij, ﬁ into fi, full-width letters and no-break spaces into plain ones.
  for (const character of input.normalize('NFKD')) {
    if (/\p{M}/u.test(character)) continue;
    const mapped = TRANSLITERATIONS[character] ?? character;
    for (const output of mapped) text += EPC_CHARACTER.test(output) ? output : ' ';
  }
  text = text
    .replace(/\s+/g, ' ')
    .replace(/\/{2,}/g, '/')
    .replace(/^[\s/]+/, '')
    .slice(0, maxLength)
    .trimEnd();
  return text === '' ? '?' : text;
}

/** True when `text` is already EPC-clean: what identifiers (MsgId, EndToEndId) must be, untouched. */
export function isEpcText(text: string, maxLength: number): boolean {
  return (
    text.length >= 1 &&
    text.length <= maxLength &&
    [...text].every((character) => EPC_CHARACTER.test(character)) &&
    !text.startsWith('/') &&
    !text.includes('//')
  );
}
