import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { fullMonths, heldCustomerTouches } from './touches';

describe('whole months in a window', () => {
  it.each([
    ['2026-01-01', '2026-03-31', { first: '2026-01-01', last: '2026-03-01' }],
    ['2026-01-05', '2026-03-20', { first: '2026-02-01', last: '2026-02-01' }],
    ['2025-12-02', '2026-02-28', { first: '2026-01-01', last: '2026-02-01' }],
    ['2024-02-01', '2024-02-29', { first: '2024-02-01', last: '2024-02-01' }], // leap February
    ['2024-02-01', '2024-02-28', null],
    ['2026-01-05', '2026-02-27', null],
    ['2026-03-10', '2026-03-10', null],
    ['2025-12-31', '2026-01-31', { first: '2026-01-01', last: '2026-01-01' }]
  ])('%s … %s', (from, to, expected) => {
    expect(fullMonths(from, to)).toEqual(expected);
  });
});

describe('held customer touches from the rollups', () => {
  beforeAll(async () => {
    // A meeting on every third day of 2025–2026 for two accounts, some cancelled, some internal.
    await sql(`
      CREATE OR REPLACE TABLE meetings AS
      SELECT (DATE '2025-01-01' + INTERVAL (3 * i) DAY + INTERVAL 9 HOUR)::TIMESTAMP AS start_at,
        CASE WHEN i % 7 = 0 THEN 'internal' ELSE 'customer' END AS kind,
        CASE WHEN i % 5 = 0 THEN 'cancelled' ELSE 'held' END AS status,
        CASE WHEN i % 4 = 0 THEN 'email' ELSE 'meeting' END AS channel,
        'Acct ' || (i % 2) AS account, 'csm' || (i % 3) AS csm, NULL::VARCHAR AS manager
      FROM range(240) r(i);
      CREATE OR REPLACE TABLE outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE);
      CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);
      CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
      CREATE OR REPLACE TABLE people (person_key VARCHAR, team VARCHAR, manager_key VARCHAR);`);
    await deriveForTests();
  });

  it.each([
    ['2025-01-01', '2026-12-31'],
    ['2025-01-14', '2025-11-03'],
    ['2025-03-01', '2025-03-31'],
    ['2025-03-02', '2025-03-30'],
    ['2025-06-28', '2025-07-04'],
    ['2025-12-15', '2026-01-15']
  ])('%s … %s counts what the meetings table counts', async (from, to) => {
    const got = await sql(`SELECT account, channel, sum(n)::INTEGER AS n FROM ${heldCustomerTouches({ from, to })} GROUP BY ALL ORDER BY ALL`);
    const want = await sql(`SELECT account, channel, count(*)::INTEGER AS n FROM meetings
      WHERE kind = 'customer' AND status = 'held' AND CAST(start_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}' GROUP BY ALL ORDER BY ALL`);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});
