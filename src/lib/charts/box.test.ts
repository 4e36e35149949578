import { describe, it, expect } from 'vitest';
import { BOX_ROW, boxLayout } from './box';

describe('boxLayout', () => {
  const stats = [
    { segment: 'High', n: 3, min: 20, q1: 25, median: 30, q3: 35, max: 40 },
    { segment: 'Tech', n: 2, min: 40, q1: 44.75, median: 49.5, q3: 54.25, max: 59 }
  ];
  const points = [20, 30, 40].map((days) => ({ segment: 'High', account: `h${days}`, days })).concat([40, 59].map((days) => ({ segment: 'Tech', account: `t${days}`, days })));
  it('places each segment’s box, median and whiskers on one days axis from 0', () => {
    // 328 wide: 200 px of plot; the axis runs 0 … 60 days (59 rounded up), so 10 days are 33.3 px.
    const l = boxLayout(stats, points, 328);
    expect(l.w).toBe(200);
    expect(l.h).toBe(2 * BOX_ROW);
    const [high, tech] = l.rows;
    expect([high.xlo, high.x1, high.xm, high.x2, high.xhi].map((v) => Math.round(v * 10) / 10)).toEqual([66.7, 83.3, 100, 116.7, 133.3]);
    expect(tech.xm).toBeCloseTo((49.5 / 60) * 200, 9);
    expect([high.cy, tech.cy]).toEqual([BOX_ROW / 2, BOX_ROW * 1.5]);
    expect(l.xTicks[0]).toEqual({ v: 0, x: 0 });
    expect(l.xTicks.at(-1)!.v).toBe(60);
  });
  it('draws one dot per outcome in its segment’s row, at its days, the same each time', () => {
    const l = boxLayout(stats, points, 328);
    expect(l.rows.map((r) => r.dots.length)).toEqual([3, 2]);
    expect(l.rows[1].dots.map((d) => Math.round(d.cx))).toEqual([133, 197]);
    expect(l.rows.every((r) => r.dots.every((d) => Math.abs(d.cy - r.cy) <= BOX_ROW / 4))).toBe(true);
    expect(boxLayout(stats, points, 328)).toEqual(l);
  });
});
