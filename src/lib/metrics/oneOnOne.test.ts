import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { gridSql, KEPT, managersSql, oneOnOneSetupSql, pairsSql } from './oneOnOne';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Hand-computed case (docs/METRICS.md). Dana manages Alex (on the team all along) and Sam (joins
 * Monday 2026-01-05). As of 2026-02-04 (the last meeting), window 2025-12-15 … 2026-02-08.
 * Alex's weeks: W51 W52 | 2026-W01 W02 W03 W04 W05 W06 — held in all but W05 (rescheduled), so 7 of 8,
 * a streak across the year boundary; W03 has a cancelled 1:1 then a held one; W04 has two held 1:1s.
 */
const M = (d: string, csm: string, status: string, career = false, kind = 'one_on_one', manager = 'dana@x') =>
  `(TIMESTAMP '${d} 10:00:00', '${kind}', '${status}', '${manager}', '${csm}', ${career}, false, true, false, false, ${status === 'held' ? 'true' : 'NULL'})`;

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, manager VARCHAR, csm VARCHAR,
      agenda_career BOOLEAN, agenda_goals BOOLEAN, agenda_customers BOOLEAN, agenda_bottlenecks BOOLEAN, agenda_coaching BOOLEAN, prepared_by_report BOOLEAN);
    INSERT INTO meetings VALUES
      ${M('2025-12-15', 'alex@x', 'held')}, ${M('2025-12-22', 'alex@x', 'held')}, ${M('2025-12-29', 'alex@x', 'held')},
      ${M('2026-01-05', 'alex@x', 'held')}, ${M('2026-01-12', 'alex@x', 'cancelled')}, ${M('2026-01-13', 'alex@x', 'held')},
      ${M('2026-01-19', 'alex@x', 'held', true)}, ${M('2026-01-19', 'alex@x', 'held')}, ${M('2026-01-26', 'alex@x', 'rescheduled')},
      ${M('2026-02-02', 'alex@x', 'held')},
      ${M('2026-01-05', 'sam@x', 'held')}, ${M('2026-01-19', 'sam@x', 'held')},
      ${M('2026-02-04', 'alex@x', 'held', false, 'customer', 'NULL')};
    UPDATE meetings SET manager = NULL WHERE manager = 'NULL';
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
    INSERT INTO people VALUES ('dana@x', 'Dana', NULL, 'East', DATE '2020-01-01', NULL), ('alex@x', 'Alex', 'dana@x', 'East', DATE '2024-01-01', NULL),
      ('sam@x', 'Sam', 'dana@x', 'East', DATE '2026-01-05', NULL);
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE outcomes (as_of DATE, account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
  await deriveForTests();
});

const f: Filters = { from: '2025-12-15', to: '2026-02-08', ...NO_FILTERS };

describe('1:1 consistency per pair', () => {
  it('counts coverage, streaks across the year boundary, rates, gaps and cadence', async () => {
    const rows = await sql(pairsSql(f));
    const alex = rows.find((r) => r.csm === 'alex@x')!;
    expect(alex).toMatchObject({
      active_weeks: 8,
      held_weeks: 7,
      coverage: 0.875,
      longest_streak: 6,
      current_streak: 1,
      due: 10,
      cancelled: 1,
      rescheduled: 1,
      cancel_rate: 0.1,
      reschedule_rate: 0.1,
      median_gap: 7,
      cadence: 'weekly',
      days_since_held: 2,
      career_90: true,
      agenda_goals: 0,
      agenda_customers: 1,
      prepared_share: 1
    });
    expect(alex.agenda_career).toBeCloseTo(1 / 8);
  });
  it("counts a report's missing weeks only from the roster start", async () => {
    const sam = (await sql(pairsSql(f))).find((r) => r.csm === 'sam@x')!;
    expect(sam).toMatchObject({ active_weeks: 5, held_weeks: 2, coverage: 0.4, current_streak: 0, longest_streak: 1, median_gap: 14, cadence: '1–3 weeks', days_since_held: 16, career_90: false });
  });
  it('pools a manager over their pairs', async () => {
    const [dana] = await sql(managersSql(f));
    expect(dana).toMatchObject({ manager: 'dana@x', pairs: 2, active_weeks: 13, held_weeks: 9, due: 12, cancelled: 1, rescheduled: 1, days_since_held: 16, career_90_share: 0.5, manager_name: 'Dana' });
    expect(dana.coverage).toBeCloseTo(9 / 13);
    expect(dana.cancel_rate).toBeCloseTo(1 / 12);
    expect(dana.median_gap).toBe(7); // gaps 7 7 7 8 6 0 14 and 14
  });
  it('rolls the 1:1s up per pair and day: counts by status, and among the held ones what the agenda says', async () => {
    const days = await sql(`SELECT strftime(d, '%Y-%m-%d') AS d, strftime(wk, '%Y-%m-%d') AS wk, n, held, cancelled, agenda_career_known, agenda_career_true,
      agenda_goals_true, prepared_by_report_known, items_covered FROM one_on_one_days WHERE csm = 'alex@x' ORDER BY d`);
    // Ten 1:1s of Alex on nine days (two held on 2026-01-19, one of them on career); the customer meeting is not a 1:1.
    expect(days).toHaveLength(9);
    expect(days.find((r) => r.d === '2026-01-19')).toEqual({
      d: '2026-01-19', wk: '2026-01-19', n: 2, held: 2, cancelled: 0, agenda_career_known: 2, agenda_career_true: 1,
      agenda_goals_true: 0, prepared_by_report_known: 2, items_covered: 3 // customers on both, career on one
    });
    // A cancelled 1:1 says nothing of its agenda.
    expect(days.find((r) => r.d === '2026-01-12')).toMatchObject({ n: 1, held: 0, cancelled: 1, agenda_career_known: 0, prepared_by_report_known: 0, items_covered: null });
  });
  it('grids each active week with its best status', async () => {
    const grid = await sql(gridSql(f));
    const alex = grid.filter((r) => r.csm === 'alex@x').map((r) => `${r.week}:${r.status}`);
    expect(alex).toEqual([
      '2025-12-15:held', '2025-12-22:held', '2025-12-29:held', '2026-01-05:held',
      '2026-01-12:held', '2026-01-19:held', '2026-01-26:rescheduled', '2026-02-02:held'
    ]);
    expect(grid.filter((r) => r.csm === 'sam@x').map((r) => r.status)).toEqual(['held', 'missing', 'held', 'missing', 'missing']);
  });
  it('applies the people filters', async () => {
    expect(await sql(pairsSql({ ...f, csms: ['sam@x'] }))).toHaveLength(1);
    expect(await sql(managersSql({ ...f, managers: ['nobody@x'] }))).toHaveLength(0);
    expect(await sql(pairsSql({ ...f, teams: ['East'] }))).toHaveLength(2);
  });
  it('gives the same results from the parts kept in temporary tables (as the page runs them)', async () => {
    for (const g of [f, { ...f, csms: ['sam@x'] }]) {
      const setup = oneOnOneSetupSql(g).join(';\n');
      for (const name of KEPT) expect(pairsSql(g, KEPT)).toContain(`${name} AS (SELECT * FROM view_oo_${name})`);
      for (const q of [pairsSql, managersSql, gridSql]) expect(await sql(`${setup};\n${q(g, KEPT)}`)).toEqual(await sql(q(g)));
    }
  });
});
