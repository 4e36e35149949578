import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { drillSql } from './drill';
import { NO_FILTERS } from './filters';

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, title VARCHAR, kind VARCHAR, status VARCHAR, channel VARCHAR, manager VARCHAR, csm VARCHAR, account VARCHAR, source_file VARCHAR, source_row INTEGER);
    INSERT INTO meetings VALUES
      (TIMESTAMP '2026-01-05 09:00:00', '1:1', 'one_on_one', 'held', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 1),
      (TIMESTAMP '2026-01-12 09:00:00', '1:1', 'one_on_one', 'cancelled', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 2),
      (TIMESTAMP '2025-12-01 09:00:00', '1:1', 'one_on_one', 'held', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 3),
      (TIMESTAMP '2026-01-06 09:00:00', 'QBR', 'customer', 'held', 'meeting', 'd@x', 'a@x', 'Acme', 'h.csv', 1);
    CREATE OR REPLACE TABLE person_names (person_key VARCHAR, name VARCHAR); INSERT INTO person_names VALUES ('a@x', 'Alex');
    CREATE OR REPLACE TABLE outcomes (as_of DATE);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
  await deriveForTests();
});

describe('drill-down', () => {
  it('lists the meetings behind a pair or an account in the window, with their source rows', async () => {
    const f = { from: '2026-01-01', to: '2026-01-31', ...NO_FILTERS };
    const pair = await sql(drillSql({ type: 'pair', manager: 'd@x', csm: 'a@x', label: '' }, f));
    expect(pair.map((r) => [r.start, r.status, r.csm_name, r.source_row])).toEqual([
      ['2026-01-05 09:00', 'held', 'Alex', 1],
      ['2026-01-12 09:00', 'cancelled', 'Alex', 2]
    ]);
    const acct = await sql(drillSql({ type: 'account', account: "Acme", label: '' }, f));
    expect(acct.map((r) => [r.title, r.source_file])).toEqual([['QBR', 'h.csv']]);
    const week = await sql(drillSql({ type: 'period', start: '2026-01-05', grain: 'week', label: '' }, f));
    expect(week.map((r) => r.title)).toEqual(['QBR']);
  });
});
