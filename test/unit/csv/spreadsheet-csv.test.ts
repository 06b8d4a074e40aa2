import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine } from '../../../shared/csv/spreadsheet-csv.ts';

describe('spreadsheet CSV', () => {
  it('quotes cells with a separator, a quote or a line break (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Pieter "Piet"')).toBe('"Pieter ""Piet"""');
    expect(csvCell('line\r\nbreak')).toBe('"line\r\nbreak"');
    expect(csvCell('12,50')).toBe('12,50');
  });

  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+32 81 00 00 00')).toBe("'+32 81 00 00 00");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=HYPERLINK("x";"y")')).toBe('"\'=HYPERLINK(""x"";""y"")"');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(3)).toBe('3');
  });

  it('ends each line with CRLF so a file is its lines concatenated', () => {
    expect(csvLine(['a', 1, 'b;c'])).toBe('a;1;"b;c"\r\n');
    expect(CSV_BOM).toBe('\uFEFF');
  });
});
