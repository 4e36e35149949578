import { describe, it, expect } from 'vitest';
import { comboLayout } from './combo';
import { MARK_SPACING, scatterLayout, swarmOffsets } from './scatter';
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
  it('spreads accounts with the same meeting count within the count’s band, and picks each at its centre', () => {
    // 60 accounts at 0–4 meetings with progress packed into a few values: many share a spot.
    const pts = Array.from({ length: 60 }, (_, i) => ({ account: `a${i}`, x: i % 5, y: (i * 7) % 23, flag: null }));
    const l = scatterLayout(pts, 2, 10, 320, 260);
    const unit = l.w / 4; // the x domain is 0–4
    for (const d of l.dots) expect(Math.abs(d.cx - d.x * unit)).toBeLessThanOrEqual(0.4 * unit + 1e-9);
    let close = 0;
    for (let i = 0; i < l.dots.length; i++)
      for (let j = i + 1; j < l.dots.length; j++) if (Math.hypot(l.dots[i].cx - l.dots[j].cx, l.dots[i].cy - l.dots[j].cy) < MARK_SPACING) close++;
    expect(close).toBe(0);
    for (const d of l.dots) expect(l.pick(d.cx, d.cy)?.account).toBe(d.account);
    expect(l.pick(-50, -50)).toBeNull();
    expect(scatterLayout(pts, 2, 10, 320, 260).dots).toEqual(l.dots); // the same every time
  });
  it('keeps centres apart even when a crowd of equal points fills the band', () => {
    const offsets = swarmOffsets(Array.from({ length: 40 }, () => ({ px: 50, py: 50 })), 7);
    const spots = offsets.map((o) => [o.dx, o.dy]);
    let minGap = Infinity;
    for (let i = 0; i < spots.length; i++) for (let j = i + 1; j < spots.length; j++) minGap = Math.min(minGap, Math.hypot(spots[i][0] - spots[j][0], spots[i][1] - spots[j][1]));
    expect(minGap).toBeGreaterThan(1.5); // enough for a click at each centre to find it
    for (const o of offsets) {
      expect(Math.abs(o.dx)).toBeLessThanOrEqual(7 + 1e-9);
      expect(Math.abs(o.dy)).toBeLessThanOrEqual(MARK_SPACING + 1e-9);
    }
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
