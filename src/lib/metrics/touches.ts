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

/** A span cut at month ends, so no piece crosses one. */
function byMonth(s: DaySpan): DaySpan[] {
  const pieces: DaySpan[] = [];
  for (let from = s.from; from <= s.to; ) {
    const end = periodEnd(periodStart(from, 'month'), 'month');
    pieces.push({ from, to: end < s.to ? end : s.to });
    from = iso(t(end) + DAY);
  }
  return pieces;
}

/** A span's whole periods of `grain`, and the days before and after them (all of it when it holds none). */
function splitSpan(s: DaySpan, grain: Grain): { whole: { first: string; last: string } | null; rest: DaySpan[] } {
  const whole = fullPeriods(s.from, s.to, grain);
  if (!whole) return { whole, rest: [s] };
  const rest: DaySpan[] = [];
  if (s.from < whole.first) rest.push({ from: s.from, to: iso(t(whole.first) - DAY) });
  const wholeEnd = periodEnd(whole.last, grain);
  if (wholeEnd < s.to) rest.push({ from: iso(t(wholeEnd) + DAY), to: s.to });
  return { whole, rest };
}

/**
 * How a window is read, coarsest first: its whole periods of `grain` from that grain's rollup; at the month
 * grain, the whole ISO weeks of what is left (cut at month ends first, so each week counts in its month)
 * from the weekly rollup; and the remaining days from the day-level facts. A year-long window then reads
 * under two weeks of days, not the two part-months at its ends.
 */
export interface WindowCover {
  periods: { first: string; last: string } | null;
  weeks: { first: string; last: string }[];
  days: DaySpan[];
}

export function windowCover(f: Pick<Filters, 'from' | 'to'>, grain: Grain): WindowCover {
  if (f.from > f.to) return { periods: null, weeks: [], days: [] };
  const { whole: periods, rest } = splitSpan(f, grain);
  if (grain === 'week') return { periods, weeks: [], days: rest };
  const weeks: WindowCover['weeks'] = [];
  const days: DaySpan[] = [];
  for (const piece of rest.flatMap(byMonth)) {
    const inWeeks = splitSpan(piece, 'week');
    if (inWeeks.whole) weeks.push(inWeeks.whole);
    days.push(...inWeeks.rest);
  }
  return { periods, weeks, days };
}

/**
 * The days of a window that its rollups do not cover, so its counts read them from the day-level facts.
 * A published page fetches exactly these facts (rowNeeds.ts), so this is the one place that says which.
 */
export const factSpans = (f: Pick<Filters, 'from' | 'to'>, grain: Grain): DaySpan[] => windowCover(f, grain).days;

/** The rollups a count reads, by grain (the weekly one also for the whole weeks of part-months). */
interface Rollups {
  week: string;
  month: string;
}

/** Rows of (d, …columns, n) in the window: rollup rows dated by their period's start, and the remaining days' facts. */
function windowRows(f: Pick<Filters, 'from' | 'to'>, grain: Grain, rollups: Rollups, columns: string, where: string): string {
  const cover = windowCover(f, grain);
  const rollup = (table: string, p: { first: string; last: string }) =>
    `SELECT p AS d, ${columns}, n FROM ${table} WHERE p BETWEEN ${dateLiteral(p.first)} AND ${dateLiteral(p.last)}`;
  const parts = [
    ...(cover.periods ? [rollup(rollups[grain], cover.periods)] : []),
    ...cover.weeks.map((w) => rollup(rollups.week, w)),
    ...cover.days.map((s) => `SELECT d, ${columns}, n FROM meeting_facts f WHERE ${where} AND d BETWEEN ${dateLiteral(s.from)} AND ${dateLiteral(s.to)}`)
  ];
  // An empty window still yields the columns (no rows).
  if (!parts.length) parts.push(`SELECT d, ${columns}, n FROM meeting_facts f WHERE false`);
  return `(${parts.join('\n    UNION ALL ')})`;
}

/** Held customer touches: (d, account, csm, channel, n). */
export function heldCustomerTouches(f: Pick<Filters, 'from' | 'to'>): string {
  return windowRows(f, 'month', { week: 'customer_weeks', month: 'customer_months' }, 'account, csm, channel', heldCustomerTouch('f'));
}

/** Held meetings of every kind, for counts by week or month: (d, kind, channel, manager, csm, n). */
export function heldMeetings(f: Pick<Filters, 'from' | 'to'>, grain: Grain): string {
  return windowRows(f, grain, { week: 'held_weeks', month: 'held_months' }, 'kind, channel, manager, csm', isHeld('f'));
}
