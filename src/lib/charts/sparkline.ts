/** A sparkline of shares by month: d3 scales and the line's path; the component only draws it. */
import { line, scaleLinear, scalePoint } from 'd3';

export interface SparkPoint {
  month: string;
  value: number | null;
}

/**
 * Shares (0…1) on a fixed 0–100% scale, so sparklines side by side compare; a month with no value breaks the
 * line (nothing is drawn through a month that counted nothing). `last` is the latest month with a value.
 */
export function sparkline(points: readonly SparkPoint[], width: number, height: number, pad = 2) {
  const x = scalePoint<string>().domain(points.map((p) => p.month)).range([pad, width - pad]);
  const y = scaleLinear().domain([0, 1]).range([height - pad, pad]).clamp(true);
  const path =
    line<SparkPoint>()
      .defined((p) => p.value !== null && Number.isFinite(p.value))
      .x((p) => x(p.month) ?? 0)
      .y((p) => y(p.value as number))(points as SparkPoint[]) ?? '';
  const valued = points.filter((p) => p.value !== null && Number.isFinite(p.value));
  const lastPoint = valued.at(-1) ?? null;
  const dots = valued.map((p) => ({ month: p.month, value: p.value as number, cx: x(p.month) ?? 0, cy: y(p.value as number) }));
  return { path, dots, last: lastPoint ? dots.at(-1)! : null };
}
