import { beforeAll, describe, expect, it } from 'vitest';
import { deriveForTests, sql } from '$lib/testing/duckdb-node';
import { countOf, definitionsFor, FIGURES, figure, formatFigure, type Source } from './registry';
import { NO_FILTERS, type Filters } from './filters';
import { managersSql, pairsSql, teamFilters, totalsSql, trendSql, upcomingSql } from './oneOnOne';
import { accountsSql, correlationSql, laggedCorrelationSql, weeklySql } from './meetingsOutcomes';
import { goalsAtRiskSql, goalsByOwnerSql, goalsByTeamSql, outcomesByAccountSql, outcomesBySegmentSql } from './goalsOutcomes';
import { drillSql } from './drill';
import { goalCheckinMonthsSql, goalPacingBinsSql, goalProgressBinsSql } from './goalCharts';
import { achievedMonthsSql, overdueMonthsSql, ttfvSegmentsSql } from './outcomeCharts';
import { headline, headlineRow } from '$lib/overview/headline';
import { renewalRows } from '$lib/overview/revenue';
import { servedAgainstModel } from '$lib/overview/touchModel';
import { segmentMonthsSql } from './touchModel';

const f: Filters = { from: '2026-01-05', to: '2026-03-31', ...NO_FILTERS };

/** Every result set a figure can read, as queries.ts runs it (a new Source fails to type-check until it is here). */
type SqlSource = Exclude<Source, 'overview.headline' | 'overview.renewals' | 'touchModel.accounts'>;
const QUERIES: Record<SqlSource, string> = {
  'oneOnOne.managers': managersSql(f),
  'oneOnOne.pairs': pairsSql(f),
  'oneOnOne.totals': totalsSql(f),
  'oneOnOne.trend': trendSql(f),
  'oneOnOne.upcoming': upcomingSql(f),
  'oneOnOne.team': totalsSql(teamFilters({ ...f, managers: ['dana@x'] })),
  'meetingsOutcomes.accounts': accountsSql(f),
  'meetingsOutcomes.correlation': correlationSql(f),
  'meetingsOutcomes.lagged': laggedCorrelationSql(f),
  'meetingsOutcomes.weekly': weeklySql(f, 'week'),
  'meetingsOutcomes.segmentMonths': segmentMonthsSql(f),
  'goalsView.owners': goalsByOwnerSql(f),
  'goalsView.teams': goalsByTeamSql(f),
  'goalsView.atRisk': goalsAtRiskSql(f),
  'outcomesView.segments': outcomesBySegmentSql(f),
  'outcomesView.accounts': outcomesByAccountSql(f),
  'goalsView.progressBins': goalProgressBinsSql(f),
  'goalsView.pacingBins': goalPacingBinsSql(f),
  'goalsView.checkinMonths': goalCheckinMonthsSql(f),
  'outcomesView.achievedMonths': achievedMonthsSql(f),
  'outcomesView.overdueMonths': overdueMonthsSql(f),
  'outcomesView.ttfv': ttfvSegmentsSql(f),
  'drill.rows': drillSql({ type: 'account', account: 'Acme', label: 'Customer touches with Acme' }, f),
  'drill.goals': drillSql({ type: 'goals', chart: 'progress', key: '20', label: 'Goals at 20–30% progress' }, f),
  'drill.outcomes': drillSql({ type: 'outcomes', chart: 'ttfv', key: 'High', label: 'High: time to first value' }, f)
};

// A small dataset with every canonical column the metric SQL reads: a manager with a report, customer
// meetings of several channels, outcome snapshots, goals with check-ins.
beforeAll(async () => {
  const meeting = (d: string, kind: string, status: string, channel: string | null, account: string | null, csm = 'alex@x') =>
    `(TIMESTAMP '${d} 10:00:00', 'm-${d}-${kind}-${account}', 'Title', '${kind}', '${status}', ${channel ? `'${channel}'` : 'NULL'}, ${account ? `'${account}'` : 'NULL'}, 'dana@x', '${csm}', true, false, true, false, true, true, 'meetings.csv', 1)`;
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, meeting_id VARCHAR, title VARCHAR, kind VARCHAR, status VARCHAR, channel VARCHAR, account VARCHAR, manager VARCHAR, csm VARCHAR,
      agenda_goals BOOLEAN, agenda_bottlenecks BOOLEAN, agenda_customers BOOLEAN, agenda_coaching BOOLEAN, agenda_career BOOLEAN, prepared_by_report BOOLEAN, source_file VARCHAR, source_row INTEGER);
    INSERT INTO meetings VALUES
      ${meeting('2026-01-06', 'one_on_one', 'held', null, null)}, ${meeting('2026-01-13', 'one_on_one', 'cancelled', null, null)}, ${meeting('2026-01-20', 'one_on_one', 'held', null, null)},
      ${meeting('2026-01-07', 'customer', 'held', 'meeting', 'Acme')}, ${meeting('2026-02-07', 'customer', 'held', 'email', 'Acme')}, ${meeting('2026-02-09', 'customer', 'held', 'meeting', 'Globex')};
    ALTER TABLE meetings ADD COLUMN notes VARCHAR;
    UPDATE meetings SET notes = 'Talked through the renewal' WHERE kind = 'customer';
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
    INSERT INTO people VALUES ('dana@x', 'Dana', NULL, 'East', NULL, NULL), ('alex@x', 'Alex', 'dana@x', 'East', NULL, NULL);
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR, arr DOUBLE, renewal_date DATE);
    INSERT INTO accounts VALUES ('Acme', 'High', 'alex@x', 250000, DATE '2026-05-15'), ('Globex', 'Tech', 'alex@x', NULL, NULL);
    CREATE OR REPLACE TABLE outcomes (outcome_id VARCHAR, account VARCHAR, segment VARCHAR, csm VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, first_value_date DATE, as_of DATE, source_id INTEGER, source_row INTEGER, outcome VARCHAR, achieved_date DATE);
    INSERT INTO outcomes VALUES
      ('o1', 'Acme', 'High', 'alex@x', 'in_progress', 20, DATE '2025-11-01', DATE '2026-06-30', DATE '2025-12-01', DATE '2025-12-31', 1, 1, 'Adoption', NULL),
      ('o1', 'Acme', 'High', 'alex@x', 'in_progress', 45, DATE '2025-11-01', DATE '2026-06-30', DATE '2025-12-01', DATE '2026-02-01', 1, 2, 'Adoption', NULL),
      ('o2', 'Globex', 'Tech', 'alex@x', 'achieved', 100, DATE '2026-01-01', DATE '2026-02-28', NULL, DATE '2026-02-01', 1, 3, 'Launch', DATE '2026-01-30');
    CREATE OR REPLACE TABLE goals (goal_id VARCHAR, title VARCHAR, owner VARCHAR, manager VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, updated_at TIMESTAMP, source_id INTEGER, source_row INTEGER);
    INSERT INTO goals VALUES ('g1', 'NRR', 'alex@x', 'dana@x', 'at_risk', 20, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-08 00:00:00', 1, 1);`);
  await deriveForTests();
});

describe('the figures registry', () => {
  it('names each figure once, with a label, a definition and, for counts, the words for one and many', () => {
    const ids = FIGURES.map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const x of FIGURES) {
      expect(x.label.trim(), x.id).not.toBe('');
      expect(x.definition, x.id).toMatch(/^\S.*\.$/); // a sentence
      if (x.column !== null) expect(x.sources.length, `${x.id} reads no result`).toBeGreaterThan(0);
      if (x.count) expect(x.count.every((w) => w.trim() !== ''), x.id).toBe(true);
      expect(x.views.length, x.id).toBeGreaterThan(0);
    }
  });

  it('reads only columns that its metric queries return', async () => {
    const columns = new Map<Source, Set<string>>();
    for (const [source, text] of Object.entries(QUERIES) as [SqlSource, string][]) {
      const rows = await sql(`SELECT column_name FROM (DESCRIBE ${text})`);
      columns.set(source, new Set(rows.map((r) => String(r.column_name))));
    }
    // The overview's headline table is pooled in TypeScript from the rows of the queries above.
    const period = { accounts: await sql(accountsSql(f)), managers: await sql(managersSql(f)), outcomeSegments: await sql(outcomesBySegmentSql(f)), goalTeams: await sql(goalsByTeamSql(f)) };
    columns.set('overview.headline', new Set(headline(period, period).flatMap((h) => Object.keys(headlineRow(h)))));
    const renewals = renewalRows(period.accounts, await sql(outcomesByAccountSql(f)), '2026-03-31');
    expect(renewals.length, 'a renewal in the test data').toBeGreaterThan(0);
    columns.set('overview.renewals', new Set(renewals.flatMap((r) => Object.keys(r))));
    const served = servedAgainstModel(period.accounts, { High: 100 }, f);
    expect(served.length, 'an account served below a model').toBeGreaterThan(0);
    columns.set('touchModel.accounts', new Set(served.flatMap((r) => Object.keys(r))));
    const missing = FIGURES.flatMap((x) => (x.column === null ? [] : x.sources.filter((s) => !columns.get(s)!.has(x.column!)).map((s) => `${x.id}: no column ${x.column} in ${s}`)));
    expect(missing).toEqual([]);
  });

  it('every query runs on the dataset and returns rows (so the column check reads real results)', async () => {
    for (const [source, text] of Object.entries(QUERIES)) expect((await sql(text)).length, source).toBeGreaterThan(0);
  });

  it('counts in the figure’s words, singular for one', () => {
    expect(countOf('meetings', 1)).toBe('1 meeting');
    expect(countOf('meetings', 2)).toBe('2 meetings');
    expect(countOf('touches', 0)).toBe('0 touches');
    expect(countOf('rho_next_n', 600)).toBe('600 account-months');
    expect(countOf('touches', 1234)).toBe('1,234 touches');
    expect(() => countOf('coverage', 1)).toThrow(/not a count/);
    expect(() => figure('nope')).toThrow(/No figure/);
  });

  it('formats by the figure’s unit', () => {
    expect(formatFigure('coverage', 0.875)).toBe('88%');
    expect(formatFigure('pair_coverage', 0.875, { held_weeks: 7, active_weeks: 8 })).toBe('88% (7/8)');
    expect(formatFigure('progress_gained', 4.2)).toBe('+4 pts');
    expect(formatFigure('goal_mean_progress', 50)).toBe('50%');
    expect(formatFigure('goal_mean_progress', null)).toBe('—');
    expect(formatFigure('med_meetings', 2.25)).toBe('2.3');
    expect(formatFigure('median_days_to_value', 20.4)).toBe('20 d');
    expect(formatFigure('career_90', false)).toBe('no');
    expect(formatFigure('rho_interval', -0.1, { lo: -0.1, hi: 0.3 })).toBe('-0.10 to 0.30');
    expect(formatFigure('rho_interval', null, { lo: null, hi: null })).toBe('n too small');
    expect(formatFigure('goal_status', 'off_track')).toBe('off track');
  });

  it('gives each view’s panel its figures (not its names and dates), each wording once, with what n counts', () => {
    const oo = definitionsFor('oneonone');
    expect(oo.map(([t]) => t)).toContain('Coverage');
    expect(oo.filter(([t]) => t === 'Coverage')).toHaveLength(1);
    expect(oo.map(([t]) => t)).not.toContain('Manager');
    const mo = Object.fromEntries(definitionsFor('meetings'));
    expect(mo['ρ next month']).toMatch(/n: account-months\.$/);
    expect(mo['Segment median meetings']).toBeDefined();
    for (const view of ['meetings', 'oneonone', 'goals', 'outcomes'] as const) expect(definitionsFor(view).length, view).toBeGreaterThanOrEqual(4);
  });
});
