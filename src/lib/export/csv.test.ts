import { describe, expect, it } from 'vitest';
import { CSV_BOM, cellText, csvBlob, csvField, escapeFormula, isFormulaLike, isPlainNumber, toCsv } from './csv';

describe('formula escaping', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['\0=1', "'\0=1"],
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")']
  ])('escapes %j', (input, want) => {
    expect(isFormulaLike(input)).toBe(true);
    expect(escapeFormula(input)).toBe(want);
  });

  it.each(['-12.5', '+3', '-3', '1e-3', '-1E+21', '-.5', '+0', '-0', '-007', '1.'])('keeps the plain number %j', (n) => {
    expect(isPlainNumber(n)).toBe(true);
    expect(isFormulaLike(n)).toBe(false);
    expect(escapeFormula(n)).toBe(n);
  });

  it.each(['-', '+', '-1+2', '- 1', '-1 ', '-1,5', '-Infinity', '-NaN', '+1e', '-e5', '-12.5%'])('escapes %j, which is not a plain number', (t) => {
    expect(isFormulaLike(t)).toBe(true);
    expect(escapeFormula(t)).toBe(`'${t}`);
  });

  it('leaves other text alone, including formula characters after the first', () => {
    for (const t of ['Acme', ' =1', 'a=b', 'x-1', '', '’=1', 'Zoë @ Acme', '\n=1']) expect(escapeFormula(t)).toBe(t);
  });
});

describe('cell text', () => {
  it('writes values in a stable machine format', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(1234567.125)).toBe('1234567.125');
    expect(cellText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(cellText(-0)).toBe('0');
    expect(cellText(Number.NaN)).toBe('');
    expect(cellText(Number.NEGATIVE_INFINITY)).toBe('');
    expect(cellText(12345678901234567890n)).toBe('12345678901234567890');
    expect(cellText(true)).toBe('true');
    expect(cellText(new Date(Date.UTC(2024, 0, 2, 3, 4, 5)))).toBe('2024-01-02T03:04:05.000Z');
    expect(cellText('2024-01-02')).toBe('2024-01-02');
    expect(cellText(['a', 'b'])).toBe('["a","b"]');
  });

  it('keeps negative numbers as numbers, with no quote', () => {
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12.5')).toBe('-12.5');
    expect(csvField(-1e-7)).toBe('-1e-7');
  });
});

describe('fields', () => {
  it('quotes fields holding quotes, commas, CR or LF and doubles the quotes', () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('crlf\r\nhere')).toBe('"crlf\r\nhere"');
    expect(csvField('plain')).toBe('plain');
  });

  it('escapes and quotes at once', () => {
    expect(csvField('=cmd|"/C calc"!A0')).toBe('"\'=cmd|""/C calc""!A0"');
    expect(csvField('\r\n=1')).toBe('"\'\r\n=1"');
    expect(csvField('\t,x')).toBe('"\'\t,x"');
  });

  it('replaces NUL anywhere, after escaping a leading one', () => {
    expect(csvField('a\0b')).toBe('a\uFFFDb');
    expect(csvField('\0')).toBe("'\uFFFD");
    expect(csvField('\0=1,2')).toBe('"\'\uFFFD=1,2"');
  });
});

describe('toCsv', () => {
  const columns = [
    { key: 'name', label: 'Name' },
    { key: 'n', label: 'Meetings, held' },
    { key: 'due', label: '=Due' }
  ];

  it('writes a header and one CRLF-ended line per row', () => {
    const csv = toCsv(columns, [
      { name: 'Acme', n: 3, due: '2024-05-01' },
      { name: '=HYPERLINK("x")', n: -2.5, due: null },
      { name: 'two\nlines', n: undefined, due: '@x' }
    ]);
    expect(csv).toBe(
      'Name,"Meetings, held",\'=Due\r\n' +
        'Acme,3,2024-05-01\r\n' +
        '"\'=HYPERLINK(""x"")",-2.5,\r\n' +
        '"two\nlines",,\'@x\r\n'
    );
  });

  it('escapes hostile headers', () => {
    expect(toCsv([{ key: 'a', label: '+SUM(1)' }, { key: 'b', label: 'x"y' }, { key: 'c', label: '-5' }], [])).toBe('\'+SUM(1),"x""y",-5\r\n');
  });

  it('writes only the named columns, in their order', () => {
    expect(toCsv([{ key: 'b', label: 'B' }, { key: 'a', label: 'A' }], [{ a: 1, b: 2, c: 3 }])).toBe('B,A\r\n2,1\r\n');
  });

  it('puts a byte order mark in the downloaded file only', async () => {
    const text = toCsv(columns, [{ name: 'Zoë' }]);
    expect(text.startsWith(CSV_BOM)).toBe(false);
    const bytes = new Uint8Array(await csvBlob(text).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toBe(text); // the decoder drops the BOM
  });
});
