/** Weekly meeting volume (bars) and mean outcome progress (line, right axis) on one time axis. */
import { line, max, scaleBand, scaleLinear } from 'd3';
import { periodTickEvery, periodTickLabels } from './periodTicks';

export interface ComboWeek {
  week: string;
  customer: number;
  other: number;
  progress: number | null;
}

export function comboLayout(weeks: ComboWeek[], width: number, height: number, grain: 'week' | 'month' = 'week') {
  // Room on the left and right for the axes' names as well as their ticks.
  const m = { top: 12, right: 56, bottom: 28, left: 54 };
  const w = Math.max(40, width - m.left - m.right);
  const h = Math.max(40, height - m.top - m.bottom);
  const x = scaleBand<string>().domain(weeks.map((d) => d.week)).range([0, w]).paddingInner(0.2);
  const y = scaleLinear().domain([0, Math.max(1, max(weeks, (d) => d.customer + d.other) ?? 1)]).nice().range([h, 0]);
  const yp = scaleLinear().domain([0, 100]).range([h, 0]);
  const bars = weeks.map((d) => ({
    ...d,
    x: x(d.week)!,
    w: x.bandwidth(),
    yCustomer: y(d.customer),
    hCustomer: h - y(d.customer),
    yOther: y(d.customer + d.other),
    hOther: y(d.customer) - y(d.customer + d.other)
  }));
  const path =
    line<ComboWeek>()
      .defined((d) => d.progress !== null)
      .x((d) => x(d.week)! + x.bandwidth() / 2)
      .y((d) => yp(d.progress ?? 0))(weeks) ?? '';
  const spansYears = new Set(weeks.map((d) => d.week.slice(0, 4))).size > 1;
  const every = periodTickEvery(weeks.length, w, spansYears);
  const shown = weeks.filter((_, i) => i % every === 0);
  const labels = periodTickLabels(shown.map((d) => d.week), grain);
  return {
    m,
    w,
    h,
    bars,
    path,
    xTicks: shown.map((d, i) => ({ week: d.week, label: labels[i], x: x(d.week)! + x.bandwidth() / 2 })),
    yTicks: y.ticks(4).map((v) => ({ v, y: y(v) })),
    pTicks: [0, 25, 50, 75, 100].map((v) => ({ v, y: yp(v) }))
  };
}
