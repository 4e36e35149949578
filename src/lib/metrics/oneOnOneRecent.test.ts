import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { pairsSql } from './oneOnOne';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Hand-computed case for the figures read as of the data's last date, whatever the window: days since the
 * last held 1:1 and "career in the last 90 days" (held 1:1s from as_of − 89 days to as_of). As of 2026-04-30
 * (the last meeting), so the 90 days start on 2026-01-31.
 * - Ana: career held on 2026-01-31, the first of the 90 days → true; last held 2026-04-20 → 10 days.
 * - Ben: career held on 2026-01-30, a day too early, and a held 1:1 without career since → false.
 * - Cy: a cancelled 1:1 on career in the 90 days (it says nothing) and a held 1:1 whose agenda is unknown → null.
 * - Dee: nothing held at all → both null, though the pair exists (a cancelled 1:1).
 */
const M = (d: string, csm: string, status: string, career: string) =>
  `(TIMESTAMP '${d} 10:00:00', 'one_on_one', '${status}', 'kim@x', '${csm}', ${career}, NULL, NULL, NULL, NULL, NULL)`;

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, manager VARCHAR, csm VARCHAR,
      agenda_career BOOLEAN, agenda_goals BOOLEAN, agenda_customers BOOLEAN, agenda_bottlenecks BOOLEAN, agenda_coaching BOOLEAN, prepared_by_report BOOLEAN);
    INSERT INTO meetings VALUES
      ${M('2026-01-31', 'ana@x', 'held', 'true')}, ${M('2026-04-20', 'ana@x', 'held', 'false')},
      ${M('2026-01-30', 'ben@x', 'held', 'true')}, ${M('2026-03-02', 'ben@x', 'held', 'false')},
      ${M('2026-04-01', 'cy@x', 'cancelled', 'true')}, ${M('2026-04-02', 'cy@x', 'held', 'NULL')},
      ${M('2026-04-30', 'dee@x', 'cancelled', 'NULL')};
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE outcomes (as_of DATE, account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
  await deriveForTests();
});

describe('1:1 figures as of the last date', () => {
  it('reads career in the last 90 days and days since the last held 1:1, the same in any window', async () => {
    const expected = {
      'ana@x': { career_90: true, days_since_held: 10 },
      'ben@x': { career_90: false, days_since_held: 59 },
      'cy@x': { career_90: null, days_since_held: 28 },
      'dee@x': { career_90: null, days_since_held: null }
    };
    const read = async (f: Filters) =>
      Object.fromEntries((await sql(pairsSql(f))).map((r) => [r.csm, { career_90: r.career_90, days_since_held: r.days_since_held }]));
    expect(await read({ from: '2026-01-01', to: '2026-04-30', ...NO_FILTERS })).toEqual(expected);
    // A window after Ben's last week (a pair is listed in the weeks it is active).
    expect(await read({ from: '2026-03-30', to: '2026-04-30', ...NO_FILTERS })).toEqual({ 'ana@x': expected['ana@x'], 'cy@x': expected['cy@x'], 'dee@x': expected['dee@x'] });
  });
});
