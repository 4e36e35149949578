import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { binLabel, goalCheckinMonthsSql, goalPacingBinsSql, goalProgressBinsSql } from './goalCharts';
import { drillSplitSql, drillSql, type DrillTarget } from './drill';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Five goals, as of 2026-03-31 (the last meeting), window Q1 2026 (01-01 … 03-31, 89 days from start to due):
 *   A (alex) 20% on 01-15, 60% on 02-10: elapsed 40/89 = 44.9%, pacing +15.1 → progress bin 60, pacing bin +10
 *   B (alex) 100% on 03-05, achieved: elapsed 63/89 = 70.8%, pacing +29.2 → bins 90 and +20
 *   C (sam)  10% on 01-10, 25% on 02-05, 35% on 02-20; due 06-30 (180 days): elapsed 50/180 = 27.8%, pacing +7.2 → bins 30 and 0
 *   D (sam)  5% on 03-20, off track: elapsed 78/89 = 87.6%, pacing −82.6 → bins 0 and −90
 *   E (sam)  no progress on 03-01: in no bin and no month
 * Check-ins by month (each goal's last in the month): Jan A 20, C 10 → 15; Feb A 60, C 35 → 47.5; Mar B 100, D 5 → 52.5.
 */
beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, status VARCHAR, kind VARCHAR, account VARCHAR, csm VARCHAR); INSERT INTO meetings VALUES (TIMESTAMP '2026-03-31 09:00:00', 'held', 'customer', NULL, NULL);
    CREATE OR REPLACE TABLE goals (goal_id VARCHAR, title VARCHAR, owner VARCHAR, manager VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, updated_at TIMESTAMP, source_id INTEGER, source_row INTEGER);
    INSERT INTO goals VALUES
      (NULL, 'A', 'alex@x', 'dana@x', 'on_track', 20, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-01-15 10:00:00', 1, 1),
      (NULL, 'A', 'alex@x', 'dana@x', 'on_track', 60, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-10 10:00:00', 1, 2),
      (NULL, 'B', 'alex@x', 'dana@x', 'achieved', 100, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-03-05 10:00:00', 1, 3),
      (NULL, 'C', 'sam@x', 'dana@x', 'on_track', 10, DATE '2026-01-01', DATE '2026-06-30', TIMESTAMP '2026-01-10 10:00:00', 1, 4),
      (NULL, 'C', 'sam@x', 'dana@x', 'on_track', 25, DATE '2026-01-01', DATE '2026-06-30', TIMESTAMP '2026-02-05 10:00:00', 1, 5),
      (NULL, 'C', 'sam@x', 'dana@x', 'on_track', 35, DATE '2026-01-01', DATE '2026-06-30', TIMESTAMP '2026-02-20 10:00:00', 1, 6),
      (NULL, 'D', 'sam@x', 'dana@x', 'off_track', 5, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-03-20 10:00:00', 1, 7),
      (NULL, 'E', 'sam@x', 'dana@x', 'on_track', NULL, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-03-01 10:00:00', 1, 8);
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR);
    INSERT INTO people VALUES ('alex@x', 'Alex', 'dana@x', 'East'), ('sam@x', 'Sam', 'dana@x', 'West');
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE outcomes (outcome_id VARCHAR, as_of DATE);`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-01', to: '2026-03-31', ...NO_FILTERS };
const counts = (rows: Record<string, unknown>[]) => Object.fromEntries(rows.map((r) => [String(r.bin), r.goals]));

describe('goals charts', () => {
  it('bins progress in 10-point bins, 100% in the top bin, goals without progress in none', async () => {
    expect(counts(await sql(goalProgressBinsSql(f)))).toEqual({ '0': 1, '30': 1, '60': 1, '90': 1 });
  });
  it('bins pacing the same way, a goal its status calls off track never ahead', async () => {
    expect(counts(await sql(goalPacingBinsSql(f)))).toEqual({ '-90': 1, '0': 1, '10': 1, '20': 1 });
  });
  it('averages each goal’s last check-in of each month', async () => {
    const rows = await sql(goalCheckinMonthsSql(f));
    expect(rows.map((r) => [r.month, r.goals])).toEqual([['2026-01-01', 2], ['2026-02-01', 2], ['2026-03-01', 2]]);
    expect(rows.map((r) => r.mean_progress)).toEqual([15, 47.5, 52.5]);
  });
  it('follows the filters and the window', async () => {
    const sam = { ...f, csms: ['sam@x'] };
    expect(counts(await sql(goalProgressBinsSql(sam)))).toEqual({ '0': 1, '30': 1 });
    expect((await sql(goalCheckinMonthsSql({ ...f, teams: ['West'] }))).map((r) => [r.month, r.mean_progress])).toEqual([['2026-01-01', 10], ['2026-02-01', 35], ['2026-03-01', 5]]);
    // February alone: only its check-ins are months; the goals are still each at its latest check-in.
    expect((await sql(goalCheckinMonthsSql({ ...f, from: '2026-02-01', to: '2026-02-28' }))).map((r) => r.month)).toEqual(['2026-02-01']);
  });
  it('lists behind each mark exactly the goals it counts', async () => {
    for (const [chart, sqlOf] of [['progress', goalProgressBinsSql], ['pacing', goalPacingBinsSql]] as const) {
      for (const b of await sql(sqlOf(f))) {
        const t: DrillTarget = { type: 'goals', chart, key: String(b.bin), label: '' };
        expect((await sql(drillSql(t, f))).length, `${chart} ${b.bin}`).toBe(b.goals);
        expect((await sql(drillSplitSql(t, f))).reduce((s, r) => s + Number(r.n), 0)).toBe(b.goals);
      }
    }
    const feb = await sql(drillSql({ type: 'goals', chart: 'checkin', key: '2026-02-01', label: '' }, f));
    expect(feb.map((r) => [r.title, r.owner_name, r.progress_pct, r.checked_in])).toEqual([['C', 'Sam', 35, '2026-02-20'], ['A', 'Alex', 60, '2026-02-10']]);
    expect((await sql(drillSql({ type: 'goals', chart: 'pacing', key: '-90', label: '' }, f))).map((r) => [r.title, r.status])).toEqual([['D', 'off_track']]);
    expect(await sql(drillSplitSql({ type: 'goals', chart: 'checkin', key: '2026-03-01', label: '' }, f))).toEqual([{ part: 'achieved', n: 1 }, { part: 'off_track', n: 1 }]);
  });
  it('names its bins', () => {
    expect(binLabel('progress', 90)).toBe('90–100%');
    expect(binLabel('pacing', -10)).toBe('−10 to 0 pts');
    expect(binLabel('pacing', 0)).toBe('0 to +10 pts');
  });
});
