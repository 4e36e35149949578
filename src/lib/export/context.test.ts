import { describe, expect, it } from 'vitest';
import { contextLines, wrapText } from './context';

describe('export context', () => {
  it('states the window, the as-of date and every filter in force', () => {
    expect(
      contextLines({ from: '2025-11-03', to: '2026-01-30', asOf: '2026-01-30', filters: [['Manager', ['Marcus Ong']], ['Team', []], ['Segment', ['High Touch', 'Mid Touch']]] })
    ).toEqual(['Window 2025-11-03 → 2026-01-30 · data as of 2026-01-30', 'Filters: Manager Marcus Ong · Segment High Touch, Mid Touch']);
  });
  it('says so when nothing is filtered', () => {
    expect(contextLines({ from: '2026-01-05', to: '2026-03-31', asOf: null, filters: [['Manager', []]] })).toEqual([
      'Window 2026-01-05 → 2026-03-31',
      'Filters: none (every manager, team, CSM, segment and meeting kind)'
    ]);
  });
  it('wraps long lines at spaces, never beyond the width', () => {
    const lines = wrapText('Filters: Manager Marcus Ong · Segment High Touch, Mid Touch', 20);
    expect(lines).toEqual(['Filters: Manager', 'Marcus Ong · Segment', 'High Touch, Mid', 'Touch']);
    expect(wrapText('abcdefghijkl', 5)).toEqual(['abcde', 'fghij', 'kl']);
    expect(wrapText('', 5)).toEqual([]);
  });
});
