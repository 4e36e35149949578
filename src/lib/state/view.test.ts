import { describe, it, expect } from 'vitest';
import { mondayOf, windowOf, DEFAULT_FILTERS, ViewState } from './view.svelte';

describe('windows', () => {
  it('finds the Monday of an ISO week, across a year boundary', () => {
    expect(mondayOf('2026-01-01')).toBe('2025-12-29');
    expect(mondayOf('2026-10-30')).toBe('2026-10-26');
    expect(mondayOf('2026-10-26')).toBe('2026-10-26');
  });
  it('ends presets at "as of" and starts them on a Monday, n weeks back', () => {
    expect(windowOf({ ...DEFAULT_FILTERS, preset: '13w' }, '2026-10-30', '2025-05-05')).toEqual({ from: '2026-08-03', to: '2026-10-30' });
    expect(windowOf({ ...DEFAULT_FILTERS, preset: '4w' }, '2026-10-30', '2025-05-05')).toEqual({ from: '2026-10-05', to: '2026-10-30' });
    expect(windowOf({ ...DEFAULT_FILTERS, preset: 'all' }, '2026-10-30', '2025-05-07')).toEqual({ from: '2025-05-05', to: '2026-10-30' });
    expect(windowOf({ ...DEFAULT_FILTERS, preset: 'custom', from: '2026-01-05', to: '2026-02-01' }, '2026-10-30', '2025-05-05')).toEqual({ from: '2026-01-05', to: '2026-02-01' });
  });
});

describe('undo', () => {
  it('puts back the filters and the drill-down of the step, and keeps no step for a change that changes nothing', () => {
    const view = new ViewState();
    view.setFilters({ preset: '52w' });
    view.setFilters({ preset: '4w' });
    view.setFilters({ preset: '4w' });
    view.drill = { type: 'account', account: 'Acme', label: 'Customer touches with Acme' };
    expect(view.undoTo?.filters.preset).toBe('52w');
    view.undo();
    expect(view.filters.preset).toBe('52w');
    expect(view.drill).toBeNull(); // opened after the step undone to: it does not outlive it
    view.undo();
    expect(view.filters.preset).toBe('13w');
    expect(view.canUndo).toBe(false);
  });
});

describe('focus', () => {
  it('replaces the values with a click (off again on the same one), and adds or removes one with add', () => {
    const view = new ViewState();
    view.focus('managers', 'ana@x');
    expect(view.filters.managers).toEqual(['ana@x']);
    view.focus('managers', 'ben@x', true);
    expect(view.filters.managers).toEqual(['ana@x', 'ben@x']);
    view.focus('managers', 'ana@x', true);
    expect(view.filters.managers).toEqual(['ben@x']);
    view.focus('managers', 'ben@x');
    expect(view.filters.managers).toEqual([]);
    view.focus('managers', 'ana@x', true);
    view.focus('managers', 'ben@x', true);
    view.focus('managers', 'ben@x');
    expect(view.filters.managers).toEqual(['ben@x']); // a plain click on one of several: that one alone
  });
});
