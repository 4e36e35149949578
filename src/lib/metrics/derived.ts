/**
 * Tables derived once per build from the canonical tables, because every filter change would otherwise
 * recompute them: the data's date range ("as of"), each account's segment and CSM, and narrow, date-ordered
 * copies of what the views count (so a window reads a contiguous run of rows, and no view scans the wide
 * meetings table or re-ranks outcome snapshots). Views read these; a filter never changes them.
 */
import { heldCustomerTouch, isHeld } from './touches';

/** The 1:1 statuses the consistency view tells apart (one count column each in one_on_one_days). */
export const ONE_ON_ONE_STATUSES = ['held', 'cancelled', 'rescheduled', 'no_show', 'scheduled'] as const;
export type OneOnOneStatus = (typeof ONE_ON_ONE_STATUSES)[number];
/** The meetings columns of the five agenda items of a 1:1 (normalize/vocab.ts names them, as `agenda_<key>`). */
export const AGENDA_COLUMNS = ['agenda_goals', 'agenda_bottlenecks', 'agenda_customers', 'agenda_coaching', 'agenda_career'] as const;
/** What a held 1:1 may say of itself: the agenda items, and whether the report brought the data. */
const AGENDA_FLAGS = [...AGENDA_COLUMNS, 'prepared_by_report'] as const;

/** The data's "as of" date: the last meeting that is not merely scheduled, else the last outcome snapshot,
 *  else the last goal check-in (or goal start), so a goals-only export still has a window. */
const AS_OF = `coalesce(
  (SELECT max(CAST(start_at AS DATE)) FROM meetings WHERE status IS DISTINCT FROM 'scheduled'),
  (SELECT max(as_of) FROM outcomes),
  (SELECT greatest(max(CAST(updated_at AS DATE)), max(start_date)) FROM goals),
  NULL::DATE)`;

const FIRST_DAY = `coalesce((SELECT min(CAST(start_at AS DATE)) FROM meetings), (SELECT min(as_of) FROM outcomes), (SELECT min(start_date) FROM goals))`;

export const DERIVED_TABLES = ['data_range', 'account_dim', 'meeting_people', 'meeting_facts', 'customer_months', 'customer_weeks', 'held_weeks', 'held_months', 'one_on_one_days', 'csm_seen', 'outcome_snapshots', 'account_month_gain'] as const;

export const DERIVED_SQL = [
  `CREATE OR REPLACE TABLE data_range AS SELECT ${AS_OF} AS as_of, ${FIRST_DAY} AS first_day`,
  // Every account any table names; segment and CSM from the accounts report, else its outcomes, else the
  // CSM who meets it most; ARR from the accounts report, else the latest outcome snapshot that carries it;
  // the renewal date from the accounts report.
  `CREATE OR REPLACE TABLE account_dim AS
   WITH acct AS (
     SELECT account FROM accounts UNION SELECT account FROM outcomes WHERE account IS NOT NULL
     UNION SELECT account FROM meetings WHERE kind = 'customer' AND account IS NOT NULL)
   SELECT x.account, coalesce(ac.segment, os.segment) AS segment, coalesce(ac.csm, os.csm, mc.csm) AS csm,
     coalesce(ac.arr, os.arr) AS arr, ac.renewal_date
   FROM acct x
   LEFT JOIN accounts ac USING (account)
   LEFT JOIN (SELECT account, any_value(segment) AS segment, any_value(csm) AS csm, arg_max(arr, as_of) AS arr FROM outcomes WHERE account IS NOT NULL GROUP BY account) os USING (account)
   LEFT JOIN (SELECT account, mode(csm) AS csm FROM meetings WHERE account IS NOT NULL GROUP BY account) mc USING (account)`,
  // Who the meetings name, once (the filters' lists read this, never the meetings, which a published page
  // fetches only in parts).
  `CREATE OR REPLACE TABLE meeting_people AS
   SELECT DISTINCT kind = 'one_on_one' AS is_one_on_one, manager, csm FROM meetings`,
  // One narrow row per dated meeting (n = 1; the rollups below sum n), in date order: the views' counts
  // read this with the window as constants, so the engine skips the row groups outside it. (Grouping by
  // day as well cost as much as the sort and saved few rows: meetings rarely repeat a day, account and status.)
  `CREATE OR REPLACE TABLE meeting_facts AS
   SELECT CAST(start_at AS DATE) AS d, kind, status, channel, account, manager, csm, 1 AS n
   FROM meetings WHERE start_at IS NOT NULL ORDER BY d`,
  // Rollups of the facts by period, in date order: a window's whole periods are read from these, and the
  // whole weeks of its part-months from the weekly ones (touches.ts).
  ...(['month', 'week'] as const).map(
    (grain) => `CREATE OR REPLACE TABLE customer_${grain}s AS
   SELECT date_trunc('${grain}', d)::DATE AS p, account, csm, channel, sum(n)::INTEGER AS n
   FROM meeting_facts f WHERE ${heldCustomerTouch('f')} GROUP BY ALL ORDER BY p`
  ),
  ...(['week', 'month'] as const).map(
    (grain) => `CREATE OR REPLACE TABLE held_${grain}s AS
   SELECT date_trunc('${grain}', d)::DATE AS p, kind, channel, manager, csm, sum(n)::INTEGER AS n
   FROM meeting_facts f WHERE ${isHeld('f')} GROUP BY ALL ORDER BY p`
  ),
  // The 1:1s, one row per manager, report and day, with what the consistency view counts: how many had each
  // status, and among the held ones how many say whether each agenda item (and the report's preparation) was
  // covered and how many say it was. A day is as fine as any 1:1 figure reads (gaps, "since last", months),
  // and the table grows with pairs × days, not with the meetings: a published page holds it whole.
  `CREATE OR REPLACE TABLE one_on_one_days AS
   SELECT manager, csm, CAST(start_at AS DATE) AS d, date_trunc('week', start_at)::DATE AS wk,
     count(*)::INTEGER AS n,
     ${ONE_ON_ONE_STATUSES.map((st) => `count(*) FILTER (status = '${st}')::INTEGER AS ${st}`).join(',\n     ')},
     ${AGENDA_FLAGS.map((c) => `count(${c}) FILTER (status = 'held')::INTEGER AS ${c}_known, count(*) FILTER (status = 'held' AND ${c})::INTEGER AS ${c}_true`).join(',\n     ')},
     -- The five agenda items covered, summed over the held 1:1s that say for all five (the trend's "agenda items").
     sum(${AGENDA_COLUMNS.map((c) => `${c}::INTEGER`).join(' + ')}) FILTER (status = 'held')::INTEGER AS items_covered
   FROM meetings WHERE kind = 'one_on_one' AND manager IS NOT NULL AND csm IS NOT NULL AND start_at IS NOT NULL
   GROUP BY ALL ORDER BY d`,
  // When each CSM first and last appears in the meetings (tenure when the roster does not say).
  `CREATE OR REPLACE TABLE csm_seen AS
   SELECT csm, min(CAST(start_at AS DATE)) AS first_d, max(CAST(start_at AS DATE)) AS last_d
   FROM meetings WHERE csm IS NOT NULL AND start_at IS NOT NULL GROUP BY csm`,
  // Outcome snapshots with a date and a progress, each with its place in the outcome's history (date,
  // then load order): "latest as of a day" becomes arg_max(…, ord) over the rows up to that day. `delta` is
  // the change from the outcome's previous snapshot (the first counts whole, and sets `is_first`), so the
  // progress of a set of outcomes as of any day is a running sum, not a search per outcome and period.
  `CREATE OR REPLACE TABLE outcome_snapshots AS
   WITH s AS (
     SELECT outcome_id, account, coalesce(as_of, due_date) AS d, progress_pct,
       row_number() OVER (ORDER BY outcome_id, coalesce(as_of, due_date), source_id, source_row) AS ord
     FROM outcomes WHERE progress_pct IS NOT NULL AND coalesce(as_of, due_date) IS NOT NULL)
   SELECT *, progress_pct - coalesce(lag(progress_pct) OVER w, 0) AS delta, (lag(ord) OVER w IS NULL)::INTEGER AS is_first
   FROM s WINDOW w AS (PARTITION BY outcome_id ORDER BY ord)
   ORDER BY outcome_id, d`,
  // Each account's progress gained in each month (for the lagged ρ): the mean, over its outcomes with a
  // snapshot by the month's end, of the change since the previous month's end, i.e. the month's summed
  // deltas over the running count of outcomes. Months run to the "as of" month, so later months show 0.
  `CREATE OR REPLACE TABLE account_month_gain AS
   WITH am AS (
     SELECT account, date_trunc('month', d)::DATE AS m, sum(delta) AS dp, sum(is_first) AS dn
     FROM outcome_snapshots WHERE account IS NOT NULL GROUP BY ALL),
   span AS (SELECT min(m) AS first_m, greatest(max(m), date_trunc('month', (SELECT as_of FROM data_range))::DATE) AS last_m FROM am),
   months AS (SELECT unnest(generate_series(first_m, last_m, INTERVAL 1 MONTH))::DATE AS m FROM span)
   SELECT account, m, dp / n AS gain FROM (
     SELECT a.account, mo.m, coalesce(am.dp, 0) AS dp, sum(coalesce(am.dn, 0)) OVER (PARTITION BY a.account ORDER BY mo.m) AS n
     FROM (SELECT DISTINCT account FROM am) a CROSS JOIN months mo LEFT JOIN am USING (account, m))
   WHERE n > 0 ORDER BY m, account`
];
