/**
 * The Goals view's charts (docs/METRICS.md): how the goals spread over progress and over pacing, in 10-point
 * bins, and their mean progress by month of check-in. Each chart's count and its drill-down read the same
 * named CTE (`marks`, `checkins`), so the rows a drill lists are exactly the rows its mark counts.
 */
import { dateLiteral, type Filters } from './filters';
import { goalBase, goalKey } from './goalsOutcomes';

/** The width of a bin, in percentage points. */
export const BIN_POINTS = 10;
export type GoalChart = 'progress' | 'pacing' | 'checkin';

/** The lower edge of the bin a value falls in; the top value goes in the bin below it (100% is in 90–100%). */
const binOf = (expr: string) => `CASE WHEN ${expr} IS NOT NULL THEN least(floor(${expr} / ${BIN_POINTS}) * ${BIN_POINTS}, ${100 - BIN_POINTS})::INTEGER END`;

/** The goals of the Goals tables (latest check-in), each with its progress bin and its pacing bin. */
function marksCte(f: Filters): string {
  return `${goalBase(f)},
  marks AS (SELECT *, ${binOf('progress_pct')} AS progress_bin, ${binOf('pacing')} AS pacing_bin FROM g)`;
}

/**
 * Each goal's last check-in in each calendar month of the window, for the goals of the tables: what its
 * owner reported that month (a goal with several check-ins in a month counts once, at the last).
 */
function checkinsCte(f: Filters): string {
  return `${goalBase(f)},
  checkins AS (
    SELECT c.*, g.team, g.title AS goal_title FROM (
      SELECT r.*, ${goalKey('r')} AS goal_key, date_trunc('month', r.updated_at)::DATE AS month FROM goals r CROSS JOIN params
      WHERE r.updated_at IS NOT NULL AND r.progress_pct IS NOT NULL AND CAST(r.updated_at AS DATE) BETWEEN params.w_from AND params.w_to
      QUALIFY row_number() OVER (PARTITION BY goal_key, month ORDER BY r.updated_at DESC, r.source_id DESC, r.source_row DESC) = 1) c
    JOIN (SELECT goal_key, team, title FROM g) g USING (goal_key))`;
}

/** Goals per 10-point bin of progress (0–10% … 90–100%), over goals with a progress value. */
export function goalProgressBinsSql(f: Filters): string {
  return `${marksCte(f)}
  SELECT progress_bin AS bin, count(*)::INTEGER AS goals FROM marks WHERE progress_bin IS NOT NULL GROUP BY ALL ORDER BY bin`;
}

/** Goals per 10-point bin of pacing (−100 … +100 points), over goals with a progress value and dates. */
export function goalPacingBinsSql(f: Filters): string {
  return `${marksCte(f)}
  SELECT pacing_bin AS bin, count(*)::INTEGER AS goals FROM marks WHERE pacing_bin IS NOT NULL GROUP BY ALL ORDER BY bin`;
}

/** Per calendar month of the window with a check-in: the goals checked in and their mean progress then. */
export function goalCheckinMonthsSql(f: Filters): string {
  return `${checkinsCte(f)}
  SELECT strftime(month, '%Y-%m-%d') AS month, count(*)::INTEGER AS goals, avg(progress_pct) AS mean_progress FROM checkins GROUP BY ALL ORDER BY month`;
}

/** The condition that puts a row of `marks` or `checkins` behind a mark of `chart` (its bin's lower edge, or its month). */
function behindWhere(chart: GoalChart, key: string): string {
  if (chart === 'checkin') return `month = ${dateLiteral(key)}`;
  const bin = Number(key);
  if (!Number.isInteger(bin)) throw new Error(`not a bin: ${key}`);
  return `${chart === 'progress' ? 'progress_bin' : 'pacing_bin'} = ${bin}`;
}

/** The rows behind a goals chart's mark, with the same CTEs as its count. */
function behindCte(chart: GoalChart, key: string, f: Filters): string {
  return chart === 'checkin'
    ? `${checkinsCte(f)}, behind AS (SELECT goal_title AS title, owner, team, status, progress_pct, NULL::DOUBLE AS pacing, updated_at, due_date, source_id, source_row FROM checkins WHERE ${behindWhere(chart, key)})`
    : `${marksCte(f)}, behind AS (SELECT title, owner, team, status, progress_pct, pacing, updated_at, due_date, source_id, source_row FROM marks WHERE ${behindWhere(chart, key)})`;
}

/** The goals behind a mark: title, owner, team, status, progress and pacing, check-in and due dates. */
export function goalDrillSql(chart: GoalChart, key: string, f: Filters, limit: number): string {
  return `${behindCte(chart, key, f)}
  SELECT b.title, coalesce(n.name, b.owner) AS owner_name, b.team, b.status, b.progress_pct, b.pacing,
    strftime(b.updated_at, '%Y-%m-%d') AS checked_in, strftime(b.due_date, '%Y-%m-%d') AS due
  FROM behind b LEFT JOIN person_names n ON n.person_key = b.owner
  ORDER BY b.progress_pct, b.title, b.source_id, b.source_row LIMIT ${limit}`;
}

/** How the goals behind a mark split by status (`part` NULL when the export gave none). */
export function goalDrillSplitSql(chart: GoalChart, key: string, f: Filters): string {
  return `${behindCte(chart, key, f)}
  SELECT status AS part, count(*)::INTEGER AS n FROM behind GROUP BY ALL ORDER BY n DESC, part NULLS LAST`;
}

/** A bin's words: "40–50%" for progress, "−10 to 0 pts" for pacing. */
export function binLabel(chart: 'progress' | 'pacing', lo: number): string {
  const sign = (v: number) => (v < 0 ? `−${Math.abs(v)}` : v > 0 && chart === 'pacing' ? `+${v}` : String(v));
  return chart === 'progress' ? `${lo}–${lo + BIN_POINTS}%` : `${sign(lo)} to ${sign(lo + BIN_POINTS)} pts`;
}
