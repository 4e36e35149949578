import { describe, it, expect } from 'vitest';
import { barsLayout, fillBins, monthLabel, monthsBetween } from './bars';

describe('barsLayout', () => {
  it('draws each value to scale, a missing value as no bar, on a shared baseline', () => {
    // 460 wide: 400 px of plot (48 left, 12 right); 230 high: 190 px (10 top, 30 bottom).
    const l = barsLayout([{ key: 'a', value: 10 }, { key: 'b', value: 5 }, { key: 'c', value: null }, { key: 'd', value: 0 }], 460, 230);
    expect([l.w, l.h]).toEqual([400, 190]);
    expect(l.bars.map((b) => b.bh)).toEqual([190, 95, 0, 0]);
    expect(l.bars.every((b) => b.y + b.bh === 190)).toBe(true);
    expect(l.yTicks[0]).toEqual({ v: 0, y: 190 });
    expect(l.yTicks.at(-1)).toEqual({ v: 10, y: 0 });
  });
  it('puts a histogram’s ticks on its bin edges, the last at the end', () => {
    const bins = fillBins([{ bin: 30, n: 4 }], 0, 90, 10);
    const l = barsLayout(bins, 460, 200, { edges: { label: (i) => `${i * 10}%`, every: 5 } });
    expect(l.xTicks).toEqual([{ x: 0, label: '0%' }, { x: 200, label: '50%' }, { x: 400, label: '100%' }]);
    expect(l.bars[3].value).toBe(4);
    expect([l.bars[3].x, l.bars[3].bw]).toEqual([121, 38]); // 40 px a bin, less a 2 px hairline
  });
  it('keeps to a fixed top for percentages', () => {
    const l = barsLayout([{ key: '2026-01-01', value: 50 }], 460, 230, { yMax: 100, months: true });
    expect(l.bars[0].bh).toBe(95);
    expect(l.xTicks.map((t) => t.label)).toEqual(['Jan']);
  });
});

describe('fillBins and monthsBetween', () => {
  it('fills every bin of the domain, 0 where none was counted', () => {
    expect(fillBins([{ bin: -10, n: 2 }, { bin: 10, n: 1 }], -20, 10, 10)).toEqual([
      { key: '-20', value: 0 }, { key: '-10', value: 2 }, { key: '0', value: 0 }, { key: '10', value: 1 }
    ]);
  });
  it('lists the months a window touches, across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-03')).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
    expect(monthsBetween('2026-03-31', '2026-03-31')).toEqual(['2026-03-01']);
    expect(monthLabel('2026-02-01')).toBe('February 2026');
  });
});
