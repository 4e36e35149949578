import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { achievedMonthsSql, overdueMonthsSql, ttfvPointsSql, ttfvSegmentsSql } from './outcomeCharts';
import { outcomeRowsSql, outcomesBySegmentSql } from './goalsOutcomes';
import { drillSplitSql, drillSql, type DrillTarget } from './drill';
import { NO_FILTERS, type Filters } from './filters';

/**
 * Six outcomes, as of 2026-03-31 (the last meeting), window Q1 2026:
 *   o1 Acme (High): 40% on 01-10, 50% on 02-15, due 01-31 → overdue at Feb's and Mar's end (not at Jan's: due is not before 01-31); 20 d to value
 *   o2 Acme (High): achieved 01-18 (snapshot 01-20); 40 d to value
 *   o3 Globex (High): 10% on 01-05, due 01-15 → overdue at Jan's end; achieved 02-18 (snapshot 02-20); 30 d
 *   o4 Initech (Tech): first snapshot 03-10, due 02-28 → not seen at Feb's end (no look-ahead), overdue at Mar's; no first value
 *   o5 Umbrella (Tech): achieved 2025-12-15, before the window; 40 d
 *   o6 Hooli (Tech): 60% on 02-05, due 03-15 → overdue at Mar's end; first value 03-05, 59 d
 * Achieved per month: Jan 1, Feb 1, Mar 0. Overdue at month ends: 1, 1, 3 (the tables' 1 High + 2 Tech).
 * Time to first value: High 20, 30, 40 (q1 25, median 30, q3 35); Tech 40, 59 (q1 44.75, median 49.5, q3 54.25).
 */
beforeAll(async () => {
  const o = (id: string, account: string, seg: string, csm: string, status: string, p: number, start: string, due: string, achieved: string | null, fv: string | null, asOf: string, row: number) =>
    `('${id}', '${account}', '${seg}', '${csm}', 'Outcome ${id}', '${status}', ${p}, DATE '${start}', DATE '${due}', ${achieved ? `DATE '${achieved}'` : 'NULL'}, ${fv ? `DATE '${fv}'` : 'NULL'}, DATE '${asOf}', 1, ${row})`;
  await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, status VARCHAR, kind VARCHAR, account VARCHAR, csm VARCHAR); INSERT INTO meetings VALUES (TIMESTAMP '2026-03-31 09:00:00', 'held', 'customer', NULL, NULL);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);
    CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR);
    INSERT INTO people VALUES ('alex@x', 'Alex', 'dana@x', 'East'), ('sam@x', 'Sam', 'dana@x', 'West');
    CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
    CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR, arr DOUBLE);
    INSERT INTO accounts VALUES ('Acme', 'High', 'alex@x', 120000), ('Hooli', 'Tech', 'sam@x', 30000);
    CREATE OR REPLACE TABLE outcomes (outcome_id VARCHAR, account VARCHAR, segment VARCHAR, csm VARCHAR, outcome VARCHAR, status VARCHAR, progress_pct DOUBLE,
      start_date DATE, due_date DATE, achieved_date DATE, first_value_date DATE, as_of DATE, source_id INTEGER, source_row INTEGER);
    INSERT INTO outcomes VALUES
      ${o('o1', 'Acme', 'High', 'alex@x', 'in_progress', 40, '2025-12-01', '2026-01-31', null, '2025-12-21', '2026-01-10', 1)},
      ${o('o1', 'Acme', 'High', 'alex@x', 'in_progress', 50, '2025-12-01', '2026-01-31', null, '2025-12-21', '2026-02-15', 2)},
      ${o('o2', 'Acme', 'High', 'alex@x', 'achieved', 100, '2025-11-01', '2026-06-30', '2026-01-18', '2025-12-11', '2026-01-20', 3)},
      ${o('o3', 'Globex', 'High', 'sam@x', 'in_progress', 10, '2026-01-01', '2026-01-15', null, '2026-01-31', '2026-01-05', 4)},
      ${o('o3', 'Globex', 'High', 'sam@x', 'achieved', 100, '2026-01-01', '2026-01-15', '2026-02-18', '2026-01-31', '2026-02-20', 5)},
      ${o('o4', 'Initech', 'Tech', 'sam@x', 'in_progress', 20, '2026-01-01', '2026-02-28', null, null, '2026-03-10', 6)},
      ${o('o5', 'Umbrella', 'Tech', 'alex@x', 'achieved', 100, '2025-10-01', '2026-03-01', '2025-12-15', '2025-11-10', '2025-12-20', 7)},
      ${o('o6', 'Hooli', 'Tech', 'sam@x', 'in_progress', 60, '2026-01-05', '2026-03-15', null, '2026-03-05', '2026-02-05', 8)};`);
  await deriveForTests();
});

const f: Filters = { from: '2026-01-01', to: '2026-03-31', ...NO_FILTERS };

describe('outcomes charts', () => {
  it('counts outcomes achieved per month of the window, by their achieved date', async () => {
    expect((await sql(achievedMonthsSql(f))).map((r) => [r.month, r.achieved])).toEqual([['2026-01-01', 1], ['2026-02-01', 1], ['2026-03-01', 0]]);
  });
  it('counts outcomes overdue at each month’s end from the snapshots by then, and agrees with the tables at the window’s end', async () => {
    const rows = await sql(overdueMonthsSql(f));
    expect(rows.map((r) => [r.month, r.month_end, r.overdue])).toEqual([['2026-01-01', '2026-01-31', 1], ['2026-02-01', '2026-02-28', 1], ['2026-03-01', '2026-03-31', 3]]);
    const segments = await sql(outcomesBySegmentSql(f));
    expect(segments.reduce((s, r) => s + Number(r.overdue), 0)).toBe(rows.at(-1)!.overdue);
  });
  it('reads a window that ends mid-month at its end, and follows the filters', async () => {
    const early = { ...f, to: '2026-02-15' };
    expect((await sql(overdueMonthsSql(early))).map((r) => [r.month_end, r.overdue])).toEqual([['2026-01-31', 1], ['2026-02-15', 2]]);
    // o3 is achieved on 02-18, after that window's end: not achieved in it.
    expect((await sql(achievedMonthsSql(early))).map((r) => r.achieved)).toEqual([1, 0]);
    expect((await sql(overdueMonthsSql({ ...f, segments: ['Tech'] }))).map((r) => r.overdue)).toEqual([0, 0, 2]);
    expect((await sql(achievedMonthsSql({ ...f, csms: ['sam@x'] }))).map((r) => r.achieved)).toEqual([0, 1, 0]);
  });
  it('summarises time to first value per segment: quartiles, median and range', async () => {
    const rows = Object.fromEntries((await sql(ttfvSegmentsSql(f))).map((r) => [r.segment, r]));
    expect(rows.High).toMatchObject({ value_n: 3, ttfv_min: 20, ttfv_q1: 25, median_days_to_value: 30, ttfv_q3: 35, ttfv_max: 40 });
    expect(rows.Tech).toMatchObject({ value_n: 2, ttfv_min: 40, ttfv_q1: 44.75, median_days_to_value: 49.5, ttfv_q3: 54.25, ttfv_max: 59 });
    expect((await sql(ttfvPointsSql(f))).map((r) => [r.segment, r.days_to_value])).toEqual([['High', 20], ['High', 30], ['High', 40], ['Tech', 40], ['Tech', 59]]);
    // The same medians as the segments table.
    for (const s of await sql(outcomesBySegmentSql(f))) expect(rows[String(s.segment)]?.median_days_to_value ?? null).toBe(s.median_days_to_value);
  });
  it('reads the same from the rows made once per filter change', async () => {
    await sql(`CREATE OR REPLACE TABLE outcome_rows_once AS ${outcomeRowsSql(f)}`);
    expect(await sql(achievedMonthsSql(f, 'outcome_rows_once'))).toEqual(await sql(achievedMonthsSql(f)));
    expect(await sql(ttfvSegmentsSql(f, 'outcome_rows_once'))).toEqual(await sql(ttfvSegmentsSql(f)));
  });
  it('lists behind each mark exactly the outcomes it counts', async () => {
    for (const w of [f, { ...f, to: '2026-02-15' }, { ...f, segments: ['Tech'] }]) {
      const marks: [DrillTarget, number][] = [
        ...(await sql(achievedMonthsSql(w))).map((r) => [{ type: 'outcomes', chart: 'achieved', key: String(r.month), label: '' }, Number(r.achieved)] as [DrillTarget, number]),
        ...(await sql(overdueMonthsSql(w))).map((r) => [{ type: 'outcomes', chart: 'overdue', key: String(r.month_end), label: '' }, Number(r.overdue)] as [DrillTarget, number]),
        ...(await sql(ttfvSegmentsSql(w))).map((r) => [{ type: 'outcomes', chart: 'ttfv', key: String(r.segment), label: '' }, Number(r.value_n)] as [DrillTarget, number])
      ];
      for (const [t, n] of marks) {
        expect((await sql(drillSql(t, w))).length, JSON.stringify(t)).toBe(n);
        expect((await sql(drillSplitSql(t, w))).reduce((s, r) => s + Number(r.n), 0)).toBe(n);
      }
    }
    const mar = await sql(drillSql({ type: 'outcomes', chart: 'overdue', key: '2026-03-31', label: '' }, f));
    expect(mar.map((r) => [r.account, r.segment, r.arr, r.due, r.snapshot])).toEqual([
      ['Acme', 'High', 120000, '2026-01-31', '2026-02-15'],
      ['Hooli', 'Tech', 30000, '2026-03-15', '2026-02-05'],
      ['Initech', 'Tech', null, '2026-02-28', '2026-03-10']
    ]);
    const feb = await sql(drillSql({ type: 'outcomes', chart: 'overdue', key: '2026-02-28', label: '' }, f));
    expect(feb.map((r) => [r.account, r.progress_pct])).toEqual([['Acme', 50]]);
    expect((await sql(drillSql({ type: 'outcomes', chart: 'achieved', key: '2026-02-01', label: '' }, f))).map((r) => [r.account, r.achieved_on])).toEqual([['Globex', '2026-02-18']]);
  });
});
