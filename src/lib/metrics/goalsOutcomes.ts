/** Goals and outcomes (docs/METRICS.md): latest check-in / snapshot, pacing, at-risk, achieved/open/overdue, time to first value. */
import { accountWhere, paramsCte, type Filters } from './filters';
import { literal } from '$lib/engine/sql';

const inList = (expr: string, values: string[]) => (values.length ? `${expr} IN (${values.map((v) => literal(v)).join(', ')})` : 'true');

/** Which goal a goals row `g` is a check-in of: its id, else its title and owner. */
export const goalKey = (g: string) => `coalesce(${g}.goal_id, ${g}.title || '|' || coalesce(${g}.owner, ''))`;

/**
 * The goals in the filters, each at its latest check-in, with its team, time elapsed, pacing and whether it
 * is at risk (CTE `g`); the tables and the charts of the Goals view all count from it.
 */
export function goalBase(f: Filters): string {
  return `WITH ${paramsCte(f)},
  latest AS (
    SELECT g.*, ${goalKey('g')} AS goal_key FROM goals g
    QUALIFY row_number() OVER (PARTITION BY ${goalKey('g')} ORDER BY g.updated_at DESC NULLS LAST, g.source_id DESC, g.source_row DESC) = 1),
  paced AS (
    SELECT l.*, coalesce(p.team, '(no team)') AS team,
      CASE WHEN l.start_date IS NULL OR l.due_date IS NULL THEN NULL
           WHEN l.due_date <= l.start_date THEN CASE WHEN l.paced_at >= l.due_date THEN 100 ELSE 0 END
           ELSE least(100, greatest(0, date_diff('day', l.start_date, l.paced_at) * 100.0 / date_diff('day', l.start_date, l.due_date))) END AS elapsed_pct
    FROM (SELECT *, least(coalesce(CAST(updated_at AS DATE), params.as_of), params.as_of) AS paced_at FROM latest, params) l CROSS JOIN params LEFT JOIN (SELECT person_key, any_value(team) AS team FROM people GROUP BY ALL) p ON p.person_key = l.owner
    WHERE (l.start_date IS NULL OR l.start_date <= params.w_to) AND (l.due_date IS NULL OR l.due_date >= params.w_from)
      AND ${inList('l.owner', f.csms)} AND ${inList('l.manager', f.managers)} AND ${f.teams.length ? inList('p.team', f.teams) : 'true'}),
  flagged AS (
    -- Progress is as of the check-in, so pacing is measured then; a goal its own status calls behind is never ahead.
    SELECT * EXCLUDE (pacing_raw), CASE WHEN status IN ('at_risk', 'off_track') THEN least(pacing_raw, 0) ELSE pacing_raw END AS pacing,
      status IN ('at_risk', 'off_track') AS risk_by_status,
      coalesce(status, '') NOT IN ('achieved', 'missed', 'dropped') AND pacing_raw < -${BEHIND_PACE_POINTS} AS risk_by_pacing
    FROM (SELECT *, progress_pct - elapsed_pct AS pacing_raw FROM paced)),
  g AS (
    -- Which rule flagged the goal, so a row whose own status says "on track" says why it is listed.
    SELECT *, coalesce(risk_by_status OR risk_by_pacing, false) AS at_risk,
      CASE WHEN risk_by_status THEN 'status' WHEN risk_by_pacing THEN 'pacing' END AS risk_rule
    FROM flagged)`;
}

/** An open goal more than this many points behind pace is at risk whatever its status says. */
export const BEHIND_PACE_POINTS = 20;

/** Why a goal is on the at-risk list, in words: its status, or how far behind pace it is. */
export function riskReason(rule: unknown, status: unknown, pacing: unknown): string {
  const said = typeof status === 'string' && status ? status.replace('_', ' ') : null;
  if (rule === 'status') return `Status says ${said}`;
  if (rule === 'pacing' && typeof pacing === 'number') {
    return `${Math.round(-pacing)} pts behind pace (more than ${BEHIND_PACE_POINTS})${said ? `, though its status says ${said}` : ''}`;
  }
  return '—';
}

/** One row per goal owner: goals, mean progress, mean pacing, at risk. */
export function goalsByOwnerSql(f: Filters): string {
  return `${goalBase(f)}
  SELECT owner, coalesce(n.name, owner) AS owner_name, any_value(team) AS team, count(*)::INTEGER AS goals, avg(progress_pct) AS mean_progress,
    avg(pacing) AS mean_pacing, count(*) FILTER (at_risk)::INTEGER AS at_risk,
    count(*) FILTER (status = 'achieved')::INTEGER AS achieved
  FROM g LEFT JOIN person_names n ON n.person_key = g.owner
  GROUP BY owner, n.name ORDER BY at_risk DESC, mean_pacing`;
}

/** One row per team: the same figures pooled over the team's goals. */
export function goalsByTeamSql(f: Filters): string {
  return `${goalBase(f)}
  SELECT team, count(DISTINCT owner)::INTEGER AS owners, count(*)::INTEGER AS goals, avg(progress_pct) AS mean_progress, avg(pacing) AS mean_pacing,
    count(*) FILTER (at_risk)::INTEGER AS at_risk, count(*) FILTER (status = 'achieved')::INTEGER AS achieved,
    count(*) FILTER (status IN ('missed', 'dropped'))::INTEGER AS missed
  FROM g GROUP BY team ORDER BY team`;
}

/** The goals at risk, worst pacing first. */
export function goalsAtRiskSql(f: Filters): string {
  return `${goalBase(f)}
  SELECT title, coalesce(n.name, owner) AS owner_name, team, status, risk_rule, progress_pct, elapsed_pct, pacing, strftime(due_date, '%Y-%m-%d') AS due
  FROM g LEFT JOIN person_names n ON n.person_key = g.owner WHERE at_risk ORDER BY pacing NULLS LAST, title`;
}

/** Achieved: by its status or by its progress (an outcome with neither known is not achieved). */
export const achieved = (o: string) => `(${o}.status = 'achieved' OR ${o}.progress_pct >= 100)`;
/** The day an outcome row `o` stands for: its as-of date; without one, its due date, else "as of". Needs `params`. */
const SNAP_DAY = (o: string) => `coalesce(${o}.as_of, ${o}.due_date, params.as_of)`;
/** Each snapshot's keys and the day it stands for: what picking the latest one reads (its row is joined after,
 *  by outcome_id, source_id and source_row; ranking whole rows held every column of every snapshot). Needs `params`. */
export const SNAP_KEYS_CTE = `snap_keys AS (SELECT o.outcome_id, o.as_of, o.source_id, o.source_row, ${SNAP_DAY('o')} AS snap_d FROM outcomes o, params)`;
/** Of an outcome's snapshots, the latest first (the later file and row on the same date). */
export const SNAPSHOT_ORDER = 's.as_of DESC NULLS LAST, s.source_id DESC, s.source_row DESC';

/**
 * Outcomes as of the window's end: each one's latest snapshot by then, its state on that day, and what
 * changed within the window: progress gained (as on Meetings vs outcomes: the snapshot by the end minus the
 * last one before the start, 0 if none, for outcomes with a snapshot in the window) and whether it became
 * achieved in it.
 */
export function outcomeBase(f: Filters, rowsFrom?: string): string {
  if (rowsFrom) return `WITH ${paramsCte(f)}, o AS (SELECT * FROM ${rowsFrom})`;
  const latestBy = (cond: string) => `SELECT o.*, s.snap_d FROM outcomes o JOIN (
      SELECT s.outcome_id, s.source_id, s.source_row, s.snap_d FROM snap_keys s, params WHERE ${cond}
      QUALIFY row_number() OVER (PARTITION BY s.outcome_id ORDER BY ${SNAPSHOT_ORDER}) = 1) s USING (outcome_id, source_id, source_row)`;
  return `WITH ${paramsCte(f)},
  ${SNAP_KEYS_CTE},
  latest AS (${latestBy('s.snap_d <= params.w_to')}),
  before AS (${latestBy('s.snap_d < params.w_from')}),
  moved AS (SELECT DISTINCT outcome_id FROM snap_keys, params WHERE snap_d BETWEEN params.w_from AND params.w_to),
  o AS (
    SELECT l.*,
      CASE WHEN ${achieved('l')} THEN 'achieved'
           WHEN l.due_date < params.w_to THEN 'overdue' ELSE 'open' END AS state,
      CASE WHEN l.first_value_date <= params.w_to THEN date_diff('day', l.start_date, l.first_value_date) END AS days_to_value,
      ${achieved('l')} AND NOT coalesce(${achieved('b')}, false) AS achieved_in_window,
      CASE WHEN l.outcome_id IN (SELECT outcome_id FROM moved) THEN l.progress_pct - coalesce(b.progress_pct, 0) END AS gained
    FROM latest l CROSS JOIN params LEFT JOIN before b USING (outcome_id) WHERE ${accountWhere(f, 'l')})`;
}

/**
 * The outcomes as of the window's end, once per filter change, for the two queries that read them (each
 * computing them again meant four passes over every snapshot). `rowsFrom` below names the table holding them.
 */
export function outcomeRowsSql(f: Filters): string {
  return `${outcomeBase(f)} SELECT * FROM o`;
}

/** One row per segment: outcomes achieved, open and overdue, mean progress, median time to first value. */
export function outcomesBySegmentSql(f: Filters, rowsFrom?: string): string {
  return `${outcomeBase(f, rowsFrom)}
  SELECT coalesce(segment, '(no segment)') AS segment, count(*)::INTEGER AS outcomes,
    count(*) FILTER (state = 'achieved')::INTEGER AS achieved, count(*) FILTER (state = 'open')::INTEGER AS open,
    count(*) FILTER (state = 'overdue')::INTEGER AS overdue, avg(progress_pct) AS mean_progress,
    count(*) FILTER (achieved_in_window)::INTEGER AS achieved_in_window, avg(gained) AS mean_gained, count(gained)::INTEGER AS moved,
    median(days_to_value) AS median_days_to_value, count(days_to_value)::INTEGER AS value_n
  FROM o GROUP BY ALL ORDER BY segment`;
}

/** One row per account: its outcomes' latest progress and states. */
export function outcomesByAccountSql(f: Filters, rowsFrom?: string): string {
  return `${outcomeBase(f, rowsFrom)}
  SELECT account, any_value(segment) AS segment, coalesce(any_value(n.name), any_value(o.csm)) AS csm_name, count(*)::INTEGER AS outcomes,
    avg(progress_pct) AS mean_progress, count(*) FILTER (state = 'achieved')::INTEGER AS achieved,
    count(*) FILTER (state = 'open')::INTEGER AS open, count(*) FILTER (state = 'overdue')::INTEGER AS overdue,
    count(*) FILTER (achieved_in_window)::INTEGER AS achieved_in_window, avg(gained) AS mean_gained,
    median(days_to_value) AS median_days_to_value, any_value(ad.arr) AS arr
  FROM o LEFT JOIN person_names n ON n.person_key = o.csm LEFT JOIN (SELECT account, arr FROM account_dim) ad USING (account) GROUP BY account ORDER BY overdue DESC, mean_progress`;
}
