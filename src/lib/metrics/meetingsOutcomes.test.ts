import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import type { Row } from '$lib/engine/values';
import { accountRowsSql, accountsSql, correlationSql, laggedCorrelationSql, weeklySql } from './meetingsOutcomes';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Hand-computed case. Window 2026-01-05 … (as of) 2026-03-20. Segment High: A, B, C, D with meetings
 * 1, 2, 2, 3 and progress gained 1, 3, 2, 4 (D had no snapshot before the window, so it starts at 0).
 * Average ranks x = 1, 2.5, 2.5, 4 and y = 1, 3, 2, 4 give ρ = 4.5 / √(4.5 × 5) = 0.948683.
 * Segment Low: E (5 meetings, +0), F (0 meetings, +30), G (2 meetings, +10): medians 2 and 10 make
 * E "high touch, low progress" and F "low touch, high progress".
 */
const meet = (acct: string, d: string, channel = 'meeting', status = 'held') => `(TIMESTAMP '${d} 10:00:00', 'customer', '${status}', '${channel}', '${acct}', 'csm@x', NULL)`;
const snap = (id: string, acct: string, seg: string, d: string, p: number) => `('${id}', '${acct}', '${seg}', 'csm@x', DATE '${d}', NULL, ${p}, 1, ${p})`;

beforeAll(async () => {
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, kind VARCHAR, status VARCHAR, channel VARCHAR, account VARCHAR, csm VARCHAR, manager VARCHAR);
    INSERT INTO meetings VALUES
      ${meet('A', '2026-01-07')}, ${meet('A', '2026-01-08', 'email')},
      ${meet('B', '2026-01-07')}, ${meet('B', '2026-02-10')},
      ${meet('C', '2026-01-14')}, ${meet('C', '2026-02-11')}, ${meet('C', '2026-02-12', 'meeting', 'cancelled')},
      ${meet('D', '2026-01-07')}, ${meet('D', '2026-02-04')}, ${meet('D', '2026-03-04')},
      ${meet('E', '2026-01-06')}, ${meet('E', '2026-01-13')}, ${meet('E', '2026-01-20')}, ${meet('E', '2026-02-03')}, ${meet('E', '2026-03-20')},
      ${meet('G', '2026-01-06')}, ${meet('G', '2026-02-03')},
      ${meet('A', '2025-12-01')};
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);
    CREATE OR REPLACE TABLE outcomes (outcome_id VARCHAR, account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE, due_date DATE, progress_pct DOUBLE, source_id INTEGER, source_row INTEGER);
    INSERT INTO outcomes VALUES
      ${snap('a', 'A', 'High', '2025-12-31', 10)}, ${snap('a', 'A', 'High', '2026-03-15', 11)},
      ${snap('b', 'B', 'High', '2025-12-31', 10)}, ${snap('b', 'B', 'High', '2026-03-15', 13)},
      ${snap('c', 'C', 'High', '2025-12-31', 10)}, ${snap('c', 'C', 'High', '2026-03-15', 12)},
      ${snap('d', 'D', 'High', '2026-03-15', 4)},
      ${snap('e', 'E', 'Low', '2025-12-31', 50)}, ${snap('e', 'E', 'Low', '2026-03-15', 50)},
      ${snap('f', 'F', 'Low', '2025-12-31', 20)}, ${snap('f', 'F', 'Low', '2026-01-31', 35)}, ${snap('f', 'F', 'Low', '2026-03-15', 50)},
      ${snap('g', 'G', 'Low', '2025-12-31', 0)}, ${snap('g', 'G', 'Low', '2026-03-15', 10)};
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR);
    CREATE OR REPLACE TABLE person_names (person_key VARCHAR, name VARCHAR);`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-05', to: '2026-03-31', ...NO_FILTERS };

describe('meetings vs outcomes', () => {
  it('counts held touches by channel and progress gained per account, and flags the quadrants', async () => {
    const rows: Record<string, Row> = Object.fromEntries((await sql(accountsSql(f))).map((r) => [String(r.account), r]));
    expect(Object.fromEntries(Object.entries(rows).map(([k, r]) => [k, [r.meetings, r.touches, r.progress_gained, r.flag]]))).toEqual({
      A: [1, 2, 1, null],
      B: [2, 2, 3, null],
      C: [2, 2, 2, null],
      D: [3, 3, 4, null],
      E: [5, 5, 0, 'high_touch_low_progress'],
      F: [0, 0, 30, 'low_touch_high_progress'],
      G: [2, 2, 10, null]
    });
    expect([rows.A.med_meetings, rows.A.med_progress, rows.E.med_meetings, rows.E.med_progress]).toEqual([2, 2.5, 2, 10]);
    expect(rows.A.emails).toBe(1);
  });
  it("computes Spearman's ρ with tied ranks, per segment and overall", async () => {
    const rows = Object.fromEntries((await sql(correlationSql(f))).map((r) => [r.grp, r]));
    expect(rows.High.rho).toBeCloseTo(0.948683, 5);
    expect(rows.High.n).toBe(4);
    expect(rows.High.lo).toBeNull(); // too few accounts for an interval
    expect(rows['(all)'].n).toBe(7);
    expect(rows.Low.rho).toBeCloseTo(-1, 6);
  });
  it('gives a Fisher-z interval once there are 10 accounts', async () => {
    const pairs = Array.from({ length: 12 }, (_, i) => `SELECT 'g' AS grp, ${i} AS x, ${i % 5} AS y`).join(' UNION ALL ');
    const { spearmanSql } = await import('./meetingsOutcomes');
    const [r] = await sql(`WITH ${spearmanSql(pairs)}`);
    const rho = Number(r.rho);
    const z = 0.5 * Math.log((1 + rho) / (1 - rho));
    const h = 1.96 / Math.sqrt(12 - 3);
    expect(r.lo).toBeCloseTo(Math.tanh(z - h), 10);
    expect(r.hi).toBeCloseTo(Math.tanh(z + h), 10);
  });
  it('lags meetings one month against the next month of progress', async () => {
    const rows = Object.fromEntries((await sql(laggedCorrelationSql(f))).map((r) => [r.grp, r]));
    // Pairs (meetings in month m−1, progress gained in month m) for February and March, by hand:
    //   A (1, 0) (0, 1) · B (1, 0) (1, 3) · C (1, 0) (1, 2) · D (1, 4), no snapshot until March, so only March
    //   E (3, 0) (1, 0) · F (0, 0) (0, 15) · G (1, 0) (1, 10)
    // Spearman over all 13 (average ranks for ties): ρ = −0.286889, Fisher z 95% [−0.723514, 0.313691];
    // High (7 pairs) ρ = 0; Low (6 pairs, fewer than 10: no interval) ρ = −0.419921.
    expect(rows['(all)']).toMatchObject({ n: 13 });
    expect(rows['(all)'].rho).toBeCloseTo(-0.286889, 5);
    expect(rows['(all)'].lo).toBeCloseTo(-0.723514, 5);
    expect(rows['(all)'].hi).toBeCloseTo(0.313691, 5);
    expect(rows.High).toMatchObject({ n: 7, lo: null, hi: null });
    expect(rows.High.rho).toBeCloseTo(0, 9);
    expect(rows.Low).toMatchObject({ n: 6 });
    expect(rows.Low.rho).toBeCloseTo(-0.419921, 5);
  });
  it('gives the same results from the per-account rows kept in a table (as the page runs them)', async () => {
    await sql(`CREATE OR REPLACE TABLE shared_rows AS ${accountRowsSql(f)}`);
    for (const q of [accountsSql, correlationSql, laggedCorrelationSql]) expect(await sql(q(f, 'shared_rows'))).toEqual(await sql(q(f)));
  });
  it('puts weekly meeting volume and outcome progress on one axis', async () => {
    const weeks = await sql(weeklySql(f));
    expect(weeks[0]).toMatchObject({ week: '2026-01-05', customer: 5, other_touches: 1 }); // A B D on the 7th, E G on the 6th
    expect(weeks.at(-1)!.week).toBe('2026-03-16');
    // Week of 2026-01-05: snapshots of 2025-12-31 for a b c e f g (10 10 10 50 20 0); d has none yet.
    expect(weeks[0].progress).toBeCloseTo(100 / 6, 6);
    expect(weeks[0].outcomes).toBe(6);
    // Week of 2026-03-16 (to the 22nd): everyone's latest, a 11, b 13, c 12, d 4, e 50, f 50, g 10.
    expect(weeks.at(-1)!.progress).toBeCloseTo(150 / 7, 6);
    expect(weeks.at(-1)!.outcomes).toBe(7);
  });
  it('or by calendar month', async () => {
    const months = await sql(weeklySql(f, 'month'));
    expect(months.map((m) => [m.week, m.customer, m.other_touches])).toEqual([
      ['2026-01-01', 8, 1], // from 01-05: A B C D, E ×3, G; A's email
      ['2026-02-01', 5, 0], // B C D E G (C's cancelled one does not count)
      ['2026-03-01', 2, 0] // D, E
    ]);
    // End of February: a b c 10, e 50, f 35 (its 01-31 snapshot), g 0; d not yet.
    expect(months[1].progress).toBeCloseTo(115 / 6, 6);
    expect(months[1].outcomes).toBe(6);
  });
});
