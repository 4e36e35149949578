/** The metric queries, run on the engine: what the views call. */
import { query, queryBatch, type Row } from '$lib/engine';
import { ensureRows } from '$lib/engine/partitions';
import { drillNeeds, factNeeds } from './rowNeeds';
import type { Filters } from './filters';
import type { CadencePlan } from './cadencePlan';
import { gridSql, KEPT, managersSql, oneOnOneSetupSql, pairsSql, teamFilters, totalsSql, trendSql, upcomingSql } from './oneOnOne';
import { capPeriod, previousPeriod, type Period } from './previousPeriod';
import { accountRowsSql, accountsSql, correlationSql, laggedCorrelationSql, weeklySql } from './meetingsOutcomes';
import { goalsAtRiskSql, goalsByOwnerSql, goalsByTeamSql, outcomeRowsSql, outcomesByAccountSql, outcomesBySegmentSql } from './goalsOutcomes';
import { OPTIONS_SQL } from './options';
import { goalCheckinMonthsSql, goalPacingBinsSql, goalProgressBinsSql } from './goalCharts';
import { achievedMonthsSql, overdueMonthsSql, ttfvPointsSql, ttfvSegmentsSql } from './outcomeCharts';
import { drillSplitSql, drillSplitsBy, drillSql, type DrillTarget } from './drill';
import { segmentMonthsSql } from './touchModel';

export type { DrillTarget };
/** The rows behind a mark and how they split (the split counts every row, the list stops at DRILL_ROW_LIMIT). */
export const drill = async (t: DrillTarget, f: Filters) => {
  await ensureRows(drillNeeds(t, f));
  const [rows, split] = await Promise.all([query(drillSql(t, f)), query(drillSplitSql(t, f))]);
  return { target: t, rows, by: drillSplitsBy(t), split: split.map((r) => ({ part: r.part === null ? null : String(r.part), n: Number(r.n) })) };
};

export interface Option {
  value: string;
  label: string;
}

export async function filterOptions(): Promise<{ asOf: string | null; firstDay: string | null; managers: Option[]; csms: Option[]; teams: Option[]; segments: Option[] }> {
  // One connection for the five lists (the engine runs them one after another anyway).
  const [[range], managers, csms, teams, segments] = await queryBatch([], [OPTIONS_SQL.range, OPTIONS_SQL.managers, OPTIONS_SQL.csms, OPTIONS_SQL.teams, OPTIONS_SQL.segments]);
  const opts = (rows: Row[]) => rows.map((r) => ({ value: String(r.value), label: String(r.label) }));
  return {
    asOf: range?.as_of === null || range?.as_of === undefined ? null : String(range.as_of),
    firstDay: range?.first_day === null || range?.first_day === undefined ? null : String(range.first_day),
    managers: opts(managers),
    csms: opts(csms),
    teams: opts(teams),
    segments: opts(segments)
  };
}

/**
 * The chain's costly parts (week statuses, pair statistics, streaks) once, for the queries that read them;
 * the headline totals also for the previous period of the same length (the window capped at "as of").
 */
export const oneOnOne = async (f: Filters, plans: readonly CadencePlan[] = [], asOf: string | null = null) => {
  const window: Period = asOf ? capPeriod({ from: f.from, to: f.to }, asOf) : { from: f.from, to: f.to };
  const previous = window.from <= window.to ? previousPeriod(window) : null;
  // With managers selected, the team average beside them: the same totals without the manager filter.
  const focused = f.managers.length > 0;
  const [managers, pairs, grid, totals, trend, upcoming, ...rest] = await queryBatch(oneOnOneSetupSql(f, plans), [
    managersSql(f, KEPT, plans),
    pairsSql(f, KEPT, plans),
    gridSql(f, KEPT, plans),
    totalsSql(f, KEPT, plans),
    trendSql(f, KEPT, plans),
    upcomingSql(f, KEPT, plans),
    ...(focused ? [totalsSql(teamFilters(f), [], plans)] : []),
    ...(previous ? [totalsSql({ ...f, ...previous }, [], plans)] : [])
  ]);
  const team = focused ? (rest.shift()?.[0] ?? null) : (totals[0] ?? null);
  return { asOf, managers, pairs, grid, trend, upcoming, team, totals: { now: totals[0] ?? null, before: rest[0]?.[0] ?? null, window, previous } };
};

/** The per-account rows once, in a temporary table, for the three queries that read them. */
export const meetingsOutcomes = async (f: Filters, grain: 'week' | 'month' = 'week') => {
  await ensureRows(factNeeds(f, null));
  const rows = 'view_account_rows';
  const [accounts, correlation, lagged, weekly, segmentMonths] = await queryBatch(
    [`CREATE OR REPLACE TEMP TABLE ${rows} AS ${accountRowsSql(f)}`],
    [accountsSql(f, rows), correlationSql(f, rows), laggedCorrelationSql(f, rows), weeklySql(f, grain), segmentMonthsSql(f)]
  );
  return { accounts, correlation, lagged, weekly, grain, segmentMonths };
};

export const goalsView = async (f: Filters) => {
  const [owners, teams, atRisk, progressBins, pacingBins, checkinMonths] = await queryBatch(
    [],
    [goalsByOwnerSql(f), goalsByTeamSql(f), goalsAtRiskSql(f), goalProgressBinsSql(f), goalPacingBinsSql(f), goalCheckinMonthsSql(f)]
  );
  return { owners, teams, atRisk, progressBins, pacingBins, checkinMonths };
};
export type GoalsData = Awaited<ReturnType<typeof goalsView>>;

/** The outcomes as of the window's end once, in a temporary table, for the queries that read them. */
export const outcomesView = async (f: Filters) => {
  const rows = 'view_outcome_rows';
  const [segments, accounts, achievedMonths, overdueMonths, ttfv, ttfvPoints] = await queryBatch(
    [`CREATE OR REPLACE TEMP TABLE ${rows} AS ${outcomeRowsSql(f)}`],
    [outcomesBySegmentSql(f, rows), outcomesByAccountSql(f, rows), achievedMonthsSql(f, rows), overdueMonthsSql(f), ttfvSegmentsSql(f, rows), ttfvPointsSql(f, rows)]
  );
  return { segments, accounts, achievedMonths, overdueMonths, ttfv, ttfvPoints };
};
export type OutcomesData = Awaited<ReturnType<typeof outcomesView>>;

/**
 * The overview: the rows its headline pools and its findings read, for the window and the previous period of
 * the same length (none when that period ends before the data starts). Only the figures' existing queries,
 * on the derived tables; the previous period needs only what the headline pools.
 */
export const overview = async (f: Filters, asOf: string, firstDay: string) => {
  const window: Period = capPeriod(f, asOf);
  const prev = window.from <= window.to ? previousPeriod(window) : null;
  const pf: Filters = { ...f, ...(prev ?? window) };
  await ensureRows(factNeeds(f, asOf));
  const rows = 'view_account_rows';
  const outcomes = 'view_outcome_rows';
  const [accounts, correlation, managers, outcomeSegments, outcomeAccounts, goalTeams] = await queryBatch(
    [`CREATE OR REPLACE TEMP TABLE ${rows} AS ${accountRowsSql(f)}`, `CREATE OR REPLACE TEMP TABLE ${outcomes} AS ${outcomeRowsSql(f)}`, ...oneOnOneSetupSql(f)],
    [accountsSql(f, rows), correlationSql(f, rows), managersSql(f, KEPT), outcomesBySegmentSql(f, outcomes), outcomesByAccountSql(f, outcomes), goalsByTeamSql(f)]
  );
  // The 1:1 chain's costly parts are kept per period as on the 1:1 view (the weekly standard: no plans here).
  const before =
    !prev || prev.to < firstDay
      ? null
      : await queryBatch(oneOnOneSetupSql(pf), [accountRowsSql(pf), managersSql(pf, KEPT), outcomesBySegmentSql(pf), goalsByTeamSql(pf)]).then(([a, m, o, g]) => ({ accounts: a, managers: m, outcomeSegments: o, goalTeams: g }));
  return { window, previous: before ? prev : null, asOf, now: { accounts, managers, outcomeSegments, goalTeams }, correlation, outcomeAccounts, before };
};
export type OverviewData = Awaited<ReturnType<typeof overview>>;

/**
 * A coaching brief of one manager: their figures now and in the previous period, every manager's pooled
 * figures beside them (the average the brief compares with), their pairs, weeks, months and what is coming up.
 */
export const coachingBrief = async (f: Filters, plans: readonly CadencePlan[], asOf: string | null, manager: string) => {
  const mine: Filters = { ...f, managers: [manager] };
  const window: Period = asOf ? capPeriod({ from: f.from, to: f.to }, asOf) : { from: f.from, to: f.to };
  const previous = window.from <= window.to ? previousPeriod(window) : null;
  const [now, all, before, managers, pairs, grid, trend, upcoming] = await Promise.all([
    query(totalsSql(mine, [], plans)),
    query(totalsSql(f, [], plans)),
    previous ? query(totalsSql({ ...mine, ...previous }, [], plans)) : Promise.resolve([]),
    query(managersSql(mine, [], plans)),
    query(pairsSql(mine, [], plans)),
    query(gridSql(mine, [], plans)),
    query(trendSql(mine, [], plans)),
    query(upcomingSql(mine, [], plans))
  ]);
  return { manager, asOf, window, previous, now: now[0] ?? null, all: all[0] ?? null, before: before[0] ?? null, row: managers[0] ?? null, pairs, grid, trend, upcoming };
};
