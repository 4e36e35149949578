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
 * When none does (a crowd of equal points), a spot on a finer grid that may also move it up to `spacing` up
 * or down: the nearest to the true spot that is at least half a spacing from every placed centre, else the
 * farthest from them, so no two centres coincide and each mark can still be clicked. A grid of
 * `spacing`-sized cells keeps the sideways test local; the finer grid keeps, per node, the distance to the
 * nearest placed centre, so a crowd of thousands is placed in milliseconds (a search per point took seconds).
 */
export function swarmOffsets(pts: { px: number; py: number }[], halfBand: number, spacing = MARK_SPACING): { dx: number; dy: number }[] {
  const out: { dx: number; dy: number }[] = new Array(pts.length);
  if (!pts.length) return out;
  const step = spacing / 3;
  const sideways = [0];
  for (let k = 1; k * step <= halfBand + 1e-9; k++) sideways.push(k * step, -k * step);
  const cells = new Map<number, number[]>();
  const key = (i: number, j: number) => i * 1_048_576 + j;
  const clears = (x: number, y: number) => {
    const cx = Math.floor(x / spacing);
    const cy = Math.floor(y / spacing);
    for (let i = cx - 1; i <= cx + 1; i++)
      for (let j = cy - 1; j <= cy + 1; j++) {
        const q = cells.get(key(i, j));
        if (q)
          for (let k = 0; k < q.length; k += 2) {
            const dx = q[k] - x;
            const dy = q[k + 1] - y;
            if (dx * dx + dy * dy < spacing * spacing) return false;
          }
      }
    return true;
  };
  // The finer grid: nodes `f` apart over everything a point can reach, each with its distance to the nearest
  // placed centre (kept within `spacing`; farther counts as clear).
  const f = step / 4;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const p of pts) {
    x0 = Math.min(x0, p.px);
    x1 = Math.max(x1, p.px);
    y0 = Math.min(y0, p.py);
    y1 = Math.max(y1, p.py);
  }
  const ox = x0 - halfBand - 2 * spacing;
  const oy = y0 - 3 * spacing;
  const cols = Math.ceil((x1 - x0 + 2 * halfBand + 4 * spacing) / f) + 1;
  const rows = Math.ceil((y1 - y0 + 6 * spacing) / f) + 1;
  // Made on the first crowd (most plots never have one), from every centre placed so far, then kept up to date.
  let field: Float32Array | null = null;
  const placed: number[] = [];
  const mark = (x: number, y: number) => {
    const f2 = field!;
    for (let i = Math.max(0, Math.ceil((x - spacing - ox) / f)), iEnd = Math.min(cols - 1, Math.floor((x + spacing - ox) / f)); i <= iEnd; i++) {
      const ddx = ox + i * f - x;
      for (let j = Math.max(0, Math.ceil((y - spacing - oy) / f)), jEnd = Math.min(rows - 1, Math.floor((y + spacing - oy) / f)); j <= jEnd; j++) {
        const ddy = oy + j * f - y;
        const d = Math.sqrt(ddx * ddx + ddy * ddy);
        if (d < f2[i * rows + j]) f2[i * rows + j] = d;
      }
    }
  };
  const place = (x: number, y: number) => {
    const k = key(Math.floor(x / spacing), Math.floor(y / spacing));
    const cell = cells.get(k);
    if (cell) cell.push(x, y);
    else cells.set(k, [x, y]);
    if (field) mark(x, y);
    else placed.push(x, y);
  };
  const enough = spacing / 2;
  const crowded = (p: { px: number; py: number }) => {
    if (!field) {
      field = new Float32Array(cols * rows).fill(Infinity);
      for (let k = 0; k < placed.length; k += 2) mark(placed[k], placed[k + 1]);
    }
    // The nearest node at least `enough` clear, else the clearest: kept as numbers, not an object per better
    // node (a crowd of thousands made millions of them).
    let nearDx = 0, nearDy = 0, nearTie = Infinity;
    let farDx = 0, farDy = 0, farGap = -1;
    for (let i = Math.ceil((p.px - halfBand - 1e-9 - ox) / f), iEnd = Math.floor((p.px + halfBand + 1e-9 - ox) / f); i <= iEnd; i++)
      for (let j = Math.ceil((p.py - spacing - 1e-9 - oy) / f), jEnd = Math.floor((p.py + spacing + 1e-9 - oy) / f); j <= jEnd; j++) {
        const dx = ox + i * f - p.px;
        const dy = oy + j * f - p.py;
        const gap = field[i * rows + j];
        const tie = Math.abs(dx) + Math.abs(dy);
        if (gap >= enough) {
          if (tie < nearTie - 1e-9) {
            nearDx = dx;
            nearDy = dy;
            nearTie = tie;
          }
        } else if (gap - 1e-6 * tie > farGap) {
          farDx = dx;
          farDy = dy;
          farGap = gap - 1e-6 * tie;
        }
      }
    return nearTie < Infinity ? { dx: nearDx, dy: nearDy } : { dx: farDx, dy: farDy };
  };
  const order = pts.map((_, i) => i).sort((a, b) => pts[a].py - pts[b].py || pts[a].px - pts[b].px || a - b);
  for (const i of order) {
    const p = pts[i];
    const dx = sideways.find((dx) => clears(p.px + dx, p.py));
    const chosen = dx === undefined ? crowded(p) : { dx, dy: 0 };
    out[i] = { dx: chosen.dx, dy: chosen.dy };
    place(p.px + chosen.dx, p.py + chosen.dy);
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
