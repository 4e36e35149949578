/**
 * Account scatter: meetings (x) against progress gained (y), with the segment's medians as quadrant lines.
 * Meeting counts are whole numbers, so many accounts share an x: each is nudged sideways within its count's
 * band (a deterministic beeswarm) so marks do not sit on one another, and a click picks the nearest mark.
 */
import { Delaunay, extent, scaleLinear } from 'd3';

export interface Point {
  account: string;
  x: number;
  y: number;
  flag: string | null;
  /** All touches (every channel), for the mark's label. */
  touches?: number;
}

/** Centres closer than this overlap (the largest mark is 10 px wide). */
export const MARK_SPACING = 7;
/** A click farther than this from every mark's centre picks nothing. */
export const PICK_RADIUS = 12;

/**
 * Offsets that keep centres at least `spacing` apart where the band allows: each point, highest first, takes
 * the sideways offset nearest 0 (0, +s, −s, +2s, …, within ±halfBand) that clears the points already placed.
 * When none does (a crowd of equal points), the spot farthest from them on a finer grid that may also move
 * it up to `spacing` up or down, so no two centres coincide and each mark can still be clicked. A grid of
 * `spacing`-sized cells keeps the search local.
 */
export function swarmOffsets(pts: { px: number; py: number }[], halfBand: number, spacing = MARK_SPACING): { dx: number; dy: number }[] {
  const step = spacing / 3;
  const sideways = [0];
  for (let k = 1; k * step <= halfBand + 1e-9; k++) sideways.push(k * step, -k * step);
  const fine: { dx: number; dy: number }[] = [];
  const f = step / 4;
  for (let dx = -Math.floor(halfBand / f); dx * f <= halfBand + 1e-9; dx++) for (let dy = -Math.floor(spacing / f); dy * f <= spacing + 1e-9; dy++) fine.push({ dx: dx * f, dy: dy * f });
  const cells = new Map<string, { x: number; y: number }[]>();
  const nearest = (x: number, y: number) => {
    let best = Infinity;
    const cx = Math.floor(x / spacing);
    const cy = Math.floor(y / spacing);
    for (let i = cx - 1; i <= cx + 1; i++)
      for (let j = cy - 1; j <= cy + 1; j++) for (const q of cells.get(`${i},${j}`) ?? []) best = Math.min(best, Math.hypot(q.x - x, q.y - y));
    return best;
  };
  const order = pts.map((_, i) => i).sort((a, b) => pts[a].py - pts[b].py || pts[a].px - pts[b].px || a - b);
  const out: { dx: number; dy: number }[] = new Array(pts.length);
  for (const i of order) {
    const p = pts[i];
    let chosen: { dx: number; dy: number } | null = null;
    for (const dx of sideways) {
      if (nearest(p.px + dx, p.py) >= spacing) {
        chosen = { dx, dy: 0 };
        break;
      }
    }
    if (!chosen) {
      let bestGap = -1;
      for (const c of fine) {
        const gap = nearest(p.px + c.dx, p.py + c.dy) - 1e-6 * (Math.abs(c.dx) + Math.abs(c.dy)); // ties: nearer the true spot
        if (gap > bestGap) {
          bestGap = gap;
          chosen = c;
        }
      }
    }
    out[i] = chosen!;
    const x = p.px + chosen!.dx;
    const y = p.py + chosen!.dy;
    const k = `${Math.floor(x / spacing)},${Math.floor(y / spacing)}`;
    cells.set(k, [...(cells.get(k) ?? []), { x, y }]);
  }
  return out;
}

export function scatterLayout(points: Point[], medX: number | null, medY: number | null, width: number, height: number) {
  const m = { top: 10, right: 12, bottom: 34, left: 44 };
  const w = Math.max(40, width - m.left - m.right);
  const h = Math.max(40, height - m.top - m.bottom);
  const [x0, x1] = extent(points, (p) => p.x) as [number | undefined, number | undefined];
  const [y0, y1] = extent(points, (p) => p.y) as [number | undefined, number | undefined];
  const x = scaleLinear().domain([Math.min(0, x0 ?? 0), Math.max(1, x1 ?? 1)]).nice().range([0, w]);
  const y = scaleLinear().domain([Math.min(0, y0 ?? 0), Math.max(1, y1 ?? 1)]).nice().range([h, 0]);
  // A count's band: under half the distance to the next whole number, so a nudged mark never reads as its neighbour's count.
  const unit = Math.abs(x(1) - x(0));
  const halfBand = Math.max(MARK_SPACING / 2, 0.4 * unit);
  const base = points.map((p) => ({ px: x(p.x), py: y(p.y) }));
  const offsets = swarmOffsets(base, halfBand);
  const dots = points.map((p, i) => ({ ...p, cx: base[i].px + offsets[i].dx, cy: base[i].py + offsets[i].dy }));
  const delaunay = Delaunay.from(dots, (d) => d.cx, (d) => d.cy);
  return {
    m,
    w,
    h,
    dots,
    /** The mark nearest (px, py) in the plot's coordinates, within PICK_RADIUS; else null. */
    pick(px: number, py: number) {
      if (!dots.length) return null;
      const d = dots[delaunay.find(px, py)];
      return Math.hypot(d.cx - px, d.cy - py) <= PICK_RADIUS ? d : null;
    },
    medX: medX === null ? null : x(medX),
    medY: medY === null ? null : y(medY),
    xTicks: x.ticks(Math.max(2, Math.floor(w / 60))).filter(Number.isInteger).map((v) => ({ v, x: x(v) })),
    yTicks: y.ticks(Math.max(2, Math.floor(h / 40))).map((v) => ({ v, y: y(v) }))
  };
}
