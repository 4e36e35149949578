import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import { factSpans, heldCustomerTouches, heldMeetings } from './touches';
import { drillNeeds, factNeeds } from './rowNeeds';

describe('the days a rollup does not cover', () => {
  it.each([
    // Tuesday to Saturday across whole weeks: the Tuesday week's tail and the last week's Monday–Saturday.
    ['2026-01-06', '2026-01-24', 'week', [{ from: '2026-01-06', to: '2026-01-11' }, { from: '2026-01-19', to: '2026-01-24' }]],
    ['2026-01-05', '2026-01-18', 'week', []],
    ['2026-01-06', '2026-01-10', 'week', [{ from: '2026-01-06', to: '2026-01-10' }]],
    // By month: January 5–31 and March 1–20 are part-months; their whole weeks (January 5–25, March 2–15) come
    // from the weekly rollup, so the facts are January 26–31, Sunday March 1 and March 16–20.
    ['2026-01-05', '2026-03-20', 'month', [{ from: '2026-01-26', to: '2026-01-31' }, { from: '2026-03-01', to: '2026-03-01' }, { from: '2026-03-16', to: '2026-03-20' }]],
    // No whole month, across September's end: cut there first, so the week of September 29 is read as days.
    ['2025-09-24', '2025-10-20', 'month', [{ from: '2025-09-24', to: '2025-09-30' }, { from: '2025-10-01', to: '2025-10-05' }, { from: '2025-10-20', to: '2025-10-20' }]],
    ['2026-01-01', '2026-03-31', 'month', []],
    ['2026-03-10', '2026-03-09', 'month', []]
  ] as const)('%s … %s by %s', (from, to, grain, spans) => {
    expect(factSpans({ from, to }, grain)).toEqual(spans);
  });
});

describe('what a view fetches of a published page’s partitioned tables', () => {
  it('the facts of the edge days at either grain, for the window capped at "as of" and the period before', () => {
    const needs = factNeeds({ from: '2026-01-05', to: '2026-04-05' }, '2026-03-20');
    // 13 weeks from a Monday: whole weeks; by month, the days of January and April no whole week covers.
    // Capped at March 20: March 16–20 (by week and by month) and Sunday March 1 (by month).
    expect(needs).toContainEqual({ table: 'meeting_facts', from: '2026-01-26', to: '2026-01-31' });
    expect(needs).toContainEqual({ table: 'meeting_facts', from: '2026-04-01', to: '2026-04-05' });
    expect(needs).toContainEqual({ table: 'meeting_facts', from: '2026-03-16', to: '2026-03-20' });
    expect(needs).toContainEqual({ table: 'meeting_facts', from: '2026-03-01', to: '2026-03-01' });
    expect(needs).not.toContainEqual({ table: 'meeting_facts', from: '2026-01-05', to: '2026-01-31' });
    expect(needs.every((n) => n.table === 'meeting_facts' && n.from <= n.to)).toBe(true);
  });

  it('the meetings a drill-down lists: its window and what it names', () => {
    const f = { from: '2026-01-05', to: '2026-04-05' };
    expect(drillNeeds({ type: 'account', account: 'Acme', label: 'Acme' }, f)).toEqual([{ table: 'meetings', ...f, equals: { account: 'Acme' } }]);
    expect(drillNeeds({ type: 'pair', manager: 'ana', csm: 'bo', label: '' }, f)).toEqual([{ table: 'meetings', ...f, equals: { manager: 'ana', csm: 'bo' } }]);
    expect(drillNeeds({ type: 'manager', manager: 'ana', label: '' }, f)).toEqual([{ table: 'meetings', ...f, equals: { manager: 'ana' } }]);
    expect(drillNeeds({ type: 'period', start: '2026-01-01', grain: 'month', label: '' }, f)).toEqual([{ table: 'meetings', from: '2026-01-05', to: '2026-01-31', equals: {} }]);
    expect(drillNeeds({ type: 'goals', chart: 'progress', key: '0', label: '' }, f)).toEqual([]);
  });
});

describe('the touch counts need no facts but those named', () => {
  beforeAll(async () => {
    // A held or cancelled meeting on every other day of 2025–2026, of every kind and channel.
    await sql(`
      CREATE OR REPLACE TABLE meetings AS
      SELECT (DATE '2025-01-01' + INTERVAL (2 * i) DAY + INTERVAL 9 HOUR)::TIMESTAMP AS start_at,
        ['customer', 'internal', 'one_on_one'][1 + i % 3] AS kind,
        CASE WHEN i % 5 = 0 THEN 'cancelled' ELSE 'held' END AS status,
        CASE WHEN i % 4 = 0 THEN 'email' ELSE 'meeting' END AS channel,
        'Acct ' || (i % 3) AS account, 'csm' || (i % 2) AS csm, 'mgr' AS manager
      FROM range(360) r(i);`);
    await deriveForTests(); // the other canonical tables, empty
    await sql('CREATE OR REPLACE TABLE all_facts AS SELECT * FROM meeting_facts');
  });

  const counts = (from: string, to: string) =>
    sql(`SELECT 'touch' AS what, d, account, channel, n FROM ${heldCustomerTouches({ from, to })}
      UNION ALL SELECT 'week', d, kind, channel, n FROM ${heldMeetings({ from, to }, 'week')}
      UNION ALL SELECT 'month', d, kind, channel, n FROM ${heldMeetings({ from, to }, 'month')} ORDER BY ALL`);

  it.each([
    ['2025-03-03', '2025-05-31', '2025-05-31'],
    ['2025-02-11', '2025-09-17', '2025-08-30'],
    ['2025-06-05', '2025-06-20', '2025-06-20'],
    ['2025-12-24', '2026-01-09', '2026-01-09']
  ])('%s … %s ("as of" %s): the same counts with only the facts the needs name', async (from, to, asOf) => {
    await sql('CREATE OR REPLACE TABLE meeting_facts AS SELECT * FROM all_facts');
    const windows = [{ from, to }, { from, to: asOf }];
    const want = await Promise.all(windows.map((w) => counts(w.from, w.to)));
    expect(want[0].length).toBeGreaterThan(0);
    const spans = factNeeds({ from, to }, asOf).map((n) => `d BETWEEN DATE '${n.from}' AND DATE '${n.to}'`);
    await sql(`CREATE OR REPLACE TABLE meeting_facts AS SELECT * FROM all_facts WHERE ${spans.join(' OR ') || 'false'}`);
    const [{ kept }] = await sql('SELECT count(*)::INTEGER AS kept FROM meeting_facts');
    const [{ all }] = await sql('SELECT count(*)::INTEGER AS "all" FROM all_facts');
    expect(Number(kept)).toBeLessThan(Number(all));
    for (const [i, w] of windows.entries()) expect(await counts(w.from, w.to)).toEqual(want[i]);
  });
});
