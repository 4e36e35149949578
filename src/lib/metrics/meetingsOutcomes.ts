/**
 * Meetings vs outcomes (docs/METRICS.md): per-account touches against progress gained, segment medians
 * and quadrant flags, Spearman's ρ with a Fisher-z interval (same period and lagged a month), and the
 * weekly series that puts meeting volume and outcome progress on one time axis.
 */
import { accountWhere, paramsCte, type Filters } from './filters';
import { accountTouchFilter, heldCustomerTouches, heldMeetings, isCustomer, isMeetingChannel, periodTouchFilter } from './touches';

/** Each outcome's latest snapshot among those meeting `cond` (a bound on the snapshot date `s.d`), with its account. */
const latestSnap = (cond: string) =>
  `SELECT outcome_id, arg_max(account, ord) AS account, arg_max(progress_pct, ord) AS p FROM outcome_snapshots s, params WHERE ${cond} GROUP BY outcome_id`;

/**
 * The per-account rows the first three queries share. `rowsFrom` names a table that already holds them
 * (accountRowsSql, made once per filter change, so the view does not compute them three times).
 */
function accountBase(f: Filters, rowsFrom?: string): string {
  const medians = `medians AS (
    SELECT segment, median(meetings) AS med_meetings, median(progress_gained) AS med_progress
    FROM rows WHERE progress_gained IS NOT NULL GROUP BY segment)`;
  if (rowsFrom) return `WITH ${paramsCte(f)}, rows AS (SELECT * FROM ${rowsFrom}), ${medians}`;
  const sum = (cond: string) => `coalesce(sum(t.n) FILTER (${cond}), 0)::INTEGER`;
  return `WITH ${paramsCte(f)},
  a AS (SELECT * FROM account_dim),
  touch AS (
    SELECT t.account, ${sum(isMeetingChannel('t'))} AS meetings, sum(t.n)::INTEGER AS touches,
      ${sum(`t.channel = 'call'`)} AS calls, ${sum(`t.channel = 'email'`)} AS emails,
      ${sum(`t.channel = 'async'`)} AS async, ${sum(`t.channel = 'self_service'`)} AS self_service, ${sum(`t.channel = 'other'`)} AS other_channel
    FROM ${heldCustomerTouches(f)} t WHERE ${accountTouchFilter(f, 't')}
    GROUP BY t.account),
  endp AS (${latestSnap('s.d <= params.w_to')}),
  startp AS (${latestSnap('s.d < params.w_from')}),
  active AS (SELECT DISTINCT outcome_id FROM outcome_snapshots s, params WHERE s.d BETWEEN params.w_from AND params.w_to),
  gain AS (
    SELECT e.account, avg(e.p - coalesce(s.p, 0)) AS progress_gained, count(*)::INTEGER AS outcomes
    FROM endp e JOIN active USING (outcome_id) LEFT JOIN startp s USING (outcome_id) GROUP BY e.account),
  rows AS (
    SELECT a.account, a.segment, a.csm, coalesce(t.meetings, 0) AS meetings, coalesce(t.touches, 0) AS touches,
      coalesce(t.calls, 0) AS calls, coalesce(t.emails, 0) AS emails, coalesce(t.async, 0) AS async, coalesce(t.self_service, 0) AS self_service,
      coalesce(t.other_channel, 0) AS other_channel, g.progress_gained, coalesce(g.outcomes, 0) AS outcomes,
      a.arr, strftime(a.renewal_date, '%Y-%m-%d') AS renewal_date
    FROM a LEFT JOIN touch t USING (account) LEFT JOIN gain g USING (account)
    WHERE ${accountWhere(f, 'a')}),
  ${medians}`;
}

/** The shared per-account rows, as a query to keep in a table for one view's queries. */
export function accountRowsSql(f: Filters): string {
  return `${accountBase(f)} SELECT * FROM rows`;
}

/** One row per account: touches by channel, progress gained, segment medians and the quadrant flag. */
export function accountsSql(f: Filters, rowsFrom?: string): string {
  return `${accountBase(f, rowsFrom)}
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
  // A tie's average rank is its first rank plus half the ties after it; the tie count is a frame over the
  // same ordering as the rank, so each variable is sorted once.
  return `ranked AS (
    SELECT grp,
      rank() OVER wx + (count(*) OVER (wx RANGE BETWEEN CURRENT ROW AND CURRENT ROW) - 1) / 2.0 AS rx,
      rank() OVER wy + (count(*) OVER (wy RANGE BETWEEN CURRENT ROW AND CURRENT ROW) - 1) / 2.0 AS ry
    FROM (${pairs}) WHERE x IS NOT NULL AND y IS NOT NULL
    WINDOW wx AS (PARTITION BY grp ORDER BY x), wy AS (PARTITION BY grp ORDER BY y)),
  rho AS (SELECT grp, corr(rx, ry) AS rho, count(*)::INTEGER AS n FROM ranked GROUP BY grp),
  z AS (SELECT grp, rho, n, CASE WHEN n >= 10 AND abs(rho) < 1 THEN 0.5 * ln((1 + rho) / (1 - rho)) END AS z, 1.96 / sqrt(greatest(n - 3, 1)) AS h FROM rho)
  SELECT grp, rho, n,
    CASE WHEN z IS NOT NULL THEN (exp(2 * (z - h)) - 1) / (exp(2 * (z - h)) + 1) END AS lo,
    CASE WHEN z IS NOT NULL THEN (exp(2 * (z + h)) - 1) / (exp(2 * (z + h)) + 1) END AS hi
  FROM z ORDER BY grp = '(all)' DESC, grp`;
}

/** ρ between accounts' meetings and progress gained in the window, overall and per segment. */
export function correlationSql(f: Filters, rowsFrom?: string): string {
  const pairs = `SELECT '(all)' AS grp, meetings AS x, progress_gained AS y FROM rows
    UNION ALL SELECT coalesce(segment, '(no segment)'), meetings, progress_gained FROM rows`;
  return `${accountBase(f, rowsFrom)}, ${spearmanSql(pairs)}`;
}

/** ρ between an account's meetings in a month and its progress gained in the next month. */
export function laggedCorrelationSql(f: Filters, rowsFrom?: string): string {
  return `${accountBase(f, rowsFrom)},
  months AS (SELECT unnest(generate_series(date_trunc('month', params.w_from), date_trunc('month', params.w_to), INTERVAL 1 MONTH))::DATE AS m FROM params),
  mm AS (
    SELECT t.account, date_trunc('month', t.d)::DATE AS mo, sum(t.n) AS meetings FROM ${heldCustomerTouches(f)} t WHERE ${isMeetingChannel('t')}
    GROUP BY ALL),
  span AS (SELECT min(m) AS first_m, max(m) AS last_m FROM months),
  mgain AS (SELECT g.account, g.m, g.gain FROM account_month_gain g, span WHERE g.m > span.first_m AND g.m <= span.last_m),
  pairs AS (
    SELECT g.account, r.segment, coalesce(x.meetings, 0) AS x, g.gain AS y
    FROM mgain g JOIN rows r USING (account)
    LEFT JOIN mm x ON x.account = g.account AND x.mo = (g.m - INTERVAL 1 MONTH)::DATE),
  ${spearmanSql(`SELECT '(all)' AS grp, x, y FROM pairs UNION ALL SELECT coalesce(segment, '(no segment)'), x, y FROM pairs`)}`;
}

/** Meetings per ISO week (or calendar month) by kind, and the mean progress of outcomes as of each period's end. */
export function weeklySql(f: Filters, grain: 'week' | 'month' = 'week'): string {
  const step = grain === 'week' ? 'INTERVAL 7 DAY' : 'INTERVAL 1 MONTH';
  return `WITH ${paramsCte(f)},
  weeks AS (SELECT unnest(generate_series(date_trunc('${grain}', params.w_from), date_trunc('${grain}', params.w_to), ${step}))::DATE AS wk FROM params),
  vol AS (
    SELECT date_trunc('${grain}', t.d)::DATE AS wk,
      coalesce(sum(t.n) FILTER (${isCustomer('t')} AND ${isMeetingChannel('t')}), 0)::INTEGER AS customer,
      coalesce(sum(t.n) FILTER (${isCustomer('t')} AND NOT coalesce(${isMeetingChannel('t')}, false)), 0)::INTEGER AS other_touches,
      coalesce(sum(t.n) FILTER (t.kind = 'one_on_one'), 0)::INTEGER AS one_on_one,
      coalesce(sum(t.n) FILTER (t.kind = 'internal'), 0)::INTEGER AS internal
    FROM ${heldMeetings(f, grain)} t
    WHERE ${periodTouchFilter(f, 't')}
    GROUP BY ALL),
  ids AS (
    SELECT DISTINCT outcome_id FROM outcome_snapshots
    WHERE account IN (SELECT o.account FROM outcomes o WHERE ${accountWhere(f, 'o')})),
  -- Mean progress as of each period's end: running sums of the snapshots' deltas and first appearances
  -- (snapshots before the first period count towards it).
  ev AS (
    SELECT greatest(date_trunc('${grain}', s.d)::DATE, (SELECT min(wk) FROM weeks)) AS wk, sum(s.delta) AS dp, sum(s.is_first) AS dn
    FROM outcome_snapshots s WHERE s.outcome_id IN (SELECT outcome_id FROM ids) AND date_trunc('${grain}', s.d) <= (SELECT max(wk) FROM weeks)
    GROUP BY 1),
  prog AS (
    SELECT wk, sum(dp) OVER w / nullif(sum(dn) OVER w, 0) AS progress, coalesce(sum(dn) OVER w, 0)::INTEGER AS outcomes
    FROM weeks LEFT JOIN ev USING (wk) WINDOW w AS (ORDER BY wk))
  SELECT strftime(w.wk, '%Y-%m-%d') AS week, coalesce(v.customer, 0) AS customer, coalesce(v.other_touches, 0) AS other_touches,
    coalesce(v.one_on_one, 0) AS one_on_one, coalesce(v.internal, 0) AS internal, p.progress, coalesce(p.outcomes, 0) AS outcomes
  FROM weeks w LEFT JOIN vol v USING (wk) LEFT JOIN prog p USING (wk) ORDER BY w.wk`;
}
