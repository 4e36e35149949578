import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { segmentMonthsSql } from './touchModel';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Hand-computed. High has A and B, Tech has C. Held touches: A 2026-01-10 meeting, 2026-01-20 email,
 * 2026-02-03 meeting (and a cancelled one, not a touch); B none; C 2026-02-28 call, and 2025-12-31 (before the
 * window). Window 2026-01-05 … 2026-02-28: January is cut at its start (A's 2026-01-02 touch is outside).
 * High: January 2 touches ÷ 2 accounts = 1, February 1 ÷ 2 = 0.5. Tech: January 0, February 1.
 */
const t = (acct: string, d: string, channel = 'meeting', status = 'held') => `(TIMESTAMP '${d} 10:00:00', 'customer', '${status}', '${channel}', '${acct}', 'csm@x', NULL)`;

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, channel VARCHAR, account VARCHAR, csm VARCHAR, manager VARCHAR);
    INSERT INTO meetings VALUES ${t('A', '2026-01-02')}, ${t('A', '2026-01-10')}, ${t('A', '2026-01-20', 'email')}, ${t('A', '2026-02-03')}, ${t('A', '2026-02-04', 'meeting', 'cancelled')},
      ${t('C', '2026-02-28', 'call')}, ${t('C', '2025-12-31')};
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    INSERT INTO accounts VALUES ('A', 'High', 'csm@x'), ('B', 'High', 'csm@x'), ('C', 'Tech', 'csm@x');
    CREATE OR REPLACE TABLE outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR);`);
  await deriveForTests();
});

describe('touches per account and month, per segment', () => {
  it('counts held touches of every channel in the window, over the segment’s accounts', async () => {
    const f: Filters = { from: '2026-01-05', to: '2026-02-28', ...NO_FILTERS };
    expect((await sql(segmentMonthsSql(f))).map((r) => [r.segment, r.month, r.touches, r.accounts, r.per_account])).toEqual([
      ['High', '2026-01-01', 2, 2, 1],
      ['High', '2026-02-01', 1, 2, 0.5],
      ['Tech', '2026-01-01', 0, 1, 0],
      ['Tech', '2026-02-01', 1, 1, 1]
    ]);
  });
  it('follows the segment filter', async () => {
    const f: Filters = { from: '2026-01-05', to: '2026-02-28', ...NO_FILTERS, segments: ['Tech'] };
    expect((await sql(segmentMonthsSql(f))).map((r) => r.segment)).toEqual(['Tech', 'Tech']);
  });
});
