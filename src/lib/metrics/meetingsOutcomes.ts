/**
 * Meetings vs outcomes (docs/METRICS.md): per-account touches against progress gained, segment medians
 * and quadrant flags, Spearman's ρ with a Fisher-z interval (same period and lagged a month), and the
 * weekly series that puts meeting volume and outcome progress on one time axis.
 */
import { accountWhere, kindWhere, meetingPeopleWhere, paramsCte, type Filters } from './filters';

/** Latest snapshot per outcome, ranked by date then load order, as `snap`. */
const SNAP = `snap AS (
    SELECT outcome_id, account, coalesce(as_of, due_date) AS d, progress_pct, source_id, source_row FROM outcomes
    WHERE progress_pct IS NOT NULL AND coalesce(as_of, due_date) IS NOT NULL)`;

function accountBase(f: Filters): string {
  return `WITH ${paramsCte(f)}, ${SNAP},
  a AS (SELECT * FROM account_dim),
  touch AS (
    SELECT m.account, count(*) FILTER (m.channel = 'meeting')::INTEGER AS meetings, count(*)::INTEGER AS touches,
      count(*) FILTER (m.channel = 'call')::INTEGER AS calls, count(*) FILTER (m.channel = 'email')::INTEGER AS emails,
      count(*) FILTER (m.channel = 'async')::INTEGER AS async, count(*) FILTER (m.channel = 'self_service')::INTEGER AS self_service
    FROM meetings m, params
    WHERE m.kind = 'customer' AND m.status = 'held' AND CAST(m.start_at AS DATE) BETWEEN params.w_from AND params.w_to AND ${meetingPeopleWhere({ ...f, managers: [], teams: [] })}
    GROUP BY m.account),
  endp AS (
    SELECT outcome_id, account, progress_pct AS p_end FROM snap, params WHERE d <= params.w_to
    QUALIFY row_number() OVER (PARTITION BY outcome_id ORDER BY d DESC, source_id DESC, source_row DESC) = 1),
  startp AS (
    SELECT outcome_id, progress_pct AS p_start FROM snap, params WHERE d < params.w_from
    QUALIFY row_number() OVER (PARTITION BY outcome_id ORDER BY d DESC, source_id DESC, source_row DESC) = 1),
  active AS (SELECT DISTINCT outcome_id FROM snap, params WHERE d BETWEEN params.w_from AND params.w_to),
  gain AS (
    SELECT e.account, avg(e.p_end - coalesce(s.p_start, 0)) AS progress_gained, count(*)::INTEGER AS outcomes
    FROM endp e JOIN active USING (outcome_id) LEFT JOIN startp s USING (outcome_id) GROUP BY e.account),
  rows AS (
    SELECT a.account, a.segment, a.csm, coalesce(t.meetings, 0) AS meetings, coalesce(t.touches, 0) AS touches,
      coalesce(t.calls, 0) AS calls, coalesce(t.emails, 0) AS emails, coalesce(t.async, 0) AS async, coalesce(t.self_service, 0) AS self_service,
      g.progress_gained, coalesce(g.outcomes, 0) AS outcomes
    FROM a LEFT JOIN touch t USING (account) LEFT JOIN gain g USING (account)
    WHERE ${accountWhere(f, 'a')}),
  medians AS (
    SELECT segment, median(meetings) AS med_meetings, median(progress_gained) AS med_progress
    FROM rows WHERE progress_gained IS NOT NULL GROUP BY segment)`;
}

/** One row per account: touches by channel, progress gained, segment medians and the quadrant flag. */
export function accountsSql(f: Filters): string {
  return `${accountBase(f)}
  SELECT r.*, md.med_meetings, md.med_progress,
    CASE WHEN r.progress_gained IS NULL THEN NULL
         WHEN r.meetings > md.med_meetings AND r.progress_gained < md.med_progress THEN 'high_touch_low_progress'
         WHEN r.meetings < md.med_meetings AND r.progress_gained > md.med_progress THEN 'low_touch_high_progress'
         ELSE NULL END AS flag,
    coalesce(n.name, r.csm) AS csm_name
  FROM rows r LEFT JOIN medians md ON md.segment IS NOT DISTINCT FROM r.segment
  LEFT JOIN person_names n ON n.person_key = r.csm
  ORDER BY r.segment, r.account`;
}

/** Spearman's ρ over rank pairs (x, y) grouped by `grp`, ties at their average rank, with Fisher-z 95% bounds. */
export function spearmanSql(pairs: string): string {
  return `ranked AS (
    SELECT grp,
      (rank() OVER (PARTITION BY grp ORDER BY x) * 2 + count(*) OVER (PARTITION BY grp, x) - 1) / 2.0 AS rx,
      (rank() OVER (PARTITION BY grp ORDER BY y) * 2 + count(*) OVER (PARTITION BY grp, y) - 1) / 2.0 AS ry
    FROM (${pairs}) WHERE x IS NOT NULL AND y IS NOT NULL),
  rho AS (SELECT grp, corr(rx, ry) AS rho, count(*)::INTEGER AS n FROM ranked GROUP BY grp),
  z AS (SELECT grp, rho, n, CASE WHEN n >= 10 AND abs(rho) < 1 THEN 0.5 * ln((1 + rho) / (1 - rho)) END AS z, 1.96 / sqrt(greatest(n - 3, 1)) AS h FROM rho)
  SELECT grp, rho, n,
    CASE WHEN z IS NOT NULL THEN (exp(2 * (z - h)) - 1) / (exp(2 * (z - h)) + 1) END AS lo,
    CASE WHEN z IS NOT NULL THEN (exp(2 * (z + h)) - 1) / (exp(2 * (z + h)) + 1) END AS hi
  FROM z ORDER BY grp = '(all)' DESC, grp`;
}

/** ρ between accounts' meetings and progress gained in the window, overall and per segment. */
export function correlationSql(f: Filters): string {
  const pairs = `SELECT '(all)' AS grp, meetings AS x, progress_gained AS y FROM rows
    UNION ALL SELECT coalesce(segment, '(no segment)'), meetings, progress_gained FROM rows`;
  return `${accountBase(f)}, ${spearmanSql(pairs)}`;
}

/** ρ between an account's meetings in a month and its progress gained in the next month. */
export function laggedCorrelationSql(f: Filters): string {
  return `${accountBase(f)},
  months AS (SELECT unnest(generate_series(date_trunc('month', params.w_from), date_trunc('month', params.w_to), INTERVAL 1 MONTH))::DATE AS m FROM params),
  mm AS (
    SELECT m.account, date_trunc('month', m.start_at)::DATE AS mo, count(*) AS meetings FROM meetings m, params
    WHERE m.kind = 'customer' AND m.status = 'held' AND m.channel = 'meeting' AND CAST(m.start_at AS DATE) BETWEEN params.w_from AND params.w_to
    GROUP BY ALL),
  month_end AS (
    SELECT s.outcome_id, s.account, mo.m, arg_max(s.progress_pct, s.d) AS p
    FROM snap s, months mo WHERE s.d < mo.m + INTERVAL 1 MONTH GROUP BY ALL),
  mgain AS (
    SELECT account, m, avg(p - coalesce(prev, 0)) AS gain FROM (
      SELECT account, outcome_id, m, p, lag(p) OVER (PARTITION BY outcome_id ORDER BY m) AS prev FROM month_end)
    GROUP BY ALL),
  pairs AS (
    SELECT g.account, r.segment, coalesce(x.meetings, 0) AS x, g.gain AS y
    FROM mgain g JOIN rows r USING (account)
    LEFT JOIN mm x ON x.account = g.account AND x.mo = (g.m - INTERVAL 1 MONTH)::DATE
    WHERE g.m > (SELECT min(m) FROM months)),
  ${spearmanSql(`SELECT '(all)' AS grp, x, y FROM pairs UNION ALL SELECT coalesce(segment, '(no segment)'), x, y FROM pairs`)}`;
}

/** Meetings per ISO week (or calendar month) by kind, and the mean progress of outcomes as of each period's end. */
export function weeklySql(f: Filters, grain: 'week' | 'month' = 'week'): string {
  const step = grain === 'week' ? 'INTERVAL 7 DAY' : 'INTERVAL 1 MONTH';
  const periodEnd = grain === 'week' ? 'w.wk + 6' : 'CAST(w.wk + INTERVAL 1 MONTH AS DATE) - 1';
  return `WITH ${paramsCte(f)}, ${SNAP},
  weeks AS (SELECT unnest(generate_series(date_trunc('${grain}', params.w_from), date_trunc('${grain}', params.w_to), ${step}))::DATE AS wk FROM params),
  vol AS (
    SELECT date_trunc('${grain}', m.start_at)::DATE AS wk,
      count(*) FILTER (m.kind = 'customer' AND m.channel = 'meeting')::INTEGER AS customer,
      count(*) FILTER (m.kind = 'customer' AND m.channel <> 'meeting')::INTEGER AS other_touches,
      count(*) FILTER (m.kind = 'one_on_one')::INTEGER AS one_on_one,
      count(*) FILTER (m.kind = 'internal')::INTEGER AS internal
    FROM meetings m, params
    WHERE m.status = 'held' AND CAST(m.start_at AS DATE) BETWEEN params.w_from AND params.w_to AND ${meetingPeopleWhere(f)} AND ${kindWhere(f)}
    GROUP BY ALL),
  ids AS (SELECT DISTINCT s.outcome_id, s.account FROM snap s JOIN (SELECT account, segment, csm FROM outcomes) o USING (account) WHERE ${accountWhere(f, 'o')}),
  prog AS (
    SELECT w.wk, avg(x.progress_pct) AS progress, count(x.progress_pct)::INTEGER AS outcomes
    FROM weeks w CROSS JOIN ids
    ASOF LEFT JOIN snap x ON x.outcome_id = ids.outcome_id AND x.d <= ${periodEnd}
    GROUP BY w.wk)
  SELECT strftime(w.wk, '%Y-%m-%d') AS week, coalesce(v.customer, 0) AS customer, coalesce(v.other_touches, 0) AS other_touches,
    coalesce(v.one_on_one, 0) AS one_on_one, coalesce(v.internal, 0) AS internal, p.progress, coalesce(p.outcomes, 0) AS outcomes
  FROM weeks w LEFT JOIN vol v USING (wk) LEFT JOIN prog p USING (wk) ORDER BY w.wk`;
}
