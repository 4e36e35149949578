/**
 * The rows behind a mark: the meetings its number counts, as the exports gave them, and how they split
 * (by channel for touches, by status for 1:1s); for a goals or outcomes chart, its goals or outcomes
 * (goalCharts.ts, outcomeCharts.ts). The predicate is built from the same named parts as the
 * mark's count (touches.ts), so the drill lists exactly the rows the mark counts.
 */
import { literal } from '$lib/engine/sql';
import { dateLiteral, meetingPeopleWhere, paramsCte, type Filters } from './filters';
import { isDueOneOnOne } from './oneOnOne';
import { AGENDA_COLUMNS } from './derived';
import { accountTouchFilter, heldCustomerTouch, periodTouchFilter } from './touches';
import { goalDrillSplitSql, goalDrillSql, type GoalChart } from './goalCharts';
import { outcomeDrillSplitSql, outcomeDrillSql, type OutcomeChart } from './outcomeCharts';
import { figure } from './registry';

export type DrillTarget =
  | { type: 'pair'; manager: string; csm: string; label: string }
  /** A goals chart's mark: a bin's lower edge (progress, pacing) or a month of check-in (its first day). */
  | { type: 'goals'; chart: GoalChart; key: string; label: string }
  /** An outcomes chart's mark: a month achieved in, a month whose end it is overdue at (its first day), or a segment. */
  | { type: 'outcomes'; chart: OutcomeChart; key: string; label: string }
  /** A manager's 1:1s that were due in the window (held, cancelled, rescheduled, no-show): what their rates count. */
  | { type: 'manager'; manager: string; label: string }
  | { type: 'account'; account: string; label: string }
  | { type: 'period'; start: string; grain: 'week' | 'month'; label: string };

/** What a drill's rows are, and so how they split: touches by channel, 1:1s by status, goals and outcomes by their status. */
export type DrillRows = 'channel' | 'status' | 'goals' | 'outcomes';
export const drillSplitsBy = (t: DrillTarget): DrillRows =>
  t.type === 'goals' || t.type === 'outcomes' ? t.type : t.type === 'pair' || t.type === 'manager' ? 'status' : 'channel';

/** Rows behind a drill are listed up to this many; the split and the heading count every one. */
export const DRILL_ROW_LIMIT = 50_000;

type MeetingTarget = Exclude<DrillTarget, { type: 'goals' | 'outcomes' }>;

/** The condition on a meetings row `m` that makes it one of the rows the mark counts (the window aside). */
function behindWhere(t: MeetingTarget, f: Filters): string {
  if (t.type === 'pair') return `m.kind = 'one_on_one' AND m.manager = ${literal(t.manager)} AND m.csm = ${literal(t.csm)}`;
  if (t.type === 'manager') return `${isDueOneOnOne('m')} AND m.manager = ${literal(t.manager)} AND ${meetingPeopleWhere(f, 'm')}`;
  if (t.type === 'account') return `${heldCustomerTouch('m')} AND m.account = ${literal(t.account)} AND ${accountTouchFilter(f, 'm')}`;
  return `${heldCustomerTouch('m')} AND date_trunc(${literal(t.grain)}, m.start_at)::DATE = ${dateLiteral(t.start)} AND ${periodTouchFilter(f, 'm')}`;
}

/** The CTEs both drill queries start from: the window, and the meetings behind the mark in it. */
function behindCte(t: MeetingTarget, f: Filters): string {
  return `WITH ${paramsCte(f)},
  behind AS (
    SELECT m.* FROM meetings m CROSS JOIN params
    WHERE ${behindWhere(t, f)} AND CAST(m.start_at AS DATE) BETWEEN params.w_from AND params.w_to)`;
}

/**
 * The agenda items a meeting row `m` covered, in words ("Goals, Career"): "none" when its agenda or notes
 * mention none, NULL when its export carries neither (as the agenda figures count them).
 */
export function agendaCoveredSql(m = 'm'): string {
  const items = AGENDA_COLUMNS.map((c) => `CASE WHEN ${m}.${c} THEN ${literal(figure(c).label)} END`).join(', ');
  return `CASE WHEN ${AGENDA_COLUMNS.map((c) => `${m}.${c} IS NULL`).join(' AND ')} THEN NULL ELSE coalesce(nullif(concat_ws(', ', ${items}), ''), 'none') END`;
}

/** The rows, in time order, with the file and row each came from (and, for a 1:1, its agenda and notes). */
export function drillSql(t: DrillTarget, f: Filters): string {
  if (t.type === 'goals') return goalDrillSql(t.chart, t.key, f, DRILL_ROW_LIMIT);
  if (t.type === 'outcomes') return outcomeDrillSql(t.chart, t.key, f, DRILL_ROW_LIMIT);
  return `${behindCte(t, f)}
  SELECT strftime(m.start_at, '%Y-%m-%d %H:%M') AS start, m.title, m.status, m.channel, coalesce(mn.name, m.manager) AS manager_name,
    coalesce(cn.name, m.csm) AS csm_name, m.account, ${agendaCoveredSql('m')} AS agenda_covered, m.notes, m.source_file, m.source_row
  FROM behind m
  LEFT JOIN person_names mn ON mn.person_key = m.manager
  LEFT JOIN person_names cn ON cn.person_key = m.csm
  ORDER BY m.start_at, m.source_file, m.source_row LIMIT ${DRILL_ROW_LIMIT}`;
}

/** How the rows split: one row per channel (touches) or status (1:1s), with its count (`part` NULL when the export did not say). */
export function drillSplitSql(t: DrillTarget, f: Filters): string {
  if (t.type === 'goals') return goalDrillSplitSql(t.chart, t.key, f);
  if (t.type === 'outcomes') return outcomeDrillSplitSql(t.chart, t.key, f);
  const by = drillSplitsBy(t);
  return `${behindCte(t, f)}
  SELECT ${by} AS part, count(*)::INTEGER AS n FROM behind GROUP BY ALL ORDER BY n DESC, part NULLS LAST`;
}
