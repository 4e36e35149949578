import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isWrappedLines, unwrapLines } from './wrappedLines';

const REAL = resolve(__dirname, '../../../../shared/fixtures/real-exports');

describe('files whose every line is one quoted field', () => {
  it('recognises the re-saved OKR sheet and unwraps it into its columns', () => {
    const text = readFileSync(`${REAL}/okr-metricor/okrs.csv`, 'utf8');
    expect(isWrappedLines(text)).toBe(true);
    const lines = unwrapLines(text).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('OKR_ID,Objective,Owner,Status,Last_Updated,Comments');
    expect(lines[1]).toBe('O1,Improve release predictability,Emily,On Track,2025-07-20,"Feature 2 at risk"');
  });
  it('leaves ordinary files alone, quoted values and all', () => {
    expect(isWrappedLines('"Name","Email"\n"Ann","ann@x.com"\n')).toBe(false);
    expect(isWrappedLines('a,b\n"1,2",3\n')).toBe(false);
    expect(isWrappedLines('"just one quoted column"\n"another"\n')).toBe(false);
  });
});
