/**
 * Held meetings in a window, as rows for the views to count: whole periods (calendar months, or ISO weeks
 * from Monday) come from a rollup, the days at either edge from the day-level facts. A year-long window then
 * reads a few tens of thousands of rows rather than every meeting. The bounds are constants, so the engine
 * skips the row groups outside them (every table here is in date order). A held meeting is never after
 * "as of", so the window's end needs no cap.
 */
import { dateLiteral, kindWhere, meetingPeopleWhere, type Filters } from './filters';

/*
 * What a touch count counts, as named SQL parts on a row alias `r` (a meeting, a fact or a rollup row).
 * The rollups, the marks' numbers and the drill-downs behind them all use these, so the rows a drill lists
 * are the rows its mark counts.
 */
export const isHeld = (r: string) => `${r}.status = 'held'`;
export const isCustomer = (r: string) => `${r}.kind = 'customer'`;
/** A held customer touch, on any channel (meeting, call, email, async, self-service). */
export const heldCustomerTouch = (r: string) => `${isCustomer(r)} AND ${isHeld(r)}`;
/** A touch that is a meeting (the scatter's x, the dark part of a week's bar). */
export const isMeetingChannel = (r: string) => `${r}.channel = 'meeting'`;
/** The filters on an account's touches: the CSMs named. Manager and team apply to the account (its CSM), see accountWhere. */
export const accountTouchFilter = (f: Filters, r: string) => meetingPeopleWhere({ ...f, managers: [], teams: [] }, r);
/** The filters on a period's touches (the weekly chart): the people and the meeting kinds named. */
export const periodTouchFilter = (f: Filters, r: string) => `${meetingPeopleWhere(f, r)} AND ${kindWhere(f, r)}`;

export type Grain = 'week' | 'month';

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first day of the period holding `day`. */
function periodStart(day: string, grain: Grain): string {
  if (grain === 'month') return `${day.slice(0, 8)}01`;
  return iso(t(day) - ((new Date(t(day)).getUTCDay() + 6) % 7) * DAY);
}

/** The last day of the period starting on `start`. */
export function periodEnd(start: string, grain: Grain): string {
  if (grain === 'week') return iso(t(start) + 6 * DAY);
  return iso(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0));
}

/** The whole periods inside [from, to] (ISO dates): the first one's start and the last one's, or null. */
export function fullPeriods(from: string, to: string, grain: Grain): { first: string; last: string } | null {
  const fromStart = periodStart(from, grain);
  const first = fromStart === from ? from : iso(t(periodEnd(fromStart, grain)) + DAY);
  const toStart = periodStart(to, grain);
  const last = periodEnd(toStart, grain) === to ? toStart : periodStart(iso(t(toStart) - DAY), grain);
  return first <= last ? { first, last } : null;
}

/** A span of days, both ends included (ISO dates). */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * The days of a window that a rollup by `grain` does not cover, so its counts read them from the day-level
 * facts: the days before its first whole period and after its last (the whole window when it holds none).
 * A published page fetches exactly these facts (rowNeeds.ts), so this is the one place that says which.
 */
export function factSpans(f: Pick<Filters, 'from' | 'to'>, grain: Grain): DaySpan[] {
  const full = fullPeriods(f.from, f.to, grain);
  if (!full) return f.from <= f.to ? [{ from: f.from, to: f.to }] : [];
  const spans: DaySpan[] = [];
  if (f.from < full.first) spans.push({ from: f.from, to: iso(t(full.first) - DAY) });
  const lastEnd = periodEnd(full.last, grain);
  if (lastEnd < f.to) spans.push({ from: iso(t(lastEnd) + DAY), to: f.to });
  return spans;
}

/** Rows of (d, …columns, n) in the window: a rollup by period (its rows dated by the period's start) and the edge days. */
function windowRows(f: Pick<Filters, 'from' | 'to'>, grain: Grain, rollup: string, columns: string, where: string): string {
  const facts = (s: DaySpan) => `SELECT d, ${columns}, n FROM meeting_facts f WHERE ${where} AND d BETWEEN ${dateLiteral(s.from)} AND ${dateLiteral(s.to)}`;
  const full = fullPeriods(f.from, f.to, grain);
  if (!full) return `(${facts({ from: f.from, to: f.to })})`;
  const edges = factSpans(f, grain).map((s) => `UNION ALL ${facts(s)}`);
  return `(SELECT p AS d, ${columns}, n FROM ${rollup} WHERE p BETWEEN ${dateLiteral(full.first)} AND ${dateLiteral(full.last)}
    ${edges.join('\n    ')})`;
}

/** Held customer touches: (d, account, csm, channel, n). */
export function heldCustomerTouches(f: Pick<Filters, 'from' | 'to'>): string {
  return windowRows(f, 'month', 'customer_months', 'account, csm, channel', heldCustomerTouch('f'));
}

/** Held meetings of every kind, for counts by week or month: (d, kind, channel, manager, csm, n). */
export function heldMeetings(f: Pick<Filters, 'from' | 'to'>, grain: Grain): string {
  return windowRows(f, grain, grain === 'week' ? 'held_weeks' : 'held_months', 'kind, channel, manager, csm', isHeld('f'));
}
