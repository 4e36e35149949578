/**
 * 1:1 consistency (docs/METRICS.md): per manager–report pair and per manager, over the window.
 * One CTE chain, three queries over it: pairs, managers, and the pair × week grid.
 */
import { paramsCte, meetingPeopleWhere, type Filters } from './filters';
import { PLAN_NAME_SQL, planRowsCte, suggestSql, type CadencePlan } from './cadencePlan';
import { weightedMedianSql } from './weightedMedian';
import { AGENDA_COLUMNS, type OneOnOneStatus } from './derived';

/** The statuses of a 1:1 that was due (the denominator of the cancel and reschedule rates). */
const DUE = ['held', 'cancelled', 'rescheduled', 'no_show'] as const satisfies readonly OneOnOneStatus[];
const DUE_STATUSES = `(${DUE.map((st) => `'${st}'`).join(', ')})`;
/** A 1:1 that was due (the denominator of the cancel and reschedule rates), on a meetings row `r` with a manager and a report. */
export const isDueOneOnOne = (r: string) =>
  `${r}.kind = 'one_on_one' AND ${r}.manager IS NOT NULL AND ${r}.csm IS NOT NULL AND ${r}.status IN ${DUE_STATUSES}`;

/** The tables a view run keeps for its three queries (in this order: each reads the ones before it). */
export const KEPT = ['wk_status', 'pair_stats', 'streaks'] as const;
export type Kept = (typeof KEPT)[number];
const keptTable = (name: Kept) => `view_oo_${name}`;

/** Of a pair's day (a one_on_one_days row `r`): the 1:1s that were due, and the share of held ones that say an item was covered. */
const dueOf = (r: string) => DUE.map((st) => `${r}.${st}`).join(' + ');
const shareOf = (r: string, flag: string, only?: string) => {
  const f = only ? ` FILTER (${only})` : '';
  return `sum(${r}.${flag}_true)${f} / nullif(sum(${r}.${flag}_known)${f}, 0)`;
};
const total = (expr: string) => `coalesce(sum(${expr}), 0)::INTEGER`;
/** A day of the window (`inwin i`) with a held 1:1: what the agenda shares read. */
const HELD = 'i.held > 0';

/** The chain, with the CTEs in `kept` read from the view run's tables instead of computed again. */
function base(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  const ctes = chainCtes(f, plans).map((cte) => {
    const k = kept.find((name) => cte.startsWith(`${name} AS `));
    return k ? `${k} AS (SELECT * FROM ${keptTable(k)})` : cte;
  });
  return `WITH ${ctes.join(',\n  ')}`;
}

/** Statements that keep the chain's costly parts for one view run (on one connection: temporary tables). */
export function oneOnOneSetupSql(f: Filters, plans: readonly CadencePlan[] = []): string[] {
  return KEPT.map((name, i) => `CREATE OR REPLACE TEMP TABLE ${keptTable(name)} AS ${base(f, KEPT.slice(0, i).filter((k) => k === 'wk_status'), plans)} SELECT * FROM ${name}`);
}

/** The chain's CTEs in order, each `name AS …`. */
function chainCtes(f: Filters, plans: readonly CadencePlan[]): string[] {
  return [
    paramsCte(f),
    // oo, inwin and held are filters of a table the engine already holds (compressed): read where used. Kept as
    // CTEs, DuckDB would copy every column of them once per statement (45 MiB more at 10 million meetings).
    `oo AS NOT MATERIALIZED (SELECT * FROM one_on_one_days m WHERE ${meetingPeopleWhere(f)})`,
    `pairs AS (SELECT DISTINCT manager, csm FROM oo)`,
    `seen AS (SELECT * FROM csm_seen)`,
    `tenure AS (
    SELECT p.manager, p.csm,
      CASE WHEN r.person_key IS NOT NULL THEN coalesce(r.start_date, DATE '0001-01-01') ELSE s.first_d END AS t_start,
      CASE WHEN r.person_key IS NOT NULL THEN coalesce(r.end_date, DATE '9999-12-31') ELSE s.last_d END AS t_end
    FROM pairs p
    LEFT JOIN (SELECT person_key, min(start_date) AS start_date, max(end_date) AS end_date FROM people GROUP BY person_key) r ON r.person_key = p.csm
    LEFT JOIN seen s ON s.csm = p.csm)`,
    `span AS (
    SELECT t.manager, t.csm, greatest(params.w_from, t.t_start) AS a, least(params.w_to, t.t_end) AS b
    FROM tenure t, params)`,
    `weeks AS (
    SELECT manager, csm, unnest(generate_series(date_trunc('week', a), date_trunc('week', b), INTERVAL 7 DAY))::DATE AS wk
    FROM span WHERE a <= b)`,
    `inwin AS NOT MATERIALIZED (SELECT oo.* FROM oo, params WHERE oo.d BETWEEN params.w_from AND params.w_to)`,
    planRowsCte(plans),
    `team_of AS (SELECT person_key, min(team) AS team FROM people GROUP BY person_key)`,
    `pair_plan AS (
    SELECT p.manager, p.csm, any_value(coalesce(ct.team, mt.team)) AS team,
      coalesce(arg_max(r.plan_weeks, r.rnk), 1)::INTEGER AS plan_weeks, coalesce(arg_max(r.level, r.rnk), 'standard') AS plan_from
    FROM pairs p
    LEFT JOIN team_of ct ON ct.person_key = p.csm
    LEFT JOIN team_of mt ON mt.person_key = p.manager
    LEFT JOIN plan_rows r ON (r.rnk = 3 AND r.manager = p.manager AND r.csm = p.csm) OR (r.rnk = 2 AND r.manager = p.manager) OR (r.rnk = 1 AND r.team = coalesce(ct.team, mt.team))
    GROUP BY p.manager, p.csm)`,
    `held_wks AS (SELECT DISTINCT o.manager, o.csm, o.wk AS hw FROM oo o, params WHERE o.held > 0 AND o.d <= params.as_of)`,
    `since_held AS (
    SELECT manager, csm, (hw + INTERVAL (7 * i) DAY)::DATE AS wk, min(i)::INTEGER AS weeks_since_prior
    FROM held_wks CROSS JOIN range(1, 4) r(i) GROUP BY ALL)`,
    // A week's 1:1 days reduced to what its status reads, then joined one row to one week: joining the days
    // themselves and grouping them back took 25 MiB of the engine's heap at 10 million meetings, this 11.
    `wk_days AS (
    SELECT manager, csm, wk, bool_or(held > 0) AS held, bool_or(rescheduled > 0) AS rescheduled,
      bool_or(cancelled > 0) AS cancelled, bool_or(no_show > 0) AS no_show
    FROM inwin GROUP BY manager, csm, wk)`,
    `wk_status AS (
    SELECT w.manager, w.csm, w.wk,
      CASE WHEN i.held THEN 'held' WHEN i.rescheduled THEN 'rescheduled' WHEN i.cancelled THEN 'cancelled'
           WHEN i.no_show THEN 'no_show' ELSE 'missing' END AS st,
      sh.weeks_since_prior,
      i.held IS TRUE OR coalesce(sh.weeks_since_prior < pp.plan_weeks, false) AS within_plan
    FROM weeks w JOIN pair_plan pp USING (manager, csm) LEFT JOIN since_held sh USING (manager, csm, wk) LEFT JOIN wk_days i USING (manager, csm, wk))`,
    `islands AS (
    SELECT manager, csm, wk, wk - INTERVAL (7 * row_number() OVER (PARTITION BY manager, csm ORDER BY wk)) DAY AS island
    FROM wk_status WHERE within_plan)`,
    `runs AS (SELECT manager, csm, island, count(*) AS len, max(wk) AS last_wk FROM islands GROUP BY ALL)`,
    // Whether a pair's streak still runs: it does if this week is within plan, else it may end last week.
    `this_wk AS (
    SELECT s.manager, s.csm, bool_or(s.within_plan AND s.wk = date_trunc('week', params.as_of)::DATE) AS within_now
    FROM wk_status s, params GROUP BY s.manager, s.csm)`,
    `streaks AS (
    SELECT p.manager, p.csm, coalesce(max(r.len), 0) AS longest_streak,
      coalesce(max(r.len) FILTER (r.last_wk = CASE WHEN coalesce(t.within_now, false) THEN date_trunc('week', params.as_of)::DATE
                                                  ELSE (date_trunc('week', params.as_of) - INTERVAL 7 DAY)::DATE END), 0) AS current_streak
    FROM pairs p CROSS JOIN params LEFT JOIN runs r USING (manager, csm) LEFT JOIN this_wk t USING (manager, csm)
    GROUP BY p.manager, p.csm)`,
    `held AS NOT MATERIALIZED (SELECT * FROM inwin WHERE held > 0)`,
    // The days between a pair's held 1:1s, weighted: each held day once against the pair's previous one (none
    // for its first), and a gap of 0 for each further 1:1 held that day. The previous day is read from the
    // pair's days as one sorted list: a window (lag) over the days took 14 MiB of the engine's heap at 10
    // million meetings, the list none.
    `held_days AS (SELECT manager, csm, list(d ORDER BY d) AS ds FROM held GROUP BY manager, csm)`,
    `gaps AS (
    SELECT manager, csm, date_diff('day', ds[i - 1], ds[i]) AS gap, 1 AS w
    FROM (SELECT manager, csm, ds, generate_subscripts(ds, 1) AS i FROM held_days) WHERE i > 1
    UNION ALL SELECT manager, csm, 0, held - 1 FROM held WHERE held > 1)`,
    `pair_gaps AS (${weightedMedianSql('gaps', ['manager', 'csm'], 'gap', 'w', 'median_gap')})`,
    // Each pair's figures, aggregated per pair from each source once and joined (a pair with no rows in one
    // counts 0 there): one hash table per source, where a subquery per figure held one per figure at once.
    `pair_weeks AS (
    SELECT manager, csm, count(*)::INTEGER AS active_weeks, count(*) FILTER (st = 'held')::INTEGER AS held_weeks,
      count(*) FILTER (within_plan)::INTEGER AS within_weeks,
      count(*) FILTER (st = 'held' OR weeks_since_prior < 2)::INTEGER AS fortnight_weeks,
      count(*) FILTER (st = 'held' OR weeks_since_prior < 4)::INTEGER AS month_weeks,
      count(*) FILTER (st = 'missing' AND NOT within_plan)::INTEGER AS missing_weeks
    FROM wk_status GROUP BY manager, csm)`,
    `pair_days AS (
    SELECT i.manager, i.csm, ${total(dueOf('i'))} AS due, ${total('i.cancelled')} AS cancelled, ${total('i.rescheduled')} AS rescheduled,
      coalesce(sum(i.held) FILTER (${HELD}), 0)::INTEGER AS held_count,
      ${AGENDA_COLUMNS.map((c) => `${shareOf('i', c, HELD)} AS ${c}`).join(', ')}, ${shareOf('i', 'prepared_by_report', HELD)} AS prepared_share
    FROM inwin i GROUP BY i.manager, i.csm)`,
    `pair_recent AS (
    SELECT o.manager, o.csm, date_diff('day', max(o.d), params.as_of)::INTEGER AS days_since_held,
      CASE WHEN sum(o.agenda_career_known) FILTER (o.d >= params.as_of - INTERVAL 89 DAY) > 0
           THEN sum(o.agenda_career_true) FILTER (o.d >= params.as_of - INTERVAL 89 DAY) > 0 END AS career_90
    FROM oo o, params WHERE o.held > 0 AND o.d <= params.as_of GROUP BY o.manager, o.csm, params.as_of)`,
    `pair_stats AS (
    SELECT p.manager, p.csm, pp.team, pp.plan_weeks, pp.plan_from,
      coalesce(w.active_weeks, 0) AS active_weeks, coalesce(w.held_weeks, 0) AS held_weeks, coalesce(w.within_weeks, 0) AS within_weeks,
      coalesce(w.fortnight_weeks, 0) AS fortnight_weeks, coalesce(w.month_weeks, 0) AS month_weeks, coalesce(w.missing_weeks, 0) AS missing_weeks,
      coalesce(i.due, 0) AS due, coalesce(i.cancelled, 0) AS cancelled, coalesce(i.rescheduled, 0) AS rescheduled, coalesce(i.held_count, 0) AS held_count,
      g.median_gap, r.days_since_held,
      ${AGENDA_COLUMNS.map((c) => `i.${c}`).join(', ')},
      r.career_90, i.prepared_share
    FROM pairs p JOIN pair_plan pp USING (manager, csm)
    LEFT JOIN pair_weeks w USING (manager, csm) LEFT JOIN pair_days i USING (manager, csm)
    LEFT JOIN pair_gaps g USING (manager, csm) LEFT JOIN pair_recent r USING (manager, csm))`
  ];
}

/**
 * The filters of the team average: the same window and filters with the manager filter left out, so the
 * average pools every manager's reports (the figure the page shows with no manager selected).
 */
export const teamFilters = (f: Filters): Filters => ({ ...f, managers: [] });

export const CADENCE_SQL = (gap: string, held: string) =>
  `CASE WHEN ${held} < 2 OR ${gap} IS NULL THEN 'rarer' WHEN ${gap} <= 8 THEN 'weekly' WHEN ${gap} <= 21 THEN '1–3 weeks' WHEN ${gap} <= 42 THEN '3–6 weeks' WHEN ${gap} <= 70 THEN '6–10 weeks' ELSE 'rarer' END`;

/** One row per pair with at least one active week. */
export function pairsSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  return `${base(f, kept, plans)}
  SELECT ps.*, s.current_streak::INTEGER AS current_streak, s.longest_streak::INTEGER AS longest_streak,
    ps.held_weeks / nullif(ps.active_weeks, 0) AS coverage,
    ${PLAN_NAME_SQL('ps.plan_weeks')} AS plan,
    ps.within_weeks / nullif(ps.active_weeks, 0) AS plan_coverage,
    ps.fortnight_weeks / nullif(ps.active_weeks, 0) AS fortnight_coverage,
    ps.month_weeks / nullif(ps.active_weeks, 0) AS month_coverage,
    ${suggestSql('ps.median_gap', 'ps.plan_weeks', 'ps.within_weeks / nullif(ps.active_weeks, 0)', 'ps.fortnight_weeks / nullif(ps.active_weeks, 0)', 'ps.month_weeks / nullif(ps.active_weeks, 0)')} AS suggested_plan,
    ps.cancelled / nullif(ps.due, 0) AS cancel_rate,
    ps.rescheduled / nullif(ps.due, 0) AS reschedule_rate,
    ${CADENCE_SQL('ps.median_gap', 'ps.held_count')} AS cadence,
    coalesce(mn.name, ps.manager) AS manager_name, coalesce(cn.name, ps.csm) AS csm_name
  FROM pair_stats ps JOIN streaks s USING (manager, csm)
  LEFT JOIN person_names mn ON mn.person_key = ps.manager
  LEFT JOIN person_names cn ON cn.person_key = ps.csm
  WHERE ps.active_weeks > 0
  ORDER BY manager_name, coverage, csm_name`;
}

/** One row per manager, pooled over their pairs. */
export function managersSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  return `${base(f, kept, plans)},
  pooled AS (
    SELECT manager, count(*)::INTEGER AS pairs, sum(active_weeks)::INTEGER AS active_weeks, sum(held_weeks)::INTEGER AS held_weeks,
      sum(within_weeks)::INTEGER AS within_weeks, sum(fortnight_weeks)::INTEGER AS fortnight_weeks, sum(month_weeks)::INTEGER AS month_weeks,
      sum(missing_weeks)::INTEGER AS missing_weeks, min(plan_weeks) AS min_plan_weeks, max(plan_weeks)::INTEGER AS plan_weeks, mode(team) AS team,
      sum(due)::INTEGER AS due, sum(cancelled)::INTEGER AS cancelled, sum(rescheduled)::INTEGER AS rescheduled, sum(held_count)::INTEGER AS held_count,
      max(days_since_held)::INTEGER AS days_since_held,
      avg(career_90::INTEGER) AS career_90_share, count(career_90)::INTEGER AS career_known
    FROM pair_stats WHERE active_weeks > 0 GROUP BY manager),
  shares AS (
    SELECT h.manager, ${AGENDA_COLUMNS.map((c) => `${shareOf('h', c)} AS ${c}`).join(', ')}, ${shareOf('h', 'prepared_by_report')} AS prepared_share
    FROM held h GROUP BY h.manager),
  mgaps AS (${weightedMedianSql('gaps', ['manager'], 'gap', 'w', 'median_gap')})
  SELECT p.* EXCLUDE (min_plan_weeks), p.held_weeks / nullif(p.active_weeks, 0) AS coverage, p.cancelled / nullif(p.due, 0) AS cancel_rate,
    CASE WHEN p.min_plan_weeks = p.plan_weeks THEN ${PLAN_NAME_SQL('p.plan_weeks')} ELSE 'mixed' END AS plan,
    p.within_weeks / nullif(p.active_weeks, 0) AS plan_coverage,
    p.fortnight_weeks / nullif(p.active_weeks, 0) AS fortnight_coverage,
    p.month_weeks / nullif(p.active_weeks, 0) AS month_coverage,
    ${suggestSql('g.median_gap', 'p.plan_weeks', 'p.within_weeks / nullif(p.active_weeks, 0)', 'p.fortnight_weeks / nullif(p.active_weeks, 0)', 'p.month_weeks / nullif(p.active_weeks, 0)')} AS suggested_plan,
    p.rescheduled / nullif(p.due, 0) AS reschedule_rate, g.median_gap, ${CADENCE_SQL('g.median_gap', 'p.held_count')} AS cadence,
    s.agenda_goals, s.agenda_bottlenecks, s.agenda_customers, s.agenda_coaching, s.agenda_career, s.prepared_share,
    coalesce(n.name, p.manager) AS manager_name
  FROM pooled p LEFT JOIN shares s USING (manager) LEFT JOIN mgaps g USING (manager)
  LEFT JOIN person_names n ON n.person_key = p.manager
  ORDER BY coverage, manager_name`;
}

/** The pair × week grid: one row per active week of each pair, with the week's best status. */
export function gridSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  return `${base(f, kept, plans)}
  SELECT w.manager, w.csm, strftime(w.wk, '%Y-%m-%d') AS week, CASE WHEN w.st = 'missing' AND w.within_plan THEN 'not_due' ELSE w.st END AS status,
    coalesce(mn.name, w.manager) AS manager_name, coalesce(cn.name, w.csm) AS csm_name
  FROM wk_status w
  LEFT JOIN person_names mn ON mn.person_key = w.manager
  LEFT JOIN person_names cn ON cn.person_key = w.csm
  ORDER BY manager_name, csm_name, week`;
}

/**
 * What the headline figures count, pooled over every pair in the filters (for "this period vs the previous");
 * with the manager filter left out, the team average a focused manager is set beside (see teamFilters).
 */
export function totalsSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  return `${base(f, kept, plans)},
  pooled AS (
    SELECT count(*)::INTEGER AS pairs, coalesce(sum(active_weeks), 0)::INTEGER AS active_weeks, coalesce(sum(held_weeks), 0)::INTEGER AS held_weeks,
      coalesce(sum(within_weeks), 0)::INTEGER AS within_weeks, coalesce(sum(due), 0)::INTEGER AS due,
      coalesce(sum(cancelled), 0)::INTEGER AS cancelled, coalesce(sum(rescheduled), 0)::INTEGER AS rescheduled,
      max(days_since_held)::INTEGER AS days_since_held, avg(career_90::INTEGER) AS career_90_share, count(career_90)::INTEGER AS career_known
    FROM pair_stats WHERE active_weeks > 0),
  held_n AS (
    SELECT ${total('h.held')} AS held_count, ${total('h.agenda_career_known')} AS agenda_known, ${total('h.agenda_career_true')} AS career_held,
      ${total('h.prepared_by_report_known')} AS prepared_known, ${total('h.prepared_by_report_true')} AS prepared_true,
      ${AGENDA_COLUMNS.filter((c) => c !== 'agenda_career').map((c) => `${shareOf('h', c)} AS ${c}`).join(', ')}
    FROM held h),
  all_gaps AS (${weightedMedianSql('gaps', [], 'gap', 'w', 'median_gap')})
  SELECT p.*, h.*, g.median_gap, p.held_weeks / nullif(p.active_weeks, 0) AS coverage, p.within_weeks / nullif(p.active_weeks, 0) AS plan_coverage,
    p.cancelled / nullif(p.due, 0) AS cancel_rate, p.rescheduled / nullif(p.due, 0) AS reschedule_rate,
    h.career_held / nullif(h.agenda_known, 0) AS agenda_career, h.prepared_true / nullif(h.prepared_known, 0) AS prepared_share
  FROM pooled p, held_n h, all_gaps g`;
}

/**
 * By calendar month (a week belongs to the month of its Monday; a 1:1 to the month of its date), per manager
 * (csm NULL) and per pair: the figures of the trend sparklines, with what they count.
 */
export function trendSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  return `${base(f, kept, plans)},
  wk_m AS (
    SELECT manager, csm, date_trunc('month', wk)::DATE AS m, count(*) AS active_weeks, count(*) FILTER (st = 'held') AS held_weeks, count(*) FILTER (within_plan) AS within_weeks
    FROM wk_status GROUP BY ALL),
  oo_m AS (
    SELECT manager, csm, date_trunc('month', d)::DATE AS m,
      sum(${dueOf('i')}) AS due, sum(i.cancelled) AS cancelled, sum(i.rescheduled) AS rescheduled,
      sum(i.agenda_career_known) AS agenda_known, sum(i.agenda_career_true) AS career_held, sum(i.items_covered) AS items_covered
    FROM inwin i GROUP BY ALL),
  joined AS (
    SELECT manager, csm, m, coalesce(w.active_weeks, 0) AS active_weeks, coalesce(w.held_weeks, 0) AS held_weeks, coalesce(w.within_weeks, 0) AS within_weeks,
      coalesce(o.due, 0) AS due, coalesce(o.cancelled, 0) AS cancelled, coalesce(o.rescheduled, 0) AS rescheduled,
      coalesce(o.agenda_known, 0) AS agenda_known, coalesce(o.career_held, 0) AS career_held, coalesce(o.items_covered, 0) AS items_covered
    FROM wk_m w FULL JOIN oo_m o USING (manager, csm, m)),
  by_month AS (
    SELECT manager, csm, m, sum(active_weeks)::INTEGER AS active_weeks, sum(held_weeks)::INTEGER AS held_weeks, sum(within_weeks)::INTEGER AS within_weeks,
      sum(due)::INTEGER AS due, sum(cancelled)::INTEGER AS cancelled, sum(rescheduled)::INTEGER AS rescheduled,
      sum(agenda_known)::INTEGER AS agenda_known, sum(career_held)::INTEGER AS career_held, sum(items_covered)::INTEGER AS items_covered
    FROM joined GROUP BY GROUPING SETS ((manager, m), (manager, csm, m)))
  SELECT manager, csm, strftime(m, '%Y-%m-%d') AS month, active_weeks, held_weeks, within_weeks, due, cancelled, rescheduled, agenda_known, career_held, items_covered,
    held_weeks / nullif(active_weeks, 0) AS coverage, within_weeks / nullif(active_weeks, 0) AS plan_coverage,
    cancelled / nullif(due, 0) AS cancel_rate, rescheduled / nullif(due, 0) AS reschedule_rate,
    items_covered / nullif(5 * agenda_known, 0) AS agenda_items, career_held / nullif(agenda_known, 0) AS agenda_career
  FROM by_month ORDER BY manager, csm NULLS FIRST, month`;
}

/** The days ahead of "as of" the upcoming-gaps list looks at: the next week and the next two. */
export const UPCOMING_DAYS = [7, 14] as const;

/**
 * Upcoming gaps, as of the data's last date (the window does not matter): each pair whose report is on the
 * team then, whether a 1:1 is scheduled in the next 7 and 14 days, the next one booked, how long the report
 * has waited since the last held 1:1 against the plan, and whether the manager's exports carry a calendar
 * ahead at all (scheduled 1:1s after "as of"; without it no gap can be read).
 */
export function upcomingSql(f: Filters, kept: readonly Kept[] = [], plans: readonly CadencePlan[] = []): string {
  const [week, fortnight] = UPCOMING_DAYS;
  return `${base(f, kept, plans)},
  ahead AS (SELECT o.manager, o.csm, o.d FROM oo o, params WHERE o.scheduled > 0 AND o.d > params.as_of),
  ahead_mgr AS (SELECT DISTINCT manager FROM ahead),
  ahead_pair AS (
    SELECT a.manager, a.csm, bool_or(a.d <= p.as_of + INTERVAL ${week} DAY) AS booked_7, bool_or(a.d <= p.as_of + INTERVAL ${fortnight} DAY) AS booked_14,
      strftime(min(a.d), '%Y-%m-%d') AS next_booked
    FROM ahead a, params p GROUP BY a.manager, a.csm),
  on_team AS (SELECT t.manager, t.csm FROM tenure t, params WHERE t.t_start <= params.as_of AND t.t_end >= params.as_of)
  SELECT ps.manager, ps.csm, ${PLAN_NAME_SQL('ps.plan_weeks')} AS plan, ps.plan_weeks, ps.days_since_held,
    am.manager IS NOT NULL AS calendar_ahead, coalesce(ap.booked_7, false) AS booked_7, coalesce(ap.booked_14, false) AS booked_14, ap.next_booked,
    coalesce(ps.days_since_held > 7 * ps.plan_weeks, true) AS overdue,
    coalesce(mn.name, ps.manager) AS manager_name, coalesce(cn.name, ps.csm) AS csm_name
  FROM pair_stats ps JOIN on_team USING (manager, csm)
  LEFT JOIN ahead_mgr am ON am.manager = ps.manager
  LEFT JOIN ahead_pair ap ON ap.manager = ps.manager AND ap.csm = ps.csm
  LEFT JOIN person_names mn ON mn.person_key = ps.manager
  LEFT JOIN person_names cn ON cn.person_key = ps.csm
  ORDER BY manager_name, csm_name`;
}
