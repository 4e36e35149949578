import { describe, it, expect } from 'vitest';
import { chooseDelimiter, clearDelimiter, onlyInsideDateTimes, columnNames, decideHeader, leadingBlankLines, looksLikeData, preambleLines, trimToLastLine, modeOf } from './dialect';
import { scanBytes } from './recordScan';

const bytes = (s: string) => new TextEncoder().encode(s);
const ORDER = [',', ';', '\t', '|'];

describe('chooseDelimiter', () => {
  it('keeps a ragged comma file in columns instead of collapsing it to one text column', () => {
    const s = chooseDelimiter(bytes('i,j\n1,1\n2,2\n3,3\n4,4\n7,7,3\n5,5\n'), ['|', ...ORDER]);
    expect(s.delimiter).toBe(',');
    expect(s.fields).toBe(2);
    expect(s.consistency).toBeCloseTo(6 / 7);
  });
  it('finds semicolons and tabs', () => {
    expect(chooseDelimiter(bytes('a;b;c\n1;2;3\n4;5;6\n'), ORDER).delimiter).toBe(';');
    expect(chooseDelimiter(bytes('a\tb\tc\n1\t2\t3\n'), ORDER).delimiter).toBe('\t');
  });
  it('prefers the delimiter with consistent counts over one that splits decimal commas', () => {
    const s = chooseDelimiter(bytes('commas;periods\n1,1;1.1\n0,25;0.25\n1,53e4;1.53e4\n'), ORDER);
    expect(s.delimiter).toBe(';');
  });
  it('returns the first candidate for a one-column file', () => {
    expect(chooseDelimiter(bytes('name\nann\nbob\n'), ORDER).fields).toBe(1);
    expect(chooseDelimiter(bytes('name\nann\nbob\n'), ORDER).delimiter).toBe(',');
  });
  it('ignores delimiters inside quotes', () => {
    expect(chooseDelimiter(bytes('a;b\n"x,y,z";2\n"p,q";3\n'), ORDER).delimiter).toBe(';');
  });
});

describe('clearDelimiter', () => {
  it('names the one delimiter that splits every record alike', () => {
    expect(clearDelimiter(bytes('a;b;c\n1;2;3\n4;5;6\n'), ORDER)?.delimiter).toBe(';');
    expect(clearDelimiter(bytes('commas;periods\n1,1;1.1\n0,25;0.25\n'), ORDER)?.delimiter).toBe(';'); // the header has no comma
    expect(clearDelimiter(bytes('a,b;c\n1,2;3\n4,5;6\n'), ORDER)).toBeNull(); // two candidates split every line in two: a question
  });
  it('leaves ragged files, one-column files and date-time commas to the sniffer', () => {
    expect(clearDelimiter(bytes('i,j\n1,1\n7,7,3\n'), ORDER)).toBeNull();
    expect(clearDelimiter(bytes('name\nann\nbob\n'), ORDER)).toBeNull();
    expect(clearDelimiter(bytes('when\n14/11/22, 09:29:07\n15/11/22, 10:00:00\n'), ORDER)).toBeNull();
  });
});

describe('shape helpers', () => {
  it('modeOf breaks ties toward the wider count', () => {
    expect(modeOf({ 3: 2, 4: 1, 5: 2 })).toEqual({ fields: 5, count: 2 });
  });
  it('counts leading blank lines of every kind', () => {
    expect(leadingBlankLines(bytes('\n\r\n\rA,B\n'))).toBe(3);
    expect(leadingBlankLines(bytes('A\n'))).toBe(0);
  });
  it('detects a one-field title line above a wider header', () => {
    const scan = scanBytes(bytes('a bad starting line\nCOL1,COL2,COL3\n1.5,a,3\n2.5,b,4\n'), { delimiter: ',', quote: '"', escape: '"' });
    expect(preambleLines(scan, 3, 0)).toBe(1);
    const clean = scanBytes(bytes('a,b\n1,2\n'), { delimiter: ',', quote: '"', escape: '"' });
    expect(preambleLines(clean, 2, 0)).toBe(0);
  });
  it('trims a sample to its last complete line', () => {
    expect(new TextDecoder().decode(trimToLastLine(bytes('a,b\n1,2\n3,'), false))).toBe('a,b\n1,2\n');
    expect(trimToLastLine(bytes('a,b'), true).length).toBe(3);
  });
  it('treats a line with a number, a date or a very long value as data, not a header', () => {
    expect(looksLikeData(['1'])).toBe(true);
    expect(looksLikeData(['10', '2024-01-05', '3,5'])).toBe(true);
    expect(looksLikeData(['pedro', 'br', 'nl', '1.72'])).toBe(true);
    expect(looksLikeData(['x'.repeat(300)])).toBe(true);
    expect(looksLikeData(['id', 'name'])).toBe(false);
    expect(looksLikeData(['Start Date', 'Q3 2024'])).toBe(false);
    expect(looksLikeData([null, ''])).toBe(false);
  });
  it('decides the header from evidence first, then the sniffer', () => {
    expect(decideHeader(['10', 'hello', '20'], 3, 3, { hasHeader: true, allText: false })).toBe(false);
    expect(decideHeader(['one'], 1, 2, { hasHeader: true, allText: true })).toBe(false);
    expect(decideHeader(['col'], 1, 11, { hasHeader: true, allText: false })).toBe(true);
    expect(decideHeader(['a'], 1, 1, null)).toBe(true);
    expect(decideHeader(['id', 'name'], 2, 3, { hasHeader: false, allText: true })).toBe(false);
    expect(decideHeader(['id', 'name'], 2, 3, null)).toBe(true);
  });
  it('makes column names unique and non-empty like the engine does', () => {
    expect(columnNames(['a', 'a', 'a', ''], 4)).toEqual(['a', 'a_1', 'a_2', 'column3']);
    expect(columnNames(['', '', ''], 3)).toEqual(['column0', 'column1', 'column2']);
    expect(columnNames(['id', 'name'], 3)).toEqual(['id', 'name', 'column2']);
    expect(columnNames(null, 2)).toEqual(['column0', 'column1']);
    expect(columnNames(['A', 'a'], 2)).toEqual(['A', 'a_1']);
  });
});

describe('a delimiter found only inside date-times', () => {
  it('loses to the one that splits the file into fields (Teams writes `14/11/22, 09:29:07` in tab-separated files)', () => {
    const text = 'Name\tFirst join\tLast leave\tEmail\nAnn Lee\t14/11/22, 09:30:46\t14/11/22, 09:50:12\tann@x.com\nBo Chan\t14/11/22, 09:31:02\t14/11/22, 09:50:10\tbo@x.com\n';
    const sample = new TextEncoder().encode(text);
    expect(onlyInsideDateTimes(text, ',')).toBe(true);
    expect(onlyInsideDateTimes(text, '\t')).toBe(false);
    expect(chooseDelimiter(sample, [',', ';', '\t', '|']).delimiter).toBe('\t');
    const csv = 'a,b,c\n14/11/22, 09:30,x,y\n';
    expect(onlyInsideDateTimes(csv, ',')).toBe(false);
  });
});
