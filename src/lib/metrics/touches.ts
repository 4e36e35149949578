/**
 * Customer meetings held in a window, as rows of (d, account, csm, channel, n) for the views to count:
 * whole calendar months come from the monthly rollup, the days at either edge from the day-level facts.
 * A year-long window then reads a few tens of thousands of rows rather than every meeting. The bounds are
 * constants, so the engine skips the row groups outside them (both tables are in date order).
 */
import { dateLiteral, type Filters } from './filters';

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The whole calendar months inside [from, to] (ISO dates): the first month's start and the last one's, or null. */
export function fullMonths(from: string, to: string): { first: string; last: string } | null {
  const f = new Date(t(from));
  const first = f.getUTCDate() === 1 ? from : iso(Date.UTC(f.getUTCFullYear(), f.getUTCMonth() + 1, 1));
  const end = new Date(t(to) + DAY); // the day after `to`: a month ends inside the window when this is the 1st
  const lastEnd = end.getUTCDate() === 1 ? to : iso(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 0));
  const last = lastEnd.slice(0, 8) + '01';
  return first <= last && t(lastEnd) >= t(first) ? { first, last } : null;
}

/** Held customer touches in the window (a held meeting is never after "as of", so `to` needs no cap). */
export function heldCustomerTouches(f: Pick<Filters, 'from' | 'to'>): string {
  const facts = (cond: string) =>
    `SELECT d, account, csm, channel, n FROM meeting_facts WHERE kind = 'customer' AND status = 'held' AND ${cond}`;
  const months = fullMonths(f.from, f.to);
  if (!months) return `(${facts(`d BETWEEN ${dateLiteral(f.from)} AND ${dateLiteral(f.to)}`)})`;
  const lastDay = iso(Date.UTC(Number(months.last.slice(0, 4)), Number(months.last.slice(5, 7)), 0));
  return `(SELECT mo AS d, account, csm, channel, n FROM customer_months WHERE mo BETWEEN ${dateLiteral(months.first)} AND ${dateLiteral(months.last)}
    UNION ALL ${facts(`d >= ${dateLiteral(f.from)} AND d < ${dateLiteral(months.first)}`)}
    UNION ALL ${facts(`d > ${dateLiteral(lastDay)} AND d <= ${dateLiteral(f.to)}`)})`;
}
