import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { fullPeriods, heldCustomerTouches, heldMeetings, windowCover } from './touches';

const fullMonths = (from: string, to: string) => fullPeriods(from, to, 'month');

describe('whole weeks in a window', () => {
  it.each([
    ['2026-01-05', '2026-01-18', { first: '2026-01-05', last: '2026-01-12' }], // Monday to Sunday, two weeks
    ['2026-01-06', '2026-01-25', { first: '2026-01-12', last: '2026-01-19' }], // Tuesday start, Sunday end
    ['2026-01-05', '2026-01-17', { first: '2026-01-05', last: '2026-01-05' }], // Saturday end: one whole week
    ['2025-12-29', '2026-01-04', { first: '2025-12-29', last: '2025-12-29' }], // across the new year
    ['2026-01-06', '2026-01-11', null],
    ['2026-01-05', '2026-01-10', null]
  ])('%s … %s', (from, to, expected) => {
    expect(fullPeriods(from, to, 'week')).toEqual(expected);
  });
});

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

describe('how a window is read: whole periods, whole weeks of part-months, days', () => {
  it('a year from a Monday to a Tuesday, by month', () => {
    // 2025-01-06 (Mon) … 2025-12-30 (Tue): February to November whole; January 6–26 and December 1–28 in weeks.
    expect(windowCover({ from: '2025-01-06', to: '2025-12-30' }, 'month')).toEqual({
      periods: { first: '2025-02-01', last: '2025-11-01' },
      weeks: [{ first: '2025-01-06', last: '2025-01-20' }, { first: '2025-12-01', last: '2025-12-22' }],
      days: [{ from: '2025-01-27', to: '2025-01-31' }, { from: '2025-12-29', to: '2025-12-30' }]
    });
  });
  it('by week, the edge days only', () => {
    expect(windowCover({ from: '2025-01-06', to: '2025-12-30' }, 'week')).toEqual({
      periods: { first: '2025-01-06', last: '2025-12-22' },
      weeks: [],
      days: [{ from: '2025-12-29', to: '2025-12-30' }]
    });
  });
  it('no week is read across a month end', () => {
    // 2025-09-24 (Wed) … 2025-10-20 (Mon): the week of September 29 crosses into October, so its days are read.
    expect(windowCover({ from: '2025-09-24', to: '2025-10-20' }, 'month')).toEqual({
      periods: null,
      weeks: [{ first: '2025-10-06', last: '2025-10-13' }],
      days: [{ from: '2025-09-24', to: '2025-09-30' }, { from: '2025-10-01', to: '2025-10-05' }, { from: '2025-10-20', to: '2025-10-20' }]
    });
  });
  it('an empty window reads nothing', () => {
    expect(windowCover({ from: '2025-03-10', to: '2025-03-09' }, 'month')).toEqual({ periods: null, weeks: [], days: [] });
  });
});

describe('held meetings from the rollups', () => {
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
    ['2025-12-15', '2026-01-15'],
    ['2025-09-24', '2025-10-20']
  ])('%s … %s counts what the meetings table counts', async (from, to) => {
    const got = await sql(`SELECT account, channel, sum(n)::INTEGER AS n FROM ${heldCustomerTouches({ from, to })} GROUP BY ALL ORDER BY ALL`);
    const want = await sql(`SELECT account, channel, count(*)::INTEGER AS n FROM meetings
      WHERE kind = 'customer' AND status = 'held' AND CAST(start_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}' GROUP BY ALL ORDER BY ALL`);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });

  it.each([
    ['2025-01-01', '2026-12-31', 'week'],
    ['2025-01-08', '2025-05-20', 'week'],
    ['2025-03-03', '2025-03-09', 'week'],
    ['2025-01-14', '2025-11-03', 'month'],
    ['2025-06-28', '2025-07-04', 'month'],
    ['2025-09-24', '2025-11-20', 'month'],
    ['2025-01-06', '2025-12-30', 'month']
  ] as const)('%s … %s by %s counts what the meetings table counts', async (from, to, grain) => {
    const got = await sql(`SELECT date_trunc('${grain}', d)::DATE AS p, kind, channel, sum(n)::INTEGER AS n FROM ${heldMeetings({ from, to }, grain)} GROUP BY ALL ORDER BY ALL`);
    const want = await sql(`SELECT date_trunc('${grain}', start_at)::DATE AS p, kind, channel, count(*)::INTEGER AS n FROM meetings
      WHERE status = 'held' AND CAST(start_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}' GROUP BY ALL ORDER BY ALL`);
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual(want);
  });
});
