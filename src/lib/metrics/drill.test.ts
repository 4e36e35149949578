import { describe, it, expect, beforeAll } from 'vitest';
import { sql, deriveForTests } from '$lib/testing/duckdb-node';
import type { Row } from '$lib/engine/values';
import { drillSplitSql, drillSql, type DrillTarget } from './drill';
import { NO_FILTERS, type Filters } from './filters';
import { accountsSql, weeklySql } from './meetingsOutcomes';
import { managersSql, pairsSql } from './oneOnOne';

describe('drill-down', () => {
  beforeAll(async () => {
    await sql(`
    CREATE OR REPLACE TABLE meetings (start_at TIMESTAMP, title VARCHAR, kind VARCHAR, status VARCHAR, channel VARCHAR, manager VARCHAR, csm VARCHAR, account VARCHAR, source_file VARCHAR, source_row INTEGER);
    INSERT INTO meetings VALUES
      (TIMESTAMP '2026-01-05 09:00:00', '1:1', 'one_on_one', 'held', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 1),
      (TIMESTAMP '2026-01-12 09:00:00', '1:1', 'one_on_one', 'cancelled', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 2),
      (TIMESTAMP '2025-12-01 09:00:00', '1:1', 'one_on_one', 'held', 'meeting', 'd@x', 'a@x', NULL, 'o.csv', 3),
      (TIMESTAMP '2026-01-06 09:00:00', 'QBR', 'customer', 'held', 'meeting', 'd@x', 'a@x', 'Acme', 'h.csv', 1),
      (TIMESTAMP '2026-01-07 09:00:00', 'Follow-up', 'customer', 'held', 'email', 'd@x', 'a@x', 'Acme', 'h.csv', 2),
      (TIMESTAMP '2026-01-08 09:00:00', 'Kickoff', 'customer', 'cancelled', 'meeting', 'd@x', 'a@x', 'Acme', 'h.csv', 3);
    ALTER TABLE meetings ADD COLUMN notes VARCHAR;
    ${['agenda_goals', 'agenda_bottlenecks', 'agenda_customers', 'agenda_coaching', 'agenda_career'].map((c) => `ALTER TABLE meetings ADD COLUMN ${c} BOOLEAN;`).join('\n')}
    UPDATE meetings SET notes = 'Renewal plan for Acme; <b>career</b>: wants to lead onboarding', agenda_goals = true, agenda_bottlenecks = false, agenda_customers = true, agenda_coaching = false, agenda_career = true WHERE source_file = 'o.csv' AND source_row = 1;
    UPDATE meetings SET agenda_goals = false, agenda_bottlenecks = false, agenda_customers = false, agenda_coaching = false, agenda_career = false WHERE source_file = 'o.csv' AND source_row = 2;
    CREATE OR REPLACE TABLE person_names (person_key VARCHAR, name VARCHAR); INSERT INTO person_names VALUES ('a@x', 'Alex');
    CREATE OR REPLACE TABLE outcomes (as_of DATE);
    CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
    await deriveForTests();
  });

  it('lists the rows behind a pair, an account or a week in the window, with their source rows', async () => {
    const f = { from: '2026-01-01', to: '2026-01-31', ...NO_FILTERS };
    const pair = await sql(drillSql({ type: 'pair', manager: 'd@x', csm: 'a@x', label: '' }, f));
    expect(pair.map((r) => [r.start, r.status, r.csm_name, r.source_row])).toEqual([
      ['2026-01-05 09:00', 'held', 'Alex', 1],
      ['2026-01-12 09:00', 'cancelled', 'Alex', 2]
    ]);
    // A 1:1's agenda items in words and its notes as written; "none" when its agenda mentions none.
    expect(pair.map((r) => [r.agenda_covered, r.notes])).toEqual([
      ['Goals, Customers, Career', 'Renewal plan for Acme; <b>career</b>: wants to lead onboarding'],
      ['none', null]
    ]);
    // An account's touches are held ones on every channel: the cancelled kickoff is not one.
    const acct = await sql(drillSql({ type: 'account', account: 'Acme', label: '' }, f));
    expect(acct.map((r) => [r.title, r.channel, r.source_file])).toEqual([
      ['QBR', 'meeting', 'h.csv'],
      ['Follow-up', 'email', 'h.csv']
    ]);
    const week = await sql(drillSql({ type: 'period', start: '2026-01-05', grain: 'week', label: '' }, f));
    expect(week.map((r) => r.title)).toEqual(['QBR', 'Follow-up']);
    expect(await sql(drillSplitSql({ type: 'account', account: 'Acme', label: '' }, f))).toEqual([
      { part: 'email', n: 1 },
      { part: 'meeting', n: 1 }
    ]);
  });
});

/**
 * Every mark's number against the rows its drill lists, on a varied history: every channel (and none),
 * every status, several CSMs, managers and accounts, windows that cut weeks and months, and each filter.
 */
describe('a mark counts exactly the rows its drill-down lists', () => {
  beforeAll(async () => {
    await sql(`
      CREATE OR REPLACE TABLE meetings AS
      SELECT (DATE '2025-10-27' + INTERVAL (i % 157) DAY + INTERVAL (8 + i % 9) HOUR)::TIMESTAMP AS start_at, 'm' || i AS title,
        CASE WHEN i % 6 = 0 THEN 'one_on_one' WHEN i % 13 = 0 THEN 'internal' ELSE 'customer' END AS kind,
        CASE WHEN i % 5 = 0 THEN 'cancelled' WHEN i % 11 = 0 THEN 'rescheduled' WHEN i % 17 = 0 THEN 'no_show' ELSE 'held' END AS status,
        CASE WHEN i % 6 = 0 THEN 'meeting' ELSE [NULL, 'meeting', 'call', 'email', 'async', 'self_service', 'meeting'][1 + i % 7] END AS channel,
        'mgr' || (i % 2) AS manager, 'csm' || (i % 4) AS csm,
        CASE WHEN i % 6 = 0 THEN NULL ELSE 'Acct ' || (i % 9) END AS account, 'x.csv' AS source_file, i AS source_row,
        'notes ' || i AS notes, i % 2 = 0 AS agenda_goals, i % 3 = 0 AS agenda_bottlenecks, i % 4 = 0 AS agenda_customers, i % 5 = 0 AS agenda_coaching, i % 7 = 0 AS agenda_career
      FROM range(1400) r(i);
      CREATE OR REPLACE TABLE people (person_key VARCHAR, name VARCHAR, manager_key VARCHAR, team VARCHAR, start_date DATE, end_date DATE);
      INSERT INTO people VALUES ('csm0', 'C0', 'mgr0', 'East', NULL, NULL), ('csm1', 'C1', 'mgr1', 'West', NULL, NULL),
        ('csm2', 'C2', 'mgr0', 'East', NULL, NULL), ('csm3', 'C3', 'mgr1', 'West', NULL, NULL);
      CREATE OR REPLACE TABLE person_names AS SELECT person_key, name FROM people;
      CREATE OR REPLACE TABLE accounts (account VARCHAR, segment VARCHAR, csm VARCHAR);
      CREATE OR REPLACE TABLE outcomes (account VARCHAR, segment VARCHAR, csm VARCHAR, as_of DATE);
      CREATE OR REPLACE TABLE goals (start_date DATE, updated_at TIMESTAMP);`);
    await deriveForTests();
  });

  const windows: Filters[] = [
    { from: '2025-10-27', to: '2026-03-31', ...NO_FILTERS },
    { from: '2025-11-05', to: '2026-02-18', ...NO_FILTERS },
    { from: '2025-12-03', to: '2026-01-14', ...NO_FILTERS, csms: ['csm2'] },
    { from: '2025-11-05', to: '2026-02-18', ...NO_FILTERS, managers: ['mgr0'] },
    { from: '2025-11-05', to: '2026-02-18', ...NO_FILTERS, teams: ['West'] },
    { from: '2025-11-05', to: '2026-02-18', ...NO_FILTERS, kinds: ['customer', 'internal'] },
    { from: '2025-11-05', to: '2026-02-18', ...NO_FILTERS, kinds: ['one_on_one'] }
  ];
  const rowsOf = (t: DrillTarget, f: Filters) => sql(drillSql(t, f));
  const split = async (t: DrillTarget, f: Filters) => Object.fromEntries((await sql(drillSplitSql(t, f))).map((r) => [String(r.part), Number(r.n)]));
  const sumOf = (o: Record<string, number>) => Object.values(o).reduce((s, n) => s + n, 0);
  const label = (f: Filters) => `${f.from}…${f.to} ${JSON.stringify({ ...f, from: undefined, to: undefined })}`;

  it.each(windows.map((f) => [label(f), f]))('a scatter mark and an account row: %s', async (_, f) => {
    const accounts = await sql(accountsSql(f as Filters));
    let checked = 0;
    for (const a of accounts) {
      const t: DrillTarget = { type: 'account', account: String(a.account), label: '' };
      const rows = await rowsOf(t, f as Filters);
      const parts = await split(t, f as Filters);
      expect(rows.length, `${a.account}: all touches`).toBe(a.touches);
      expect(sumOf(parts)).toBe(a.touches);
      expect(rows.filter((r) => r.channel === 'meeting').length, `${a.account}: meetings`).toBe(a.meetings);
      expect(parts.meeting ?? 0).toBe(a.meetings);
      for (const ch of ['call', 'email', 'async', 'self_service']) expect(parts[ch] ?? 0, `${a.account}: ${ch}`).toBe(a[ch === 'call' ? 'calls' : ch === 'email' ? 'emails' : ch]);
      expect(rows.every((r) => r.status === 'held')).toBe(true);
      checked += Number(a.touches);
    }
    if (!(f as Filters).kinds.includes('one_on_one')) expect(checked).toBeGreaterThan(0);
  });

  it.each(windows.flatMap((f) => (['week', 'month'] as const).map((g) => [`${g} ${label(f)}`, f, g] as const)))('a bar: %s', async (_, f, grain) => {
    const periods: Row[] = await sql(weeklySql(f, grain));
    expect(periods.length).toBeGreaterThan(0);
    for (const p of periods) {
      const t: DrillTarget = { type: 'period', start: String(p.week), grain, label: '' };
      const rows = await rowsOf(t, f);
      const parts = await split(t, f);
      expect(rows.length, `${p.week}: touches`).toBe(Number(p.customer) + Number(p.other_touches));
      expect(sumOf(parts)).toBe(rows.length);
      expect(parts.meeting ?? 0, `${p.week}: meetings`).toBe(p.customer);
    }
  });

  it.each(windows.slice(0, 4).map((f) => [label(f), f]))('a pair: %s', async (_, f) => {
    const pairs = await sql(pairsSql(f as Filters));
    expect(pairs.length).toBeGreaterThan(0);
    for (const p of pairs) {
      const t: DrillTarget = { type: 'pair', manager: String(p.manager), csm: String(p.csm), label: '' };
      const parts = await split(t, f as Filters);
      expect((await rowsOf(t, f as Filters)).length).toBe(sumOf(parts));
      expect(parts.held ?? 0, `${p.manager}/${p.csm}: held`).toBe(p.held_count);
      expect(parts.cancelled ?? 0).toBe(p.cancelled);
      expect(parts.rescheduled ?? 0).toBe(p.rescheduled);
      expect((parts.held ?? 0) + (parts.cancelled ?? 0) + (parts.rescheduled ?? 0) + (parts.no_show ?? 0)).toBe(p.due);
    }
  });

  it.each(windows.slice(0, 4).map((f) => [label(f), f]))('a manager (an overview finding): %s', async (_, f) => {
    const managers = await sql(managersSql(f as Filters));
    expect(managers.length).toBeGreaterThan(0);
    for (const m of managers) {
      const t: DrillTarget = { type: 'manager', manager: String(m.manager), label: '' };
      const parts = await split(t, f as Filters);
      expect((await rowsOf(t, f as Filters)).length).toBe(sumOf(parts));
      expect(sumOf(parts), `${m.manager}: due`).toBe(m.due);
      expect(parts.cancelled ?? 0).toBe(m.cancelled);
      expect(parts.rescheduled ?? 0).toBe(m.rescheduled);
      expect(parts.scheduled ?? 0).toBe(0);
    }
  });
});
