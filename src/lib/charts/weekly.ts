/** View model for a weekly bar chart: plain data in, positioned marks and ticks out (d3 for the math). */
import { plural } from '$lib/format';
import { max, scaleLinear, scaleUtc, utcFormat, utcMonth, utcWeek } from 'd3';

export interface WeekPoint {
  week: string; // YYYY-MM-DD, a Monday
  rows: number;
}
export interface Bar {
  week: string;
  rows: number;
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}
export interface WeeklyLayout {
  bars: Bar[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
  innerWidth: number;
  innerHeight: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const weekLabel = utcFormat('%b %-d, %Y');

export function weeklyLayout(points: WeekPoint[], width: number, height: number): WeeklyLayout {
  const margin = { top: 12, right: 12, bottom: 28, left: 44 };
  const innerWidth = Math.max(10, width - margin.left - margin.right);
  const innerHeight = Math.max(10, height - margin.top - margin.bottom);
  if (!points.length) return { bars: [], xTicks: [], yTicks: [], innerWidth, innerHeight, margin };
  const first = day(points[0].week);
  const last = utcWeek.offset(day(points[points.length - 1].week), 1);
  const x = scaleUtc().domain([first, last]).range([0, innerWidth]);
  const y = scaleLinear()
    .domain([0, max(points, (p) => p.rows) ?? 1])
    .nice()
    .range([innerHeight, 0]);
  const step = x(utcWeek.offset(first, 1)) - x(first);
  const gap = step > 6 ? 1 : 0;
  const bars = points.map((p) => {
    const x0 = x(day(p.week));
    return {
      week: p.week,
      rows: p.rows,
      x: x0 + gap / 2,
      y: y(p.rows),
      width: Math.max(1, step - gap),
      height: innerHeight - y(p.rows),
      label: `Week of ${weekLabel(day(p.week))}: ${plural(p.rows, 'row')}`
    };
  });
  const months = Math.max(1, Math.round(innerWidth / 90));
  const xTicks = x.ticks(Math.min(months, utcMonth.count(first, last) + 1)).map((d) => ({ x: x(d), label: x.tickFormat()(d) }));
  const yTicks = y.ticks(Math.max(2, Math.floor(innerHeight / 40))).map((v) => ({ y: y(v), label: v.toLocaleString('en-US') }));
  return { bars, xTicks, yTicks, innerWidth, innerHeight, margin };
}
