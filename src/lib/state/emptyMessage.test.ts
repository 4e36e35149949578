import { describe, it, expect } from 'vitest';
import { emptyMessage } from './emptyMessage';
import { DEFAULT_FILTERS, type FilterState } from './view.svelte';

const f = (change: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...change });

describe('empty states', () => {
  it('names the filter that empties the view', () => {
    expect(emptyMessage('rows', f({ teams: ['leadership'] }))).toBe('No rows for Team: leadership in the last 13 weeks. Clear the team filter or widen the window to see more.');
    expect(emptyMessage('1:1s', f({ teams: ['leadership'], managers: ['m@x'] }), (_k, v) => (v === 'm@x' ? 'Marcus Ong' : v))).toBe(
      'No 1:1s for Manager: Marcus Ong, Team: leadership in the last 13 weeks. Clear a filter or widen the window to see more.'
    );
  });
  it('never says "widen the window" when the window is already all the data', () => {
    expect(emptyMessage('rows', f({ preset: 'all', teams: ['leadership'] }))).toBe('No rows for Team: leadership in all the data. Clear the team filter to see more.');
    expect(emptyMessage('rows', f({ preset: 'all' }))).toBe('No rows in the loaded data.');
    expect(emptyMessage('rows', f({ preset: 'all' }))).not.toMatch(/widen/i);
  });
  it('offers a wider window when only the window empties it', () => {
    expect(emptyMessage('1:1s', f({ preset: '4w' }))).toBe('No 1:1s in the last 4 weeks. Widen the window (All data) to see more.');
    expect(emptyMessage('rows', f({ preset: 'custom', from: '2026-01-05', to: '2026-02-01' }))).toBe('No rows from 2026-01-05 to 2026-02-01. Widen the window (All data) to see more.');
  });
});
