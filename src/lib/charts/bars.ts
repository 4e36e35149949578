/**
 * View model for a bar chart of one value per category (a histogram's bins, a month's count or mean): plain
 * data in, positioned bars and ticks out (d3 for the scales). Histogram ticks sit on the bins' edges; period
 * ticks under the bars, thinned to fit their labels (periodTicks.ts).
 */
import { max, scaleBand, scaleLinear } from 'd3';
import { periodTickEvery, periodTickLabels } from './periodTicks';

export interface BarDatum {
  /** The category: a bin's lower edge, or a month's first day. */
  key: string;
  /** null: no value for the category (drawn as no bar, unlike 0). */
  value: number | null;
}

export interface BarsOptions {
  /** Histogram: ticks on the bin edges, `edge(i)` naming edge i (0 … bars), every `edgeEvery`-th shown. */
  edges?: { label: (i: number) => string; every?: number };
  /** Months (keys are their first days): ticks under the bars. */
  months?: boolean;
  /** A fixed top of the value axis (percentages: 100); else the largest value, rounded up. */
  yMax?: number;
}

export interface BarsLayout {
  m: { top: number; right: number; bottom: number; left: number };
  w: number;
  h: number;
  bars: (BarDatum & { x: number; y: number; bw: number; bh: number })[];
  xTicks: { x: number; label: string }[];
  yTicks: { v: number; y: number }[];
}

export function barsLayout(data: BarDatum[], width: number, height: number, opts: BarsOptions = {}): BarsLayout {
  const m = { top: 10, right: 12, bottom: 30, left: 48 };
  const w = Math.max(40, width - m.left - m.right);
  const h = Math.max(40, height - m.top - m.bottom);
  // Bins touch (a histogram measures a continuous value); months are apart.
  const x = scaleBand<string>().domain(data.map((d) => d.key)).range([0, w]).paddingInner(0.2).paddingOuter(0.1);
  // Bins touch but for a hairline (a histogram measures a continuous value): bin i spans edge i to edge i + 1.
  const step = w / Math.max(1, data.length);
  const gap = Math.min(2, step * 0.1);
  const top = opts.yMax ?? Math.max(1, max(data, (d) => d.value ?? 0) ?? 1);
  const y = scaleLinear().domain([0, top]).nice().range([h, 0]);
  const bars = data.map((d, i) => {
    const v = d.value ?? 0;
    const [bx, bw] = opts.edges ? [i * step + gap / 2, step - gap] : [x(d.key)!, x.bandwidth()];
    return { ...d, x: bx, y: y(v), bw, bh: d.value === null ? 0 : h - y(v) };
  });
  let xTicks: { x: number; label: string }[] = [];
  if (opts.edges && data.length) {
    const every = opts.edges.every ?? Math.max(1, Math.ceil((data.length + 1) / Math.max(2, Math.floor(w / 44))));
    for (let i = 0; i <= data.length; i += every) xTicks.push({ x: i * step, label: opts.edges.label(i) });
  } else if (data.length) {
    const spansYears = new Set(data.map((d) => d.key.slice(0, 4))).size > 1;
    const every = periodTickEvery(data.length, w, spansYears);
    const shown = data.filter((_, i) => i % every === 0);
    const labels = opts.months ? periodTickLabels(shown.map((d) => d.key), 'month') : shown.map((d) => d.key);
    xTicks = shown.map((d, i) => ({ x: x(d.key)! + x.bandwidth() / 2, label: labels[i] }));
  }
  const yTicks = y.ticks(Math.max(2, Math.min(5, Math.floor(h / 36)))).filter((v) => Number.isInteger(v) || top < 5).map((v) => ({ v, y: y(v) }));
  return { m, w, h, bars, xTicks, yTicks };
}

/** The first day of each calendar month from `from`'s month to `to`'s (ISO dates). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let mo = Number(from.slice(5, 7));
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard++) {
    const key = `${y}-${String(mo).padStart(2, '0')}`;
    if (key > end) break;
    out.push(`${key}-01`);
    mo = mo === 12 ? 1 : mo + 1;
    if (mo === 1) y++;
  }
  return out;
}

/** Every bin from `lo` to `hi` (lower edges, `width` apart), with the counts given and 0 elsewhere. */
export function fillBins(rows: { bin: number; n: number }[], lo: number, hi: number, width: number): BarDatum[] {
  const by = new Map(rows.map((r) => [r.bin, r.n]));
  const out: BarDatum[] = [];
  for (let b = lo; b <= hi; b += width) out.push({ key: String(b), value: by.get(b) ?? 0 });
  return out;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** A month by its first day, in words: "February 2026". */
export const monthLabel = (iso: string) => `${MONTH_NAMES[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
