import { describe, it, expect } from 'vitest';
import { weeklyLayout } from './weekly';

describe('weeklyLayout', () => {
  it('places one bar per week, proportional to its count, inside the plot', () => {
    const l = weeklyLayout(
      [
        { week: '2024-01-01', rows: 10 },
        { week: '2024-01-08', rows: 5 },
        { week: '2024-01-22', rows: 0 }
      ],
      456,
      228
    );
    expect(l.innerWidth).toBe(400);
    expect(l.innerHeight).toBe(188);
    expect(l.bars).toHaveLength(3);
    // Four weeks span the axis (the third bar's week ends it): 100 px each.
    expect(l.bars[0].x).toBeCloseTo(0.5);
    expect(l.bars[1].x).toBeCloseTo(100.5);
    expect(l.bars[2].x).toBeCloseTo(300.5);
    expect(l.bars[0].width).toBeCloseTo(99);
    expect(l.bars[0].height).toBeCloseTo(188);
    expect(l.bars[1].height).toBeCloseTo(94);
    expect(l.bars[2].height).toBe(0);
    expect(l.bars[0].label).toBe('Week of Jan 1, 2024: 10 rows');
    expect(l.yTicks[0]).toEqual({ y: 188, label: '0' });
  });
  it('says "1 row", not "1 rows"', () => {
    expect(weeklyLayout([{ week: '2024-01-01', rows: 1 }], 300, 200).bars[0].label).toBe('Week of Jan 1, 2024: 1 row');
  });
  it('returns no marks for no data', () => {
    expect(weeklyLayout([], 300, 200).bars).toEqual([]);
  });
});
