/**
 * View model for time to first value per segment: one row per segment with its box (first to third quartile,
 * the median across it, whiskers to the fastest and slowest) over a strip of its outcomes, one dot each, on
 * a shared days axis (d3 for the scale). The quartiles come from the SQL, so the chart shows its table's numbers.
 */
import { scaleLinear } from 'd3';

export interface BoxStats {
  segment: string;
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}
export interface StripPoint {
  segment: string;
  account: string;
  days: number;
}

/** Each segment's row is this tall; the strip's dots spread over its middle half. */
export const BOX_ROW = 52;

export function boxLayout(stats: BoxStats[], points: StripPoint[], width: number) {
  const m = { top: 8, right: 16, bottom: 34, left: 112 };
  const w = Math.max(60, width - m.left - m.right);
  const h = stats.length * BOX_ROW;
  const hi = Math.max(1, ...stats.map((s) => s.max));
  const x = scaleLinear().domain([Math.min(0, ...stats.map((s) => s.min)), hi]).nice().range([0, w]);
  const rows = stats.map((s, r) => {
    const cy = r * BOX_ROW + BOX_ROW / 2;
    const mine = points.filter((p) => p.segment === s.segment);
    // A fixed spread by position in the list (no randomness: the same data draws the same picture).
    const dots = mine.map((p, i) => ({ ...p, cx: x(p.days), cy: cy + (((i * 7) % 9) - 4) * (BOX_ROW / 32) }));
    return { ...s, cy, x1: x(s.q1), x2: x(s.q3), xm: x(s.median), xlo: x(s.min), xhi: x(s.max), half: BOX_ROW * 0.22, dots };
  });
  const xTicks = x.ticks(Math.max(2, Math.floor(w / 70))).map((v) => ({ v, x: x(v) }));
  return { m, w, h, rows, xTicks };
}
