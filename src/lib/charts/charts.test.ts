import { describe, it, expect } from 'vitest';
import { comboLayout } from './combo';
import { scatterLayout } from './scatter';
import { cellPaths, gridLayout } from './weekGrid';

describe('chart layouts', () => {
  it('stacks other touches on customer meetings and draws progress on a 0–100 axis', () => {
    const l = comboLayout(
      [
        { week: '2026-01-05', customer: 4, other: 2, progress: 50 },
        { week: '2026-01-12', customer: 2, other: 0, progress: null }
      ],
      284,
      140
    );
    expect(l.h).toBe(100);
    expect(l.bars[0].hCustomer + l.bars[0].hOther).toBeCloseTo(100); // 6 is the top of the y domain
    expect(l.bars[1].hCustomer).toBeCloseTo(100 / 3);
    expect(l.path.startsWith('M')).toBe(true);
    expect(l.path).not.toContain('L'); // the week without progress breaks the line
  });
  it('puts the segment medians where the points are', () => {
    const l = scatterLayout([{ account: 'a', x: 0, y: 0, flag: null }, { account: 'b', x: 10, y: 100, flag: null }], 5, 50, 256, 244);
    expect(l.medX).toBeCloseTo(l.w / 2);
    expect(l.medY).toBeCloseTo(l.h / 2);
  });
  it('lays out one cell per pair and week', () => {
    const l = gridLayout([{ pair: 'p', manager: 'm', report: 'r' }], ['2026-01-05', '2026-01-12'], [{ pair: 'p', week: '2026-01-12', status: 'held' }], 300, 100);
    expect(l.marks).toHaveLength(1);
    expect(l.marks[0].x).toBeGreaterThan(l.innerW / 2 - 1);
  });
  it('draws a dense grid as one path per status, a rectangle per cell', () => {
    const paths = cellPaths([
      { status: 'held', x: 0, y: 0, w: 8, h: 15.3 },
      { status: 'cancelled', x: 9.5, y: 0, w: 8, h: 15.3 },
      { status: 'held', x: 19, y: 18, w: 8, h: 15.3 }
    ]);
    expect(paths).toEqual([
      { status: 'held', d: 'M0,0h8v15.3h-8zM19,18h8v15.3h-8z' },
      { status: 'cancelled', d: 'M9.5,0h8v15.3h-8z' }
    ]);
  });
});
