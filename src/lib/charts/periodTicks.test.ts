import { describe, expect, it } from 'vitest';
import { periodTickEvery, periodTickLabels } from './periodTicks';

describe('period tick labels', () => {
  it('leave the year out within one year', () => {
    expect(periodTickLabels(['2026-05-04', '2026-05-11', '2026-10-26'], 'week')).toEqual(['May 4', 'May 11', 'Oct 26']);
    expect(periodTickLabels(['2026-01-01', '2026-02-01'], 'month')).toEqual(['Jan', 'Feb']);
  });
  it('show the year on the first tick and where it changes when the range spans years', () => {
    expect(periodTickLabels(['2025-11-03', '2025-12-01', '2025-12-29', '2026-01-26', '2026-05-04'], 'week')).toEqual([
      'Nov 3, 2025',
      'Dec 1',
      'Dec 29',
      'Jan 26, 2026',
      'May 4'
    ]);
    expect(periodTickLabels(['2025-12-01', '2026-01-01'], 'month')).toEqual(['Dec 2025', 'Jan 2026']);
  });
  it('space ticks wider when they carry a year', () => {
    expect(periodTickEvery(13, 800, false)).toBe(1);
    expect(periodTickEvery(78, 800, true)).toBe(9);
    expect(periodTickEvery(5, 10, false)).toBe(5);
  });
});
