/**
 * Which rows of the tables a published page fetches in parts (layout/published.ts) a query set reads, so the
 * page fetches them first. Derived from the same functions that write the SQL: the day-level facts a window
 * reads are the days its rollups do not cover (touches.factSpans), and a drill-down reads the meetings of
 * its window that its target names (drill.ts). Never fewer rows than the SQL reads; the SQL still filters.
 */
import type { RowNeed } from '$lib/layout/published';
import type { Filters } from './filters';
import { capPeriod, previousPeriod, type Period } from './previousPeriod';
import { factSpans, periodEnd } from './touches';
import type { DrillTarget } from './drill';

const GRAINS = ['week', 'month'] as const;

/** The windows a view's queries count: the window, capped at "as of" or not, and the period before each. */
function windowsOf(f: Period, asOf: string | null): Period[] {
  const windows: Period[] = [{ from: f.from, to: f.to }];
  if (asOf) windows.push(capPeriod(f, asOf));
  for (const w of [...windows]) if (w.from <= w.to) windows.push(previousPeriod(w));
  return windows;
}

/** The day-level facts the views' touch counts read for these filters, at either grain, now and before. */
export function factNeeds(f: Pick<Filters, 'from' | 'to'>, asOf: string | null): RowNeed[] {
  return windowsOf(f, asOf).flatMap((w) => GRAINS.flatMap((g) => factSpans(w, g).map((s) => ({ table: 'meeting_facts', ...s }))));
}

/** The meetings a drill-down lists: those of its window, and of the account, manager, pair or period it names. */
export function drillNeeds(t: DrillTarget, f: Pick<Filters, 'from' | 'to'>): RowNeed[] {
  const need = (equals: Record<string, string>, from = f.from, to = f.to): RowNeed[] => [{ table: 'meetings', from, to, equals }];
  if (t.type === 'account') return need({ account: t.account });
  if (t.type === 'manager') return need({ manager: t.manager });
  if (t.type === 'pair') return need({ manager: t.manager, csm: t.csm });
  if (t.type === 'period') {
    const end = periodEnd(t.start, t.grain);
    return need({}, t.start > f.from ? t.start : f.from, end < f.to ? end : f.to);
  }
  return []; // goals and outcomes are whole tables
}
