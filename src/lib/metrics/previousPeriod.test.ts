import { describe, expect, it } from 'vitest';
import { capPeriod, periodDays, previousPeriod } from './previousPeriod';

describe('previousPeriod', () => {
  it('is the same number of days, ending the day before', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({ from: '2026-01-29', to: '2026-02-28' });
    expect(periodDays({ from: '2026-01-29', to: '2026-02-28' })).toBe(31);
  });
  it('handles a single day and a leap year', () => {
    expect(previousPeriod({ from: '2024-03-01', to: '2024-03-01' })).toEqual({ from: '2024-02-29', to: '2024-02-29' });
  });
  it('caps at as of before comparing', () => {
    const w = capPeriod({ from: '2026-06-01', to: '2026-06-30' }, '2026-06-10');
    expect(w).toEqual({ from: '2026-06-01', to: '2026-06-10' });
    expect(previousPeriod(w)).toEqual({ from: '2026-05-22', to: '2026-05-31' });
  });
  it('refuses an empty window and a non-date', () => {
    expect(() => previousPeriod({ from: '2026-02-02', to: '2026-02-01' })).toThrow(/empty/);
    expect(() => previousPeriod({ from: '1/2/2026', to: '2026-02-01' })).toThrow(/ISO/);
  });
});
