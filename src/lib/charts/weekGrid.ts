/** Pair × week grid layout: rows are manager–report pairs, columns ISO weeks, cells a status. */
import { scaleBand } from 'd3';
import { periodTickEvery, periodTickLabels } from './periodTicks';

export type WeekStatus = 'held' | 'rescheduled' | 'cancelled' | 'no_show' | 'missing' | 'not_due';
export interface GridCell {
  pair: string;
  week: string;
  status: WeekStatus;
}
export interface GridRow {
  pair: string;
  manager: string;
  report: string;
}

/** Each status has a glyph as well as a colour, so colour never carries the meaning alone. */
export const STATUS_STYLE: Record<WeekStatus, { label: string; glyph: string; cls: string }> = {
  held: { label: 'held', glyph: '', cls: 'held' },
  rescheduled: { label: 'rescheduled', glyph: '↻', cls: 'rescheduled' },
  cancelled: { label: 'cancelled', glyph: '✕', cls: 'cancelled' },
  no_show: { label: 'no-show', glyph: '–', cls: 'no-show' },
  missing: { label: 'missing', glyph: '', cls: 'missing' },
  /** On a fortnightly or monthly plan, a week with no 1:1 that is still within plan. */
  not_due: { label: 'between planned 1:1s', glyph: '', cls: 'not-due' }
};

export function gridLayout(rows: GridRow[], weeks: string[], cells: GridCell[], width: number, labelWidth: number) {
  const rowH = 18;
  const innerW = Math.max(40, width - labelWidth);
  const x = scaleBand<string>().domain(weeks).range([0, innerW]).paddingInner(0.12);
  const y = scaleBand<string>().domain(rows.map((r) => r.pair)).range([0, rows.length * rowH]).paddingInner(0.15);
  const marks = cells
    .filter((c) => x(c.week) !== undefined && y(c.pair) !== undefined)
    .map((c) => ({ ...c, x: x(c.week)!, y: y(c.pair)!, w: x.bandwidth(), h: y.bandwidth() }));
  const every = periodTickEvery(weeks.length, innerW, new Set(weeks.map((w) => w.slice(0, 4))).size > 1);
  const shown = weeks.filter((_, i) => i % every === 0);
  const labels = periodTickLabels(shown, 'week');
  const ticks = shown.map((w, i) => ({ week: w, label: labels[i], x: x(w)! + x.bandwidth() / 2 }));
  return { marks, ticks, rowY: (pair: string) => (y(pair) ?? 0) + y.bandwidth() / 2, height: rows.length * rowH + 24, innerW };
}

/** Above this many cells the grid draws one shape per status rather than one element per cell. */
export const DENSE_CELLS = 1500;

/**
 * The cells of each status as one SVG path (a rectangle per cell): a year of weeks for a few hundred pairs
 * is tens of thousands of cells, and one element each took most of a filter change to render.
 */
export function cellPaths(marks: { status: WeekStatus; x: number; y: number; w: number; h: number }[]): { status: WeekStatus; d: string }[] {
  const by = new Map<WeekStatus, string[]>();
  const r = (v: number) => Math.round(v * 100) / 100;
  for (const m of marks) {
    const parts = by.get(m.status) ?? [];
    parts.push(`M${r(m.x)},${r(m.y)}h${r(m.w)}v${r(m.h)}h${-r(m.w)}z`);
    by.set(m.status, parts);
  }
  return [...by].map(([status, parts]) => ({ status, d: parts.join('') }));
}
