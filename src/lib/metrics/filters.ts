/**
 * The global filters every view applies, and the SQL conditions they become. Values are quoted here;
 * components only ever hand over a Filters object.
 */
import { literal } from '$lib/engine/sql';

export interface Filters {
  /** Window start and end, ISO dates (inclusive). The end is capped at the data's "as of" date. */
  from: string;
  to: string;
  managers: string[];
  teams: string[];
  csms: string[];
  segments: string[];
  kinds: string[];
}

export const NO_FILTERS: Omit<Filters, 'from' | 'to'> = { managers: [], teams: [], csms: [], segments: [], kinds: [] };

const ISO = /^\d{4}-\d{2}-\d{2}$/;
export function dateLiteral(iso: string): string {
  if (!ISO.test(iso)) throw new Error(`not an ISO date: ${iso}`);
  return `DATE ${literal(iso)}`;
}

const inList = (expr: string, values: string[]) => (values.length ? `${expr} IN (${values.map((v) => literal(v)).join(', ')})` : 'true');

/** Conditions on a meetings row `m` (people filters; team through the roster). */
export function meetingPeopleWhere(f: Filters, m = 'm'): string {
  const team = f.teams.length
    ? `(EXISTS (SELECT 1 FROM people p WHERE p.person_key = ${m}.csm AND ${inList('p.team', f.teams)}) OR EXISTS (SELECT 1 FROM people p WHERE p.person_key = ${m}.manager AND ${inList('p.team', f.teams)}))`
    : 'true';
  return [inList(`${m}.manager`, f.managers), inList(`${m}.csm`, f.csms), team].join(' AND ');
}

/** Conditions on an account-level row with `account`, `segment` and `csm` columns. */
export function accountWhere(f: Filters, a = 'a'): string {
  const team = f.teams.length ? `EXISTS (SELECT 1 FROM people p WHERE p.person_key = ${a}.csm AND ${inList('p.team', f.teams)})` : 'true';
  const manager = f.managers.length ? `EXISTS (SELECT 1 FROM people p WHERE p.person_key = ${a}.csm AND ${inList('p.manager_key', f.managers)})` : 'true';
  return [inList(`${a}.segment`, f.segments), inList(`${a}.csm`, f.csms), team, manager].join(' AND ');
}

export function kindWhere(f: Filters, m = 'm'): string {
  return inList(`${m}.kind`, f.kinds);
}

/** The data's "as of" date, computed once per build (see derived.ts). */
export const AS_OF_SQL = `(SELECT as_of FROM data_range)`;

/** The CTE every metric query starts with: the window, capped at "as of". */
export function paramsCte(f: Filters): string {
  return `params AS (SELECT ${dateLiteral(f.from)} AS w_from, least(${dateLiteral(f.to)}, (${AS_OF_SQL})) AS w_to, (${AS_OF_SQL}) AS as_of)`;
}
