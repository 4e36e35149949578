import { describe, it, expect } from 'vitest';
import { activeFilters, filterChanges, sameFilters, undoLabel } from './undoStep';
import { DEFAULT_FILTERS, type FilterState } from './view.svelte';

const f = (change: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...change });
const drill = { type: 'period' as const, start: '2026-10-19', grain: 'week' as const, label: 'Customer touches, week of 2026-10-19' };

describe('undo steps', () => {
  it('names the window it goes back to', () => {
    expect(undoLabel({ filters: f({ preset: '4w' }), drill: null }, { filters: f({ preset: '52w' }), drill: null })).toBe('Undo: window → 52 weeks');
    expect(filterChanges(f({ preset: '4w' }), f({ preset: 'all' }))).toEqual(['window → all data']);
    expect(filterChanges(f({ preset: '4w' }), f({ preset: 'custom', from: '2026-01-05', to: '2026-02-01' }))).toEqual(['window → 2026-01-05 to 2026-02-01']);
  });
  it('names filters by their labels, and "all" when it clears one', () => {
    const names = (_k: string, v: string) => ({ 'marcus@x': 'Marcus Ong' })[v] ?? v;
    expect(filterChanges(f({}), f({ managers: ['marcus@x'] }), names)).toEqual(['manager → Marcus Ong']);
    expect(filterChanges(f({ managers: ['marcus@x'], segments: ['high touch'] }), f({}), names)).toEqual(['manager → all', 'segment → all']);
  });
  it('names several values of a filter, and the filter in the plural', () => {
    const names = (_k: string, v: string) => ({ 'ana@x': 'Ana', 'ben@x': 'Ben' })[v] ?? v;
    const one = { filters: f({ managers: ['ana@x'] }), drill: null };
    const two = { filters: f({ managers: ['ana@x', 'ben@x'] }), drill: null };
    expect(undoLabel(one, two, names)).toBe('Undo: managers → Ana, Ben');
    expect(undoLabel(two, one, names)).toBe('Undo: manager → Ana');
    expect(filterChanges(f({}), f({ teams: ['East', 'West'], csms: ['a', 'b'] }))).toEqual(['teams → East, West', 'CSMs → a, b']);
    expect(activeFilters(f({ managers: ['ana@x', 'ben@x'], csms: ['c'] }), names)).toEqual(['Managers: Ana + Ben', 'CSM: c']);
  });
  it('says it closes a drill-down opened after the step, or reopens the one open then', () => {
    expect(undoLabel({ filters: f({ preset: '4w' }), drill }, { filters: f({ preset: '52w' }), drill: null })).toBe(`Undo: window → 52 weeks, close “${drill.label}”`);
    expect(undoLabel({ filters: f({ preset: '4w' }), drill: null }, { filters: f({}), drill })).toBe(`Undo: window → 13 weeks, reopen “${drill.label}”`);
    expect(undoLabel({ filters: f({ preset: '4w' }), drill }, { filters: f({}), drill })).toBe('Undo: window → 13 weeks');
  });
  it('treats the same window and values as no change, whatever the custom dates left behind', () => {
    expect(sameFilters(f({ preset: '13w', from: '2026-01-05', to: '2026-02-01' }), f({}))).toBe(true);
    expect(sameFilters(f({ preset: 'custom', from: '2026-01-05', to: '2026-02-01' }), f({ preset: 'custom', from: '2026-01-05', to: '2026-03-01' }))).toBe(false);
  });
});
