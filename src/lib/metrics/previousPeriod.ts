/**
 * "This period against the previous period of the same length": the one definition every delta uses.
 * The previous period ends the day before the window starts and has as many days as the window
 * (both inclusive). Pass the window already capped at the data's "as of" date, so a window that runs
 * past the data compares like with like.
 */
const DAY_MS = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function toDay(iso: string): number {
  if (!ISO.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
}
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

export interface Period {
  from: string;
  to: string;
}

/** Days in a window, both ends included. */
export function periodDays(p: Period): number {
  return toDay(p.to) - toDay(p.from) + 1;
}

export function previousPeriod(p: Period): Period {
  const days = periodDays(p);
  if (days < 1) throw new Error(`empty window: ${p.from} – ${p.to}`);
  const end = toDay(p.from) - 1;
  return { from: toIso(end - days + 1), to: toIso(end) };
}

/** A window capped at "as of" (the end is never after the data's last date). */
export function capPeriod(p: Period, asOf: string): Period {
  return { from: p.from, to: p.to > asOf ? asOf : p.to };
}
