import { describe, it, expect } from 'vitest';
import { reconcile, structuralRefusal } from './reconcile';
import { scanBytes } from './recordScan';

const scan = (s: string, delimiter = ',') => scanBytes(new TextEncoder().encode(s), { delimiter, quote: '"', escape: '"' });
const base = { lineOffset: 0, header: true, blankRowsDropped: 0, rejected: [] };

describe('reconcile', () => {
  it('accepts a clean file whose rows match the count', () => {
    const s = scan('a,b\n1,2\n3,4\n');
    const r = reconcile({ ...base, scan: s, width: 2, headerFields: 2, rowsLoaded: 2 });
    expect(r).toMatchObject({ status: 'loaded', expected: 2, rejectedLines: 0 });
    expect(r.findings).toEqual([]);
  });
  it('refuses when rows loaded + rejected do not add up to the count', () => {
    const s = scan('a,b\n1,2\n3,4\n5,6\n');
    const r = reconcile({ ...base, scan: s, width: 2, headerFields: 2, rowsLoaded: 2 });
    expect(r.status).toBe('refused');
    expect(r.findings[0].message).toMatch(/3 records but 2 rows/);
  });
  it('counts rejected lines once each, even with several errors on a line', () => {
    const s = scan('a,b\n1,2\n3,4\n5,6\n');
    const rejected = [
      { line: 3, column: 'a', errorType: 'CAST', message: 'x', csvLine: '3,4' },
      { line: 3, column: 'b', errorType: 'CAST', message: 'y', csvLine: '3,4' }
    ];
    const r = reconcile({ ...base, scan: s, width: 2, headerFields: 2, rowsLoaded: 2, rejected });
    expect(r).toMatchObject({ status: 'partial', rejectedLines: 1 });
    expect(r.findings[0].lines).toEqual([3]);
  });
  it('says how big a row may be when the engine rejects one for its size', () => {
    const s = scan('a,b\n1,2\n3,4\n');
    const rejected = [{ line: 3, column: null, errorType: 'LINE_SIZE_OVER_MAXIMUM', message: 'x', csvLine: null }];
    const r = reconcile({ ...base, scan: s, width: 2, headerFields: 2, rowsLoaded: 1, rejected });
    expect(r.status).toBe('partial');
    expect(r.findings.map((f) => f.message)).toEqual([
      '1 line could not be read (line size over maximum) and is listed as rejected:',
      'A row over 2,000,000 bytes (line breaks inside its quoted values included) is more than one row may hold. Export without the column holding the long text, or shorten it.'
    ]);
  });
  it('names short and long lines, shifted by the skipped lines', () => {
    const s = scan('i,j\n1,2\n3\n4,5,6\n');
    const r = reconcile({ ...base, scan: s, lineOffset: 1, width: 3, headerFields: 2, rowsLoaded: 3 });
    expect(r.status).toBe('partial');
    expect(r.findings.map((f) => [f.message.split(' ').slice(0, 4).join(' '), f.lines])).toEqual([
      ['1 line has fewer', [4]],
      ['1 line has more', [5]]
    ]);
  });
  it('reports blank lines and header-only files as information', () => {
    const s = scan('1\n\n\n');
    const r = reconcile({ ...base, header: false, scan: s, width: 1, headerFields: 1, rowsLoaded: 1, blankRowsDropped: 2 });
    expect(r.status).toBe('loaded');
    expect(r.findings[0].message).toBe('2 blank lines between rows skipped.');
    const h = reconcile({ ...base, scan: scan('name'), width: 1, headerFields: 1, rowsLoaded: 0 });
    expect(h.findings.at(-1)?.message).toMatch(/no data rows/);
  });
});

describe('structuralRefusal', () => {
  it('names the line of an unterminated quote, invalid UTF-8, a long line and a NUL', () => {
    expect(structuralRefusal(scan('h\n"ok"\n"never\nclosed\n'), 0, 100)?.message).toMatch(/^Unterminated quote, line 3/);
    const latin = scanBytes(new Uint8Array([0x61, 0x0a, 0x4a, 0xe9, 0x0a]), { delimiter: ',', quote: '"', escape: '"' });
    expect(structuralRefusal(latin, 2, 100)?.message).toMatch(/^Not UTF-8, line 4/);
    const long = scanBytes(new TextEncoder().encode('x'.repeat(300)), { delimiter: ',', quote: '"', escape: '"' }, { maxLineBytes: 100 });
    expect(structuralRefusal(long, 0, 100)?.message).toMatch(/^Line longer than 100 bytes, line 1/);
    expect(structuralRefusal(scan('a\0b'), 0, 100)?.message).toMatch(/^NUL byte, line 1/);
    expect(structuralRefusal(scan('a,b\n'), 0, 100)).toBeNull();
  });
});
