/** Account scatter: meetings (x) against progress gained (y), with the segment's medians as quadrant lines. */
import { extent, scaleLinear } from 'd3';

export interface Point {
  account: string;
  x: number;
  y: number;
  flag: string | null;
}

export function scatterLayout(points: Point[], medX: number | null, medY: number | null, width: number, height: number) {
  const m = { top: 10, right: 12, bottom: 34, left: 44 };
  const w = Math.max(40, width - m.left - m.right);
  const h = Math.max(40, height - m.top - m.bottom);
  const [x0, x1] = extent(points, (p) => p.x) as [number | undefined, number | undefined];
  const [y0, y1] = extent(points, (p) => p.y) as [number | undefined, number | undefined];
  const x = scaleLinear().domain([Math.min(0, x0 ?? 0), Math.max(1, x1 ?? 1)]).nice().range([0, w]);
  const y = scaleLinear().domain([Math.min(0, y0 ?? 0), Math.max(1, y1 ?? 1)]).nice().range([h, 0]);
  return {
    m,
    w,
    h,
    dots: points.map((p) => ({ ...p, cx: x(p.x), cy: y(p.y) })),
    medX: medX === null ? null : x(medX),
    medY: medY === null ? null : y(medY),
    xTicks: x.ticks(Math.max(2, Math.floor(w / 60))).map((v) => ({ v, x: x(v) })),
    yTicks: y.ticks(Math.max(2, Math.floor(h / 40))).map((v) => ({ v, y: y(v) }))
  };
}
