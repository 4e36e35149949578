import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { managersSql, pairsSql, teamFilters, totalsSql } from './oneOnOne';
import { accountWhere, NO_FILTERS, type Filters } from './filters';

/**
 * Several values in one filter, and the team average beside focused managers, by hand. Window 2026-01-05 …
 * 2026-02-01; as of 2026-01-26 (the last meeting), so four active weeks per report (Jan 5, 12, 19, 26).
 *   Ana (North) with Rae: held Jan 5 (career), cancelled Jan 12, held Jan 19 and 26 → 3 of 4 weeks, 1 of 4 cancelled.
 *   Ben (South) with Sid: held Jan 5 and 12, rescheduled Jan 19, held Jan 26 → 3 of 4, 1 of 4 rescheduled.
 *   Cal O'Neil (North; a quote in the key) with Tia: held Jan 5 and 19 → 2 of 4, 2 due.
 */
const M = (d: string, manager: string, csm: string, status = 'held', career = false) =>
  `(TIMESTAMP '${d} 10:00:00', 'one_on_one', '${status}', '${manager.replace(/'/g, "''")}', '${csm}', ${career}, false, false, false, false, NULL)`;
const CAL = "cal.o'neil@x";

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, manager VARCHAR, csm VARCHAR,
      agenda_career BOOLEAN, agenda_goals BOOLEAN, agenda_customers BOOLEAN, agenda_bottlenecks BOOLEAN, agenda_coaching BOOLEAN, prepared_by_report BOOLEAN);
    INSERT INTO meetings VALUES
      ${M('2026-01-05', 'ana@x', 'rae@x', 'held', true)}, ${M('2026-01-12', 'ana@x', 'rae@x', 'cancelled')}, ${M('2026-01-19', 'ana@x', 'rae@x')}, ${M('2026-01-26', 'ana@x', 'rae@x')},
      ${M('2026-01-05', 'ben@x', 'sid@x')}, ${M('2026-01-12', 'ben@x', 'sid@x')}, ${M('2026-01-19', 'ben@x', 'sid@x', 'rescheduled')}, ${M('2026-01-26', 'ben@x', 'sid@x')},
      ${M('2026-01-05', CAL, 'tia@x')}, ${M('2026-01-19', CAL, 'tia@x')};
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
    INSERT INTO people VALUES ('ana@x', 'Ana', NULL, 'North', NULL, NULL), ('ben@x', 'Ben', NULL, 'South', NULL, NULL), ('cal.o''neil@x', 'Cal O''Neil', NULL, 'North', NULL, NULL),
      ('rae@x', 'Rae', 'ana@x', 'North', DATE '2025-01-01', NULL), ('sid@x', 'Sid', 'ben@x', 'South', DATE '2025-01-01', NULL), ('tia@x', 'Tia', 'cal.o''neil@x', 'North', DATE '2025-01-01', NULL);
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE outcomes (as_of DATE, account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);
    CREATE OR REPLACE TABLE acc (account VARCHAR, segment VARCHAR, csm VARCHAR);
    INSERT INTO acc VALUES ('Acme', 'High', 'rae@x'), ('Globex', 'Tech', 'sid@x'), ('Initech', 'Mid', 'tia@x');`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-05', to: '2026-02-01', ...NO_FILTERS };
const names = (rows: Record<string, unknown>[], k = 'manager_name') => rows.map((r) => r[k]).sort();

describe('filters with several values', () => {
  it('keeps every manager picked, a quote in a key included', async () => {
    expect(names(await sql(managersSql({ ...f, managers: ['ana@x', CAL] })))).toEqual(['Ana', "Cal O'Neil"]);
    expect(names(await sql(managersSql({ ...f, managers: [CAL] })))).toEqual(["Cal O'Neil"]);
    expect(names(await sql(managersSql(f)))).toEqual(['Ana', 'Ben', "Cal O'Neil"]);
  });
  it('pools the headline over the managers picked: 5 of 8 weeks held, 1 of 6 due 1:1s cancelled', async () => {
    const [t] = await sql(totalsSql({ ...f, managers: ['ana@x', CAL] }));
    expect(t).toMatchObject({ pairs: 2, active_weeks: 8, held_weeks: 5, due: 6, cancelled: 1, rescheduled: 0, coverage: 5 / 8 });
    expect(t.cancel_rate).toBeCloseTo(1 / 6);
  });
  it('keeps several teams, CSMs and segments', async () => {
    expect(names(await sql(pairsSql({ ...f, teams: ['North'] })), 'csm_name')).toEqual(['Rae', 'Tia']);
    expect(names(await sql(pairsSql({ ...f, teams: ['North', 'South'] })), 'csm_name')).toEqual(['Rae', 'Sid', 'Tia']);
    expect(names(await sql(pairsSql({ ...f, csms: ['rae@x', 'sid@x'] })), 'csm_name')).toEqual(['Rae', 'Sid']);
    const accounts = async (g: Filters) => (await sql(`SELECT account FROM acc a WHERE ${accountWhere(g)} ORDER BY account`)).map((r) => r.account);
    expect(await accounts({ ...f, segments: ['High', 'Tech'] })).toEqual(['Acme', 'Globex']);
    expect(await accounts({ ...f, managers: ['ana@x', CAL] })).toEqual(['Acme', 'Initech']);
  });
});

describe('the team average', () => {
  it('leaves the manager filter out and keeps the others', () => {
    expect(teamFilters({ ...f, managers: ['ana@x'], teams: ['North'], kinds: ['one_on_one'] })).toEqual({ ...f, managers: [], teams: ['North'], kinds: ['one_on_one'] });
  });
  it('pools every manager’s reports: 8 of 12 weeks, 1 of 10 cancelled, 1 of 10 rescheduled', async () => {
    const [team] = await sql(totalsSql(teamFilters({ ...f, managers: ['ana@x'] })));
    expect(team).toMatchObject({ pairs: 3, active_weeks: 12, held_weeks: 8, due: 10, cancelled: 1, rescheduled: 1, cancel_rate: 0.1, reschedule_rate: 0.1 });
    expect(team.coverage).toBeCloseTo(2 / 3);
    // Career: 1 of 8 held 1:1s; in the last 90 days for 1 of 3 reports.
    expect(team).toMatchObject({ career_held: 1, agenda_known: 8, agenda_career: 0.125 });
    expect(team.career_90_share).toBeCloseTo(1 / 3);
    // Gaps 14, 7 (Ana), 7, 14 (Ben), 14 (Cal): median 14; the longest wait Tia's 7 days (Jan 19 to Jan 26).
    expect(team).toMatchObject({ median_gap: 14, days_since_held: 7 });
  });
  it('is pooled, not a mean of managers, and keeps a team filter', async () => {
    // Cancelled: 1 of the 10 due 1:1s (0.1), where a mean of the managers' rates would read (1/4 + 0 + 0) ÷ 3.
    const [all] = await sql(totalsSql(teamFilters({ ...f, managers: [CAL] })));
    expect(all.cancel_rate).toBe(0.1);
    // On team North alone: Ana 3 of 4 and Cal 2 of 4 pool to 5 of 8.
    const [north] = await sql(totalsSql(teamFilters({ ...f, managers: ['ana@x'], teams: ['North'] })));
    expect(north).toMatchObject({ pairs: 2, active_weeks: 8, held_weeks: 5, coverage: 5 / 8 });
  });
});
