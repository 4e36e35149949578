/**
 * The Outcomes view's charts (docs/METRICS.md): outcomes achieved per month, outcomes overdue at each month's
 * end, and time to first value per segment. Each chart's count and its drill-down read the same named CTE
 * (`marks`, `overdue_at`), so the rows a drill lists are exactly the rows its mark counts.
 */
import { literal } from '$lib/engine/sql';
import { accountWhere, dateLiteral, paramsCte, type Filters } from './filters';
import { achieved, outcomeBase, SNAP_KEYS_CTE, SNAPSHOT_ORDER } from './goalsOutcomes';

export type OutcomeChart = 'achieved' | 'overdue' | 'ttfv';

/** The calendar months the window touches, each with the day it is read at: its last day, or the window's end. */
const MONTHS_CTE = `months AS (
    SELECT m::DATE AS month, least(last_day(m), params.w_to) AS month_end
    FROM params, generate_series(date_trunc('month', params.w_from), date_trunc('month', params.w_to), INTERVAL 1 MONTH) t(m))`;

/**
 * The outcomes of the Outcomes tables (latest snapshot by the window's end, in the filters), each with the
 * month it was achieved in (achieved by the window's end, its achieved date in the window) and its segment.
 */
function marksCte(f: Filters, rowsFrom?: string): string {
  return `${outcomeBase(f, rowsFrom)},
  marks AS (
    SELECT o.*, coalesce(o.segment, '(no segment)') AS seg,
      CASE WHEN o.state = 'achieved' AND o.achieved_date BETWEEN params.w_from AND params.w_to THEN date_trunc('month', o.achieved_date)::DATE END AS achieved_month
    FROM o CROSS JOIN params)`;
}

/**
 * Each outcome as it stood at each month's end (the window's end for its last month): its latest snapshot on
 * or before that day and nothing later (no look-ahead), in the filters. Overdue then: not achieved on that
 * snapshot and due before that day. On the window's end this is the tables' overdue count.
 */
function overdueCte(f: Filters): string {
  return `WITH ${paramsCte(f)},
  ${SNAP_KEYS_CTE},
  ${MONTHS_CTE},
  standing AS (
    SELECT k.month, k.month_end, o.*, k.snap_d FROM (
      SELECT m.month, m.month_end, s.outcome_id, s.source_id, s.source_row, s.snap_d FROM months m JOIN snap_keys s ON s.snap_d <= m.month_end
      QUALIFY row_number() OVER (PARTITION BY m.month_end, s.outcome_id ORDER BY ${SNAPSHOT_ORDER}) = 1) k
    JOIN outcomes o USING (outcome_id, source_id, source_row)),
  overdue_at AS (
    SELECT s.*, coalesce(s.segment, '(no segment)') AS seg, CASE WHEN s.first_value_date <= s.month_end THEN date_diff('day', s.start_date, s.first_value_date) END AS days_to_value
    FROM standing s WHERE NOT coalesce(${achieved('s')}, false) AND s.due_date < s.month_end AND ${accountWhere(f, 's')})`;
}

/** Outcomes achieved in each calendar month of the window (0 for a month with none). */
export function achievedMonthsSql(f: Filters, rowsFrom?: string): string {
  return `${marksCte(f, rowsFrom)}, ${MONTHS_CTE}
  SELECT strftime(months.month, '%Y-%m-%d') AS month, count(marks.achieved_month)::INTEGER AS achieved
  FROM months LEFT JOIN marks ON marks.achieved_month = months.month GROUP BY months.month ORDER BY months.month`;
}

/** Outcomes overdue at each month's end of the window (the last: at the window's end). */
export function overdueMonthsSql(f: Filters): string {
  return `${overdueCte(f)}
  SELECT strftime(months.month, '%Y-%m-%d') AS month, strftime(months.month_end, '%Y-%m-%d') AS month_end, count(overdue_at.outcome_id)::INTEGER AS overdue
  FROM months LEFT JOIN overdue_at USING (month_end) GROUP BY months.month, months.month_end ORDER BY months.month`;
}

/** Time to first value per segment: n, quartiles, median and range (the box), over outcomes that have one. */
export function ttfvSegmentsSql(f: Filters, rowsFrom?: string): string {
  return `${marksCte(f, rowsFrom)}
  SELECT seg AS segment, count(*)::INTEGER AS value_n, min(days_to_value) AS ttfv_min, quantile_cont(days_to_value, 0.25) AS ttfv_q1,
    median(days_to_value) AS median_days_to_value, quantile_cont(days_to_value, 0.75) AS ttfv_q3, max(days_to_value) AS ttfv_max
  FROM marks WHERE days_to_value IS NOT NULL GROUP BY ALL ORDER BY segment`;
}

/** Every outcome's time to first value, by segment (the dots beside each box). */
export function ttfvPointsSql(f: Filters, rowsFrom?: string): string {
  return `${marksCte(f, rowsFrom)}
  SELECT seg AS segment, account, days_to_value FROM marks WHERE days_to_value IS NOT NULL ORDER BY segment, days_to_value, account`;
}

/** The rows behind a mark of `chart` (a month, a month's end, a segment), from the same CTEs as its count. */
function behindCte(chart: OutcomeChart, key: string, f: Filters): string {
  if (chart === 'overdue') return `${overdueCte(f)}, behind AS (SELECT * FROM overdue_at WHERE month_end = ${dateLiteral(key)})`;
  const where = chart === 'achieved' ? `achieved_month = ${dateLiteral(key)}` : `days_to_value IS NOT NULL AND seg = ${literal(key)}`;
  return `${marksCte(f)}, behind AS (SELECT * FROM marks WHERE ${where})`;
}

/** The outcomes behind a mark: account, segment, CSM, ARR, the outcome, its status, progress and dates. */
export function outcomeDrillSql(chart: OutcomeChart, key: string, f: Filters, limit: number): string {
  return `${behindCte(chart, key, f)}
  SELECT b.account, b.seg AS segment, coalesce(n.name, b.csm) AS csm_name, ad.arr, b.outcome AS outcome_title, b.status, b.progress_pct,
    strftime(b.due_date, '%Y-%m-%d') AS due, strftime(b.achieved_date, '%Y-%m-%d') AS achieved_on, b.days_to_value, strftime(b.as_of, '%Y-%m-%d') AS snapshot
  FROM behind b LEFT JOIN person_names n ON n.person_key = b.csm LEFT JOIN (SELECT account, arr FROM account_dim) ad USING (account)
  ORDER BY ad.arr DESC NULLS LAST, b.account, b.outcome_id LIMIT ${limit}`;
}

/** How the outcomes behind a mark split by status (`part` NULL when the export gave none). */
export function outcomeDrillSplitSql(chart: OutcomeChart, key: string, f: Filters): string {
  return `${behindCte(chart, key, f)}
  SELECT status AS part, count(*)::INTEGER AS n FROM behind GROUP BY ALL ORDER BY n DESC, part NULLS LAST`;
}
