import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { goalsAtRiskSql, goalsByOwnerSql, goalsByTeamSql, outcomeRowsSql, outcomesByAccountSql, outcomesBySegmentSql, riskReason } from './goalsOutcomes';
import { NO_FILTERS, type Filters } from './filters';

/** As of 2026-02-15 (the last meeting). A quarter from 2026-01-01 to 2026-03-31 is 45/89 elapsed = 50.56%. */
beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, status VARCHAR, kind VARCHAR, account VARCHAR, csm VARCHAR); INSERT INTO meetings VALUES (TIMESTAMP '2026-02-15 09:00:00', 'held', 'customer', NULL, NULL);
    CREATE OR REPLACE TABLE goals (goal_id VARCHAR, title VARCHAR, owner VARCHAR, manager VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, updated_at TIMESTAMP, source_id INTEGER, source_row INTEGER);
    INSERT INTO goals VALUES
      (NULL, 'NRR', 'alex@x', 'dana@x', 'on_track', 20, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-01-15 00:00:00', 1, 1),
      (NULL, 'NRR', 'alex@x', 'dana@x', 'on_track', 60, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-10 00:00:00', 1, 2),
      (NULL, 'QBRs', 'alex@x', 'dana@x', 'on_track', 20, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-10 00:00:00', 1, 3),
      (NULL, 'Adoption', 'sam@x', 'dana@x', 'at_risk', 70, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-10 00:00:00', 1, 4),
      (NULL, 'Old', 'sam@x', 'dana@x', 'achieved', 100, DATE '2025-10-01', DATE '2025-12-31', TIMESTAMP '2025-12-31 00:00:00', 1, 5);
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR);
    INSERT INTO people VALUES ('alex@x', 'Alex', 'dana@x', 'East'), ('sam@x', 'Sam', 'dana@x', 'East');
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE outcomes (outcome_id VARCHAR, account VARCHAR, segment VARCHAR, csm VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, first_value_date DATE, as_of DATE, source_id INTEGER, source_row INTEGER);
    INSERT INTO outcomes VALUES
      ('o1', 'Acme', 'High', 'alex@x', 'in_progress', 40, DATE '2025-11-01', DATE '2026-01-31', DATE '2025-11-21', DATE '2026-01-31', 1, 1),
      ('o1', 'Acme', 'High', 'alex@x', 'in_progress', 45, DATE '2025-11-01', DATE '2026-01-31', DATE '2025-11-21', DATE '2026-02-14', 1, 2),
      ('o2', 'Acme', 'High', 'alex@x', 'achieved', 100, DATE '2025-11-01', DATE '2026-06-30', DATE '2025-12-11', DATE '2026-02-14', 1, 3),
      ('o3', 'Globex', 'High', 'sam@x', 'in_progress', 10, DATE '2026-01-01', DATE '2026-06-30', NULL, DATE '2026-02-14', 1, 4),
      ('o4', 'Initech', 'Tech', 'sam@x', 'in_progress', 90, DATE '2026-01-01', DATE '2026-06-30', NULL, DATE '2026-03-31', 1, 5);`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-01', to: '2026-03-31', ...NO_FILTERS };
/** Pacing is measured at each goal's check-in: 2026-02-10 is 40 of the quarter's 89 days, 44.94%. */
const elapsed = (40 / 89) * 100;

describe('goals', () => {
  it('takes the latest check-in and paces progress against the share of the period elapsed', async () => {
    const rows = Object.fromEntries((await sql(goalsByOwnerSql(f))).map((r) => [r.owner, r]));
    expect(rows['alex@x'].goals).toBe(2);
    expect(rows['alex@x'].mean_progress).toBeCloseTo((60 + 20) / 2, 9);
    expect(rows['alex@x'].mean_pacing).toBeCloseTo((60 - elapsed + 20 - elapsed) / 2, 9);
    expect(rows['alex@x'].at_risk).toBe(1); // QBRs: 20 − 44.9 < −20
    // Adoption is 70% at its check-in (25 points ahead of the calendar), but its own status says at risk: never shown ahead.
    expect(rows['sam@x'].mean_pacing).toBe(0);
    expect(rows['sam@x']).toMatchObject({ goals: 1, at_risk: 1, achieved: 0 }); // Adoption is marked at risk; Old ended before the window
  });
  it('pools goals per team', async () => {
    const [east] = await sql(goalsByTeamSql(f));
    expect(east).toMatchObject({ team: 'East', owners: 2, goals: 3, at_risk: 2, achieved: 0, missed: 0 });
    expect(east.mean_progress).toBeCloseTo((60 + 20 + 70) / 3, 9);
  });
  it('counts the goals missed or dropped per team (not on pace for the overview)', async () => {
    await sql(`INSERT INTO goals VALUES ('g9', 'Churn', 'sam@x', 'dana@x', 'missed', 30, DATE '2026-01-01', DATE '2026-02-28', TIMESTAMP '2026-02-28 00:00:00', 1, 9),
      ('g10', 'Pilot', 'sam@x', 'dana@x', 'dropped', 0, DATE '2026-01-01', DATE '2026-03-31', TIMESTAMP '2026-02-01 00:00:00', 1, 10)`);
    try {
      const [east] = await sql(goalsByTeamSql(f));
      expect(east).toMatchObject({ goals: 5, missed: 2, at_risk: 2 }); // a missed or dropped goal is closed, so not at risk
    } finally {
      await sql(`DELETE FROM goals WHERE goal_id IN ('g9', 'g10')`);
    }
  });
  it('lists the goals at risk, worst pacing first', async () => {
    const rows = await sql(goalsAtRiskSql(f));
    expect(rows.map((r) => r.title)).toEqual(['QBRs', 'Adoption']);
    expect(rows[0].pacing).toBeCloseTo(20 - elapsed, 9);
    expect(rows[1].pacing).toBe(0);
  });
  it('says which rule put each goal on the list, even when its own status says on track', async () => {
    const rows = Object.fromEntries((await sql(goalsAtRiskSql(f))).map((r) => [r.title, r]));
    expect(rows.QBRs).toMatchObject({ status: 'on_track', risk_rule: 'pacing' });
    expect(rows.Adoption).toMatchObject({ status: 'at_risk', risk_rule: 'status' });
    expect(riskReason(rows.QBRs.risk_rule, rows.QBRs.status, rows.QBRs.pacing)).toBe('25 pts behind pace (more than 20), though its status says on track'); // 20 − 44.9 at its check-in
    expect(riskReason(rows.Adoption.risk_rule, rows.Adoption.status, rows.Adoption.pacing)).toBe('Status says at risk');
    expect(riskReason('pacing', null, -31.2)).toBe('31 pts behind pace (more than 20)');
  });
});

describe('outcomes', () => {
  it('counts achieved, open and overdue on the latest snapshot, and the median time to first value', async () => {
    const rows = Object.fromEntries((await sql(outcomesBySegmentSql(f))).map((r) => [r.segment, r]));
    // o1 is past due (2026-01-31 < as of 2026-02-15) and not achieved; o4's snapshot is after as of, so it is not counted.
    expect(rows.High).toMatchObject({ outcomes: 3, achieved: 1, open: 1, overdue: 1, median_days_to_value: 30, value_n: 2 });
    expect(rows.High.mean_progress).toBeCloseTo((45 + 100 + 10) / 3, 9);
    expect(rows.Tech).toBeUndefined();
  });
  it('follows the window: states as of its end, gains and achievements within it', async () => {
    const seg = async (from: string, to: string) => Object.fromEntries((await sql(outcomesBySegmentSql({ ...f, from, to }))).map((r) => [r.segment, r]));
    // Ending 2026-02-07: only o1 is seen (its 01-31 snapshot, 40), due 01-31, so overdue on 02-07.
    const early = await seg('2026-01-01', '2026-02-07');
    expect(early.High).toMatchObject({ outcomes: 1, achieved: 0, overdue: 1, achieved_in_window: 0, moved: 1, mean_gained: 40 });
    // The same end, a shorter start: o1 had 40 before 02-10, so it gained 5; o2 became achieved; o3 gained 10 from nothing.
    const late = await seg('2026-02-10', '2026-02-15');
    expect(late.High).toMatchObject({ outcomes: 3, achieved: 1, achieved_in_window: 1, moved: 3 });
    expect(late.High.mean_gained).toBeCloseTo((5 + 100 + 10) / 3, 9);
    const all = await seg('2025-11-01', '2026-02-15');
    expect(all.High.mean_gained).toBeCloseTo((45 + 100 + 10) / 3, 9);
    expect(all.High.achieved).toBe(late.High.achieved); // the same end, the same states
  });
  it('reads the same from the rows made once per filter change as from its own pass', async () => {
    for (const w of [f, { ...f, from: '2026-02-10', to: '2026-02-15' }, { ...f, from: '2026-01-01', to: '2026-02-07' }]) {
      await sql(`CREATE OR REPLACE TABLE outcome_rows_once AS ${outcomeRowsSql(w)}`);
      expect(await sql(outcomesBySegmentSql(w, 'outcome_rows_once'))).toEqual(await sql(outcomesBySegmentSql(w)));
      expect(await sql(outcomesByAccountSql(w, 'outcome_rows_once'))).toEqual(await sql(outcomesByAccountSql(w)));
    }
  });
});
